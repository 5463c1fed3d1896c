package org.harmattan.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.ingest.acled.AcledEventMapper;
import org.harmattan.ingest.acled.AcledVariant;
import org.harmattan.ingest.gdelt.GdeltEventMapper;
import org.harmattan.ingest.gdelt.GdeltVersion;
import org.harmattan.ingest.row.EventRowMapper;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.ucdp.UcdpEventMapper;
import org.harmattan.ingest.ucdp.UcdpVariant;

/** Every event-file format Harmattan reads, with the id a user gives to {@code --format}. */
public enum SourceFormat {
  ACLED("acled", SourceSystem.ACLED, "ACLED export or API CSV (current schema, sub_event_type)"),
  ACLED_2019(
      "acled-2019",
      SourceSystem.ACLED,
      "ACLED export before the 2019 taxonomy (no sub_event_type, \"22 February 2019\" dates)"),
  ACLED_2016(
      "acled-2016", SourceSystem.ACLED, "ACLED 2016 upper-case schema (GWNO, EVENT_ID_CNTY, …)"),
  ACLED_HDX("acled-hdx", SourceSystem.ACLED, "ACLED via HDX, with an HXL hashtag row"),
  UCDP_GED("ucdp-ged", SourceSystem.UCDP, "UCDP GED CSV since v20 (49 columns)"),
  UCDP_GED_V19("ucdp-ged-v19", SourceSystem.UCDP, "UCDP GED v19 CSV (42 columns)"),
  UCDP_HDX("ucdp-hdx", SourceSystem.UCDP, "UCDP via HDX, with an HXL hashtag row"),
  GDELT_1("gdelt1", SourceSystem.GDELT, "GDELT 1.0 daily event file (57/58 tab-separated columns)"),
  GDELT_2("gdelt2", SourceSystem.GDELT, "GDELT 2.0 event file (61 tab-separated columns)");

  private final String id;
  private final SourceSystem system;
  private final String description;

  SourceFormat(String id, SourceSystem system, String description) {
    this.id = id;
    this.system = system;
    this.description = description;
  }

  /** The name used on the command line and in reports, e.g. {@code acled-2019}. */
  public String id() {
    return id;
  }

  public SourceSystem system() {
    return system;
  }

  public String description() {
    return description;
  }

  /** Whether the file starts with a header line (GDELT files have none). */
  public boolean hasHeader() {
    return system != SourceSystem.GDELT;
  }

  /** The documented columns of a header-less format. */
  public List<String> documentedColumns() {
    return switch (this) {
      case GDELT_1 -> GdeltVersion.V1.columns();
      case GDELT_2 -> GdeltVersion.V2.columns();
      default -> List.of();
    };
  }

  /**
   * Whether a data row with {@code fieldCount} fields has the right shape for a file whose header
   * has {@code headerCount} columns. GDELT 1.0 rows before April 2013, and some later ones, lack
   * the trailing SOURCEURL column.
   */
  public boolean acceptsFieldCount(int fieldCount, int headerCount) {
    return switch (this) {
      case GDELT_1 -> fieldCount == 57 || fieldCount == 58;
      case GDELT_2 -> fieldCount == 61;
      default -> fieldCount == headerCount;
    };
  }

  /** The expected field count in words, for messages. */
  public String expectedFieldCount(int headerCount) {
    return switch (this) {
      case GDELT_1 -> "57 or 58 (GDELT 1.0)";
      case GDELT_2 -> "61 (GDELT 2.0)";
      default -> headerCount + " (the header's column count)";
    };
  }

  /** A mapper for rows of one file of this format. */
  public EventRowMapper mapper(RowContext context, LocalDate today) {
    return switch (this) {
      case ACLED -> new AcledEventMapper(AcledVariant.CURRENT, context, today);
      case ACLED_2019 -> new AcledEventMapper(AcledVariant.EXPORT_2019, context, today);
      case ACLED_2016 -> new AcledEventMapper(AcledVariant.SCHEMA_2016, context, today);
      case ACLED_HDX -> new AcledEventMapper(AcledVariant.HDX_HXL, context, today);
      case UCDP_GED -> new UcdpEventMapper(UcdpVariant.GED, context, today);
      case UCDP_GED_V19 -> new UcdpEventMapper(UcdpVariant.GED_V19, context, today);
      case UCDP_HDX -> new UcdpEventMapper(UcdpVariant.HDX_HXL, context, today);
      case GDELT_1 -> new GdeltEventMapper(GdeltVersion.V1, context, today);
      case GDELT_2 -> new GdeltEventMapper(GdeltVersion.V2, context, today);
    };
  }

  /** Finds a format by its id, ignoring case. */
  public static Optional<SourceFormat> findById(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (SourceFormat f : values()) {
      if (f.id.equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** All ids, comma-separated, for help texts and messages. */
  public static String listIds() {
    StringBuilder sb = new StringBuilder();
    for (SourceFormat f : values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(f.id);
    }
    return sb.toString();
  }
}

package org.harmattan.ingest.series;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.harmattan.ingest.FormatDetector;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.TextLines;
import org.harmattan.ingest.hxl.HxlReader;

/** Every monthly series format Harmattan reads, recognised by its header. */
public enum SeriesFormat {
  /**
   * The VIEWS country-month file: UCDP GED state-based fatalities per country and month, as the
   * VIEWS prediction competition distributes them ({@code
   * month_id,year,month,country_id,gwcode,isoab,name,ged_sb}, and a {@code source} column in the
   * competition's merged file).
   */
  VIEWS_CM(
      "views-cm",
      "VIEWS country-month fatalities (UCDP GED state-based, ged_sb)",
      "month_id,year,month,country_id,gwcode,isoab,name,ged_sb",
      "source");

  private final String id;
  private final String description;

  /** Comma-separated (an enum's fields stay immutable). */
  private final String columns;

  private final String optionalColumns;

  SeriesFormat(String id, String description, String columns, String optional) {
    this.id = id;
    this.description = description;
    this.columns = columns;
    this.optionalColumns = optional;
  }

  /** The name used in reports and the ingest log, e.g. {@code views-cm}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The columns the format needs, matched by name in any order and any case. */
  public List<String> columns() {
    return List.of(columns.split(",", -1));
  }

  /** Whether a header of these names is this format: every column it needs, nothing unknown. */
  boolean matches(List<String> header) {
    Set<String> names = new HashSet<>();
    for (String h : header) {
      names.add(h.strip().toLowerCase(Locale.ROOT));
    }
    if (!names.containsAll(columns())) {
      return false;
    }
    columns().forEach(names::remove);
    List.of(optionalColumns.split(",", -1)).forEach(names::remove);
    return names.isEmpty();
  }

  /** The format of a header line, if it is a series format. */
  public static Optional<SeriesFormat> recognise(String headerLine) {
    String line =
        !headerLine.isEmpty() && headerLine.charAt(0) == '\uFEFF'
            ? headerLine.substring(1)
            : headerLine;
    List<String> fields = FormatDetector.split(line, FormatDetector.sniffDelimiter(line));
    for (SeriesFormat f : values()) {
      if (f.matches(fields)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The series format of {@code file} from its first non-blank line; empty for spreadsheets, empty
   * files and every other header.
   */
  public static Optional<SeriesFormat> detect(SourceFile file) {
    if (HxlReader.isSpreadsheet(file.path())) {
      return Optional.empty();
    }
    // Line by line as the event reader decodes (TextLines): a bad byte further on is not this
    // check's business.
    try (TextLines in = TextLines.open(file.path())) {
      TextLines.Line line;
      while ((line = in.next()) != null) {
        if (!line.text().isBlank()) {
          return recognise(line.text());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw SourceFile.unreadable(file.path(), e);
    }
  }
}

package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.gdelt.GdeltVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values at every limit a column can reach, through the whole pipeline into a real store: each is
 * stored or quarantined with its problem, never an exception (a year-2286 ACLED timestamp used to
 * overflow the store's microsecond arithmetic and end the file as an internal error). A file holds
 * a good row, then the row with one value replaced.
 */
class ValuesAtTheLimitsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final String ACCEPTED = "accepted";

  @TempDir Path dir;

  private static Map<String, String> acledRow(String id) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("event_id_cnty", id);
    r.put("event_date", "2019-02-22");
    r.put("year", "2019");
    r.put("time_precision", "1");
    r.put("disorder_type", "Political violence");
    r.put("event_type", "Battles");
    r.put("sub_event_type", "Armed clash");
    r.put("actor1", "Military Forces of Mali (2013-2021)");
    r.put("assoc_actor_1", "");
    r.put("inter1", "1");
    r.put("actor2", "JNIM: Group for Support of Islam and Muslims");
    r.put("assoc_actor_2", "");
    r.put("inter2", "2");
    r.put("interaction", "12");
    r.put("civilian_targeting", "");
    r.put("iso", "466");
    r.put("region", "Western Africa");
    r.put("country", "Mali");
    r.put("admin1", "Mopti");
    r.put("admin2", "Douentza");
    r.put("admin3", "Boni");
    r.put("location", "Boni");
    r.put("latitude", "15.0333");
    r.put("longitude", "-1.9667");
    r.put("geo_precision", "1");
    r.put("source", "Studio Tamani");
    r.put("source_scale", "National");
    r.put("notes", "Clash near Boni.");
    r.put("fatalities", "3");
    r.put("tags", "");
    r.put("timestamp", "1551122597");
    return r;
  }

  private static Map<String, String> ucdpRow(String id) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("relid", "MLI-2017-1-11347-" + id);
    r.put("year", "2017");
    r.put("type_of_violence", "1");
    r.put("side_a", "Government of Mali");
    r.put("side_b", "JNIM");
    r.put("source_office", "Studio Tamani");
    r.put("source_headline", "Attaque contre le camp de Boni");
    r.put("where_prec", "2");
    r.put("where_coordinates", "Boni village");
    r.put("adm_1", "Mopti region");
    r.put("adm_2", "Douentza cercle");
    r.put("latitude", "15.0333");
    r.put("longitude", "-1.9667");
    r.put("country", "Mali");
    r.put("date_prec", "1");
    r.put("date_start", "2017-03-05 00:00:00.000");
    r.put("date_end", "2017-03-05 00:00:00.000");
    r.put("deaths_a", "3");
    r.put("deaths_b", "4");
    r.put("deaths_civilians", "0");
    r.put("deaths_unknown", "0");
    r.put("best", "7");
    r.put("high", "9");
    r.put("low", "6");
    return r;
  }

  private static Map<String, String> gdeltRow(String id) {
    Map<String, String> r = new LinkedHashMap<>();
    for (String column : GdeltVersion.V1.columns()) {
      r.put(column, "");
    }
    r.put("GLOBALEVENTID", id);
    r.put("SQLDATE", "20160727");
    r.put("Actor1Code", "MLIMIL");
    r.put("Actor1Name", "MALI");
    r.put("EventCode", "190");
    r.put("EventBaseCode", "190");
    r.put("EventRootCode", "19");
    r.put("Actor1Geo_CountryCode", "ML");
    r.put("ActionGeo_Type", "4");
    r.put("ActionGeo_FullName", "Nampala, Segou, Mali");
    r.put("ActionGeo_CountryCode", "ML");
    r.put("ActionGeo_Lat", "15.2833");
    r.put("ActionGeo_Long", "-5.55");
    r.put("DATEADDED", "20160728");
    r.put("SOURCEURL", "http://example.org/nampala");
    return r;
  }

  /** A file of the format: a good row on line 2 (GDELT: 1), the changed one after it. */
  private Path file(String format, String column, String value) throws IOException {
    List<String> lines = new ArrayList<>();
    Path p;
    switch (format) {
      case "acled" -> {
        Map<String, String> bad = acledRow("MLI9002");
        bad.put(column, value);
        lines.add(csv(acledRow("MLI9001").keySet()));
        lines.add(csv(acledRow("MLI9001").values()));
        lines.add(csv(bad.values()));
        p = dir.resolve("acled.csv");
      }
      case "ucdp" -> {
        Map<String, String> bad = ucdpRow("900002");
        bad.put(column, value);
        lines.add(csv(ucdpRow("900001").keySet()));
        lines.add(csv(ucdpRow("900001").values()));
        lines.add(csv(bad.values()));
        p = dir.resolve("ged.csv");
      }
      case "gdelt" -> {
        Map<String, String> bad = gdeltRow("564200002");
        bad.put(column, value);
        lines.add(String.join("\t", gdeltRow("564200001").values()));
        lines.add(String.join("\t", bad.values()));
        p = dir.resolve("20160728.export.CSV");
      }
      default -> throw new IllegalArgumentException(format);
    }
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  private static String csv(Iterable<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add("\"" + v.replace("\"", "\"\"") + "\"");
    }
    return String.join(",", quoted);
  }

  @ParameterizedTest(name = "{0} {1} = {2}: {3}")
  @CsvSource({
    // ACLED's version timestamp: seconds since 1970 from 1997 to shortly after the ingest.
    "acled, timestamp, 9999999999, implausible_timestamp",
    "acled, timestamp, 9223372036854775807, implausible_timestamp",
    "acled, timestamp, -9223372036854775808, implausible_timestamp",
    "acled, timestamp, 1551225600000, implausible_timestamp",
    "acled, timestamp, -99999999999, implausible_timestamp",
    "acled, timestamp, 0, implausible_timestamp",
    "acled, timestamp, 852076799, implausible_timestamp",
    "acled, timestamp, 852076800, accepted",
    "acled, timestamp, 99999999999999999999, bad_timestamp",
    "acled, timestamp, 1e400, bad_timestamp",
    "acled, timestamp, NaN, bad_timestamp",
    "acled, timestamp, 1551122597.5, bad_timestamp",
    "acled, latitude, 90, accepted",
    "acled, latitude, -90, accepted",
    "acled, latitude, 91, coordinates_out_of_range",
    "acled, latitude, -90.0000001, coordinates_out_of_range",
    "acled, latitude, NaN, coordinates_out_of_range",
    "acled, latitude, Infinity, coordinates_out_of_range",
    "acled, latitude, -Infinity, coordinates_out_of_range",
    "acled, latitude, 1e400, coordinates_out_of_range",
    "acled, latitude, 1.7976931348623157E308, coordinates_out_of_range",
    "acled, latitude, 9223372036854775807, coordinates_out_of_range",
    "acled, longitude, 180, accepted",
    "acled, longitude, -180, accepted",
    "acled, longitude, 181, coordinates_out_of_range",
    "acled, longitude, -4.9E-324, accepted",
    "acled, fatalities, 0, accepted",
    "acled, fatalities, 2147483647, accepted",
    "acled, fatalities, 2147483648, bad_fatalities",
    "acled, fatalities, 9223372036854775807, bad_fatalities",
    "acled, fatalities, -1, bad_fatalities",
    "acled, fatalities, NaN, bad_fatalities",
    "acled, fatalities, 1e400, bad_fatalities",
    "acled, event_date, 0000-01-01, implausible_date",
    "acled, event_date, 9999-12-31, implausible_date",
    "acled, event_date, 2019-02-30, bad_date",
    "acled, event_date, +999999999-12-31, implausible_date",
    "acled, event_date, 2019-02-22T10:00, bad_date",
    "acled, geo_precision, 9223372036854775807, not_a_number",
    "acled, geo_precision, -1, out_of_range",
    "acled, inter1, 9223372036854775807, bad_inter_code",
    "acled, interaction, 9223372036854775807, accepted",
    "acled, iso, 9223372036854775807, accepted",
    "acled, time_precision, 9223372036854775807, bad_time_precision",
    // UCDP GED: dates, deaths, precisions and coordinates.
    "ucdp, date_start, 0000-01-01, implausible_date",
    "ucdp, date_start, 9999-12-31, implausible_date",
    "ucdp, date_start, 2017-02-30, bad_date",
    "ucdp, date_end, 9999-12-31, implausible_date",
    "ucdp, date_end, 0000-01-01, implausible_date",
    "ucdp, best, 9223372036854775807, bad_fatalities",
    "ucdp, best, -1, bad_fatalities",
    "ucdp, best, NaN, bad_fatalities",
    "ucdp, best, 1e400, bad_fatalities",
    "ucdp, best, 0, inconsistent_fatalities",
    "ucdp, high, 2147483647, accepted",
    "ucdp, low, -9223372036854775808, bad_fatalities",
    "ucdp, deaths_a, 2147483647, accepted",
    "ucdp, id, 9223372036854775807, accepted",
    "ucdp, id, -1, accepted",
    "ucdp, where_prec, 9223372036854775807, not_a_number",
    "ucdp, date_prec, 9223372036854775807, bad_date_precision",
    "ucdp, latitude, 90, accepted",
    "ucdp, latitude, 91, coordinates_out_of_range",
    "ucdp, longitude, -181, coordinates_out_of_range",
    "ucdp, longitude, NaN, coordinates_out_of_range",
    // GDELT 1.0: the event day, the day the event was added, the action's point.
    "gdelt, SQLDATE, 00000101, implausible_date",
    "gdelt, SQLDATE, 99991231, implausible_date",
    "gdelt, SQLDATE, 20160230, bad_date",
    "gdelt, DATEADDED, 99991231, implausible_timestamp",
    "gdelt, DATEADDED, 00000101, implausible_timestamp",
    "gdelt, DATEADDED, 19781231, implausible_timestamp",
    "gdelt, DATEADDED, 19790101, accepted",
    "gdelt, DATEADDED, 20160230, bad_timestamp",
    "gdelt, DATEADDED, 9223372036854775807, bad_timestamp",
    "gdelt, ActionGeo_Lat, 90, accepted",
    "gdelt, ActionGeo_Lat, 91, coordinates_out_of_range",
    "gdelt, ActionGeo_Long, 181, coordinates_out_of_range",
    "gdelt, ActionGeo_Long, Infinity, coordinates_out_of_range",
    "gdelt, ActionGeo_Lat, NaN, coordinates_out_of_range",
    "gdelt, ActionGeo_Type, 9223372036854775807, not_a_number",
    "gdelt, GLOBALEVENTID, 9223372036854775807, accepted",
  })
  void aValueAtALimitIsStoredOrQuarantinedWithItsProblem(
      String format, String column, String value, String expected) throws IOException {
    Path p = file(format, column, value);
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      IngestReport r =
          new EventIngest(TODAY)
              .ingest(SourceFile.inspect(p), Optional.empty(), store.events(), b -> {});

      assertThat(r.rowsRead()).isEqualTo(2);
      List<RejectedRow> q = store.listQuarantine(10);
      if (expected.equals(ACCEPTED)) {
        assertThat(q).isEmpty();
        assertThat(r.inserted()).isEqualTo(2);
      } else {
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.quarantined()).isEqualTo(1);
        assertThat(q).hasSize(1);
        assertThat(q.get(0).lineNumber()).isEqualTo(format.equals("gdelt") ? 2 : 3);
        assertThat(q.get(0).problems()).extracting(Problem::code).containsExactly(expected);
        assertThat(q.get(0).problems().get(0).column()).isEqualTo(column);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"852076800, 1997-01-01T00:00:00Z", "1551122597, 2019-02-25T19:23:17Z"})
  void anAcceptedTimestampIsStoredAsTheInstantItNames(String seconds, String instant)
      throws IOException {
    Path p = file("acled", "timestamp", seconds);
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      new EventIngest(TODAY)
          .ingest(SourceFile.inspect(p), Optional.empty(), store.events(), b -> {});

      assertThat(store.findEvent("acled:MLI9002").orElseThrow().provenance().sourceTimestamp())
          .isEqualTo(Instant.parse(instant));
    }
  }
}

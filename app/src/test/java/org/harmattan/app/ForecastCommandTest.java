package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harmattan forecast} as its contract states, on the real files: the VIEWS layout from the
 * stored country-month series, and admin-1 regions from ACLED events. Expected draws are read from
 * the raw files with the plain CSV reader.
 */
class ForecastCommandTest {
  @TempDir Path dir;

  @Test
  void conflictologyInTheViewsLayoutGivesMalisLastTwelveMonths() throws Exception {
    Path views = SharedData.require("views_cm/cm_ged_sb_1990-01_2022-12.csv");
    String store = dir.resolve("s.duckdb").toString();
    assertThat(CliRun.of("ingest", "--store", store, views.toString()).code()).isZero();
    Path out = dir.resolve("pred.csv");

    CliRun run =
        CliRun.of(
            "forecast",
            "--store",
            store,
            "--series",
            "views-cm",
            "--level",
            "country",
            "--train-until",
            "2022-10",
            "--from",
            "2023-01",
            "--to",
            "2023-12",
            "--draws",
            "1000",
            "--format",
            "views",
            "--out",
            out.toString(),
            "--model",
            "conflictology");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("conflictology: 191 units x 12 months");
    // Mali (country_id 50), November 2021 to October 2022 (month ids 503-514), from the raw file.
    List<String> expected = new ArrayList<>();
    for (Map<String, String> r : PlainCsv.readMaps(views, 0)) {
      int monthId = Integer.parseInt(r.get("month_id"));
      if (r.get("country_id").equals("50") && monthId >= 503 && monthId <= 514) {
        expected.add(r.get("ged_sb"));
      }
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("month_id,country_id,draw,outcome");
    assertThat(lines).hasSize(1 + 191 * 12 * 12);
    List<String> mali = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("517,50,")) {
        mali.add(line.substring(line.lastIndexOf(',') + 1));
      }
    }
    assertThat(mali).containsExactlyElementsOf(expected);
  }

  @Test
  void admin1RegionsAreForecastFromTheEventsInTheStore() throws Exception {
    Path acled = SharedData.require("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv");
    // UCDP events of Mali beside ACLED's: the forecast counts one source (ACLED), never both.
    Path ucdp = SharedData.require("ucdp/ucdpged_sample_v23_1__uncertainUCDP.MALI.csv");
    String store = dir.resolve("s.duckdb").toString();
    assertThat(CliRun.of("ingest", "--store", store, acled.toString(), ucdp.toString()).code())
        .isZero();
    Path out = dir.resolve("pred.csv");

    CliRun run =
        CliRun.of(
            "forecast",
            "--store",
            store,
            "--country",
            "MLI",
            "--level",
            "admin1",
            "--train-until",
            "2018-12",
            "--from",
            "2019-01",
            "--to",
            "2019-02",
            "--draws",
            "12",
            "--out",
            out.toString(),
            "--model",
            "conflictology");

    assertThat(run.code()).as(run.err()).isZero();
    // Mopti's fatalities per month of 2018, from the raw rows of Mali (iso3 MLI).
    long[] mopti = new long[12];
    for (Map<String, String> r : PlainCsv.readMaps(acled, 0)) {
      if (r.get("iso3").equals("MLI")
          && r.get("admin1").equals("Mopti")
          && r.get("event_date").contains("2018")) {
        mopti[monthOf(r.get("event_date")) - 1] += Long.parseLong(r.get("fatalities"));
      }
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("month,admin1,draw,fatalities");
    List<String> got = new ArrayList<>();
    List<String> want = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("2019-02,Mopti,")) {
        got.add(line.substring(line.lastIndexOf(',') + 1));
      }
    }
    for (long v : mopti) {
      want.add(Long.toString(v));
    }
    assertThat(got).containsExactlyElementsOf(want);

    // Events as the outcome: Mopti's draws are its events per month of 2018.
    Path events = dir.resolve("events.csv");
    CliRun counted =
        conflictologyOfJanuary2019(
            store, events, "--country", "MLI", "--level", "admin1", "--outcome", "events");
    assertThat(counted.code()).as(counted.err()).isZero();
    long[] moptiEvents = new long[12];
    for (Map<String, String> r : PlainCsv.readMaps(acled, 0)) {
      if (r.get("iso3").equals("MLI")
          && r.get("admin1").equals("Mopti")
          && r.get("event_date").contains("2018")) {
        moptiEvents[monthOf(r.get("event_date")) - 1]++;
      }
    }
    List<String> eventLines = Files.readAllLines(events, StandardCharsets.UTF_8);
    assertThat(eventLines.get(0)).isEqualTo("month,admin1,draw,events");
    List<String> gotEvents = new ArrayList<>();
    for (String line : eventLines) {
      if (line.startsWith("2019-01,Mopti,")) {
        gotEvents.add(line.substring(line.lastIndexOf(',') + 1));
      }
    }
    assertThat(gotEvents)
        .containsExactlyElementsOf(
            java.util.Arrays.stream(moptiEvents).mapToObj(Long::toString).toList());

    // The country's own series: Mali's deaths per month of 2018 (ACLED's, not UCDP's as well).
    Path whole = dir.resolve("mali.csv");
    CliRun country =
        conflictologyOfJanuary2019(store, whole, "--country", "MLI", "--level", "country");
    assertThat(country.code()).as(country.err()).isZero();
    long[] mali = new long[12];
    for (Map<String, String> r : PlainCsv.readMaps(acled, 0)) {
      if (r.get("iso3").equals("MLI") && r.get("event_date").contains("2018")) {
        mali[monthOf(r.get("event_date")) - 1] += Long.parseLong(r.get("fatalities"));
      }
    }
    List<String> maliLines = Files.readAllLines(whole, StandardCharsets.UTF_8);
    assertThat(maliLines.get(0)).isEqualTo("month,country,draw,fatalities");
    assertThat(maliLines.subList(1, maliLines.size()))
        .extracting(l -> l.substring(l.lastIndexOf(',') + 1))
        .containsExactlyElementsOf(java.util.Arrays.stream(mali).mapToObj(Long::toString).toList());

    // Every country of the store's events: Mali as above; Burkina Faso, with one event coded BFA in
    // the export, has too little history and is listed as not forecast.
    Path countries = dir.resolve("countries.csv");
    CliRun all =
        conflictologyOfJanuary2019(
            store, countries, "--series", "events", "--level", "country", "--json");
    assertThat(all.code()).as(all.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode report =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(all.out());
    assertThat(report.get("sources").toString()).isEqualTo("[\"ACLED\"]");
    assertThat(report.get("skipped").get(0).get("unit").asText()).isEqualTo("BFA");
    List<String> countryLines = Files.readAllLines(countries, StandardCharsets.UTF_8);
    assertThat(countryLines.subList(1, countryLines.size()))
        .allMatch(l -> l.startsWith("2019-01,MLI,"))
        .extracting(l -> l.substring(l.lastIndexOf(',') + 1))
        .containsExactlyElementsOf(java.util.Arrays.stream(mali).mapToObj(Long::toString).toList());

    // H3 cells (resolution 5) of the located events: conflictology's draw d of every cell adds up
    // to Mali's deaths in month d of 2018 (every event of the export has coordinates).
    Path cells = dir.resolve("cells.csv");
    CliRun h3 = conflictologyOfJanuary2019(store, cells, "--country", "MLI", "--level", "h3");
    assertThat(h3.code()).as(h3.err()).isZero();
    List<String> cellLines = Files.readAllLines(cells, StandardCharsets.UTF_8);
    assertThat(cellLines.get(0)).isEqualTo("month,h3,draw,fatalities");
    long[] byDraw = new long[12];
    java.util.Set<String> cellIds = new java.util.HashSet<>();
    for (String line : cellLines.subList(1, cellLines.size())) {
      List<String> cols = List.of(line.split(","));
      cellIds.add(cols.get(1));
      byDraw[Integer.parseInt(cols.get(2))] += Long.parseLong(cols.get(3));
    }
    assertThat(byDraw).containsExactly(mali);
    assertThat(cellIds).hasSizeGreaterThan(50).allMatch(id -> id.matches("85[0-9a-f]{13}"));

    // The export ends on 27 February 2019: January 2019 is the last whole month.
    CliRun beyond =
        CliRun.of(
            "forecast",
            "--store",
            store,
            "--country",
            "MLI",
            "--level",
            "admin1",
            "--train-until",
            "2019-06",
            "--from",
            "2019-07",
            "--to",
            "2019-09",
            "--out",
            dir.resolve("beyond.csv").toString());
    assertThat(beyond.code()).isNotZero();
    assertThat(beyond.err())
        .contains("the store's events of MLI cover whole months up to 2019-01")
        .contains("cannot train until 2019-06")
        .doesNotContain("Exception");
  }

  @Test
  void aForecastWithoutSeriesOrBeyondTheDataSaysSo() {
    String store = dir.resolve("empty.duckdb").toString();
    CliRun none =
        CliRun.of(
            "forecast",
            "--store",
            store,
            "--train-until",
            "2022-10",
            "--from",
            "2023-01",
            "--to",
            "2023-12",
            "--out",
            dir.resolve("p.csv").toString());
    assertThat(none.code()).isNotZero();
    assertThat(none.err())
        .contains("the store holds no VIEWS country-month series")
        .doesNotContain("Exception");
    CliRun month =
        CliRun.of(
            "forecast",
            "--store",
            store,
            "--train-until",
            "2022-13",
            "--from",
            "2023-01",
            "--to",
            "2023-12",
            "--out",
            dir.resolve("p.csv").toString());
    assertThat(month.err()).contains("--train-until must be a month as YYYY-MM, not '2022-13'");
  }

  /**
   * {@code forecast} of January 2019 from data until December 2018 by conflictology (12 draws: the
   * 12 months of 2018 in order) into {@code out}, with {@code options}.
   */
  private static CliRun conflictologyOfJanuary2019(String store, Path out, String... options) {
    List<String> args = new ArrayList<>(List.of("forecast", "--store", store));
    args.addAll(List.of(options));
    args.addAll(
        List.of(
            "--train-until",
            "2018-12",
            "--from",
            "2019-01",
            "--to",
            "2019-01",
            "--draws",
            "12",
            "--out",
            out.toString(),
            "--model",
            "conflictology"));
    return CliRun.of(args.toArray(new String[0]));
  }

  private static int monthOf(String date) {
    // AC0519 writes dates as "12 March 2018".
    String[] months = {
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    };
    for (int i = 0; i < 12; i++) {
      if (date.contains(months[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(date);
  }
}

package org.harmattan.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertArea;
import org.harmattan.alerts.deliver.CapMessage;
import org.harmattan.alerts.deliver.CapSchema;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.testsupport.PlainRoads;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corridor-status} on a road graph of five towns written here (Bamako, Kayes, Sikasso,
 * Ségou, Mopti; roads from Bamako to the first three and from Ségou to Mopti), on which Mali's
 * shipped profile builds its Dakar corridor as the one segment Bamako – Kayes. Ambushes on that
 * road on 10 May, 1, 2 and 3 June 2024; a clash in Kidal, far from every corridor, on 1 January and
 * 30 September makes the store's span. By the documented thresholds (blocked: at least 3 events in
 * the last 30 days; disrupted: one in the last 90) the corridor is disrupted from 10 May, blocked
 * from 2 June (three within 30 days), disrupted again from 1 July (1 June is 30 days old) and open
 * from 1 September (3 June is 90 days old).
 */
class CorridorStatusRuleTest {
  static final double[] BAMAKO = {12.65, -8.0};
  static final double[] KAYES = {14.447, -11.444};
  private static final LocalDate TODAY = LocalDate.of(2024, 12, 1);
  private static final Period YEAR =
      new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
  private static final String DAKAR = "Dakar corridor (Bamako – Kayes – Senegal border)";

  @TempDir Path dir;
  private InMemoryStore store;

  @BeforeEach
  void ingest() throws IOException {
    writeRoads(dir.resolve("roads"));
    List<String> rows = new ArrayList<>();
    rows.add(AcledCsv.HEADER);
    rows.add(row(200, "2024-01-01", 18.44, 1.41, "Clash."));
    int n = 201;
    double[] along = {0.3, 0.4, 0.5, 0.6};
    String[] days = {"2024-05-10", "2024-06-01", "2024-06-02", "2024-06-03"};
    for (int i = 0; i < days.length; i++) {
      double lat = BAMAKO[0] + along[i] * (KAYES[0] - BAMAKO[0]);
      double lon = BAMAKO[1] + along[i] * (KAYES[1] - BAMAKO[1]);
      rows.add(row(n++, days[i], lat, lon, "Ambush on an army convoy on the road to Kayes."));
    }
    rows.add(row(299, "2024-09-30", 18.44, 1.41, "Clash."));
    Path file = dir.resolve("acled-mali-corridor.csv");
    Files.write(file, rows);
    store = new InMemoryStore();
    new EventIngest(TODAY)
        .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), x -> {});
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** The towns as African Urban Network nodes, the roads as edges of haversine length. */
  static void writeRoads(Path roads) throws IOException {
    Files.createDirectories(roads);
    String[][] towns = {
      {"1", "Bamako", "12.65", "-8.0"},
      {"2", "Kayes", "14.447", "-11.444"},
      {"3", "Sikasso", "11.317", "-5.667"},
      {"4", "Ségou", "13.431", "-6.266"},
      {"5", "Mopti", "14.493", "-4.19"}
    };
    List<String> nodes = new ArrayList<>();
    nodes.add("Agglomeration_ID,agglosName,x,y,Pop2015,ISO3,Region,Between,degree");
    for (String[] t : towns) {
      nodes.add(t[0] + "," + t[1] + "," + t[3] + "," + t[2] + ",100000,MLI,West,0,1");
    }
    List<String> edges = new ArrayList<>();
    edges.add("\"from\",\"to\",\"l\",\"h\",\"time\",\"timeU\",\"timeUCB\",\"border\"");
    for (int[] e : new int[][] {{0, 1}, {0, 2}, {0, 3}, {3, 4}}) {
      String[] a = towns[e[0]];
      String[] b = towns[e[1]];
      double km =
          PlainRoads.haversineKm(
              Double.parseDouble(a[2]),
              Double.parseDouble(a[3]),
              Double.parseDouble(b[2]),
              Double.parseDouble(b[3]));
      edges.add(
          String.format(Locale.ROOT, "\"%s\",\"%s\",%.6f,\"primary\",0,0,0,0", a[0], b[0], km));
    }
    Files.write(roads.resolve("AfricaNetworkNodes.csv"), nodes);
    Files.write(roads.resolve("AfricaNetworkEdges.csv"), edges);
  }

  private static String row(int n, String date, double lat, double lon, String notes) {
    return String.format(
        Locale.ROOT,
        "MLI%d,%s,2024,1,Political violence,Battles,Armed clash,JNIM,,2,Military Forces of Mali,,"
            + "1,12,,466,Western Africa,Mali,Kayes,Kita,Kita,Place %d,%.4f,%.4f,1,Local source,"
            + "Subnational,\"%s\",1,,1720000000",
        n,
        date,
        n,
        lat,
        lon,
        notes);
  }

  private RuleEvaluator.Result evaluate(String options) {
    String rules =
        "rules:\n  - {id: roads, kind: corridor-status, countries: [MLI], severity: severe,"
            + " roads: roads"
            + options
            + "}\n";
    return new RuleEvaluator(
            store.analytics(), TODAY, CountryProfiles.shipped(), AdvisoryFiles::read)
        .evaluate(RuleFile.parse(rules, "rules.yaml", dir), YEAR);
  }

  @Test
  void firesOnTheDaysTheCorridorGetsWorseByDefault() {
    RuleEvaluator.Result r = evaluate("");

    assertThat(r.alerts())
        .extracting(Alert::id)
        .containsExactly("roads:MLI:dakar:2024-05-10", "roads:MLI:dakar:2024-06-02");
    // 90 days of events before the day before the first compared: from 31 March (2024 is leap).
    assertThat(r.notes())
        .containsExactly(
            "rule roads, MLI: evaluated from 2024-03-31, the first day with 90 days of events"
                + " before it (the store's events start on 2024-01-01)",
            "rule roads, MLI: evaluated to 2024-09-30, the day of the store's last event");
    assertThat(r.evaluatedThrough()).containsEntry("roads", LocalDate.of(2024, 9, 30));
  }

  @Test
  void directionsToAndSuppressionChooseTheChangesThatFire() {
    assertThat(evaluate(", directions: [worse, better]").alerts())
        .extracting(Alert::date)
        .containsExactly(
            LocalDate.of(2024, 5, 10),
            LocalDate.of(2024, 6, 2),
            LocalDate.of(2024, 7, 1),
            LocalDate.of(2024, 9, 1));
    assertThat(evaluate(", to: [blocked]").alerts())
        .extracting(Alert::date)
        .containsExactly(LocalDate.of(2024, 6, 2));
    assertThat(evaluate(", directions: [better], to: [open]").alerts())
        .extracting(Alert::date)
        .containsExactly(LocalDate.of(2024, 9, 1));
    // 2 June is within 30 days of 10 May.
    assertThat(evaluate(", suppress_days: 30").alerts())
        .extracting(Alert::date)
        .containsExactly(LocalDate.of(2024, 5, 10));
    assertThat(evaluate(", corridors: [abidjan, mopti], directions: [worse, better]").alerts())
        .isEmpty();
  }

  @Test
  void theAlertSaysWhatChangedOnItsFiguresAndCoversTheRoad() {
    Alert a = evaluate("").alerts().get(1);

    // Blockade index: 50 × the share blocked (all of it) + 50 × min(1, W / 5), W summing
    // 0.5^(age / 30) over the events of the window: ages 23, 1 and 0 days on 2 June.
    double w = Math.pow(0.5, 23 / 30.0) + Math.pow(0.5, 1 / 30.0) + 1;
    double index = 50 + 50 * Math.min(1, w / 5);
    assertThat(a.headline())
        .isEqualTo("Corridor status: " + DAKAR + " blocked, was disrupted — Mali");
    assertThat(a.text())
        .isEqualTo(
            DAKAR
                + ", Mali: blocked on 2 June 2024, disrupted the day before. 3 events affecting"
                + " passage within 10 km of its road in the 90 days to 2 June 2024, the last on"
                + " that day; blockade index "
                + Math.round(index)
                + "/100. Blocked: Bamako – Kayes.");
    assertThat(a.figures())
        .extracting(Figure::id)
        .containsExactly(
            "corridor.dakar.status",
            "corridor.dakar.status_day_before",
            "corridor.dakar.passage_events",
            "corridor.dakar.days_since_last_incident",
            "corridor.dakar.blockade_index");
    Figure status = a.figures().get(0);
    assertThat(status.value()).isEqualTo(2.0);
    assertThat(status.period())
        .isEqualTo(new Period(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 6, 2)));
    assertThat(status.citation().eventIds())
        .containsExactlyInAnyOrder("acled:MLI201", "acled:MLI202", "acled:MLI203");
    assertThat(status.filters())
        .containsEntry("corridor", "dakar")
        .containsEntry("buffer_km", "10");
    Figure before = a.figures().get(1);
    assertThat(before.value()).isEqualTo(1.0);
    assertThat(before.period().to()).isEqualTo(LocalDate.of(2024, 6, 1));
    assertThat(a.figures().get(4).value()).isCloseTo(index, within(1e-9));
    assertThat(a.admin1()).isNull();

    // The road Bamako – Kayes widened by 10 km: every corner of the polygon 10 km from it.
    AlertArea area = a.area();
    assertThat(area.description()).isEqualTo(DAKAR + ", Mali, within 10 km of the road");
    assertThat(area.circle()).isNull();
    assertThat(area.polygon()).hasSizeGreaterThan(8);
    for (AlertArea.Point p : area.polygon()) {
      assertThat(distanceKm(p.lat(), p.lon())).isCloseTo(10, within(0.2));
    }
    // The opening alert says the status the day before and the one event behind it.
    Alert first = evaluate("").alerts().get(0);
    assertThat(first.text())
        .isEqualTo(
            DAKAR
                + ", Mali: disrupted on 10 May 2024, open the day before. 1 event affecting"
                + " passage within 10 km of its road in the 90 days to 10 May 2024, the last on"
                + " that day; blockade index 35/100. Disrupted: Bamako – Kayes.");
  }

  @Test
  void theReopeningSaysThereIsNoEventLeft() {
    Alert open = evaluate(", directions: [better], to: [open]").alerts().get(0);

    assertThat(open.text())
        .isEqualTo(
            DAKAR
                + ", Mali: open on 1 September 2024, disrupted the day before. 0 events affecting"
                + " passage within 10 km of its road in the 90 days to 1 September 2024;"
                + " blockade index 0/100.");
  }

  @Test
  void itsAlertIsAValidCapMessageWithThePolygon() {
    Alert a = evaluate("").alerts().get(1);

    String xml =
        CapMessage.toXml(
            a,
            CapMessage.Options.of(
                "harmattan@localhost",
                CapMessage.Status.ACTUAL,
                Instant.parse("2024-06-03T06:00:00Z")));
    assertThat(CapSchema.validate(xml)).isEmpty();
    assertThat(xml).contains("<polygon>").contains("<event>Corridor status</event>");
  }

  @Test
  void aCorridorTheProfileDoesNotNameIsRefused() {
    assertThatThrownBy(() -> evaluate(", corridors: [timbuktu]"))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            "rule roads: corridor 'timbuktu' is not one of MLI's profile (dakar, abidjan,"
                + " mopti)");
  }

  /** Distance from a point to the segment Bamako – Kayes, on the point's local plane. */
  private static double distanceKm(double lat, double lon) {
    double k = Math.toRadians(PlainRoads.EARTH_RADIUS_KM);
    double cos = Math.cos(Math.toRadians(lat));
    double ax = (BAMAKO[1] - lon) * k * cos;
    double ay = (BAMAKO[0] - lat) * k;
    double bx = (KAYES[1] - lon) * k * cos;
    double by = (KAYES[0] - lat) * k;
    double vx = bx - ax;
    double vy = by - ay;
    double t = Math.max(0, Math.min(1, -(ax * vx + ay * vy) / (vx * vx + vy * vy)));
    return Math.hypot(ax + t * vx, ay + t * vy);
  }
}

package org.harmattan.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.alerts.Alert;
import org.harmattan.analytics.corridors.PassageCategory;
import org.harmattan.analytics.corridors.PassageClassifier;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.PlainRoads;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACLED's surge rule on the real Mali export of 2017 to February 2019, against an independent
 * computation from the raw CSV: political violence per region and day (the export's pre-2019 types
 * "Battle-…", "Remote violence" and "Violence against civilians"), and for each day from the 35th
 * after the first event to the last event, a surge when the last 7 days hold at least 3 events and
 * at least twice the weekly average of the 4 weeks before, with 7 days of suppression per region.
 */
class MaliAlertsRealDataTest {
  static final String FILE = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  static final Period ASKED = new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2019, 2, 27));
  static final String RULES =
      "rules:\n  - id: mali-surge\n    kind: acled-surge\n    countries: [MLI]\n"
          + "    severity: severe\n    suppress_days: 7\n";

  @TempDir static Path dir;
  static DuckDbStore store;
  static Path raw;

  @BeforeAll
  static void ingest() {
    raw = SharedData.require(FILE);
    store = DuckDbStore.open(dir.resolve("store.duckdb"));
    new EventIngest(LocalDate.of(2026, 12, 1))
        .ingest(SourceFile.inspect(raw), Optional.empty(), store.events(), x -> {});
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  private static RuleEvaluator.Result evaluate(String rules) {
    return new RuleEvaluator(
            store.analytics(),
            LocalDate.of(2026, 12, 1),
            CountryProfiles.shipped(),
            AdvisoryFiles::read)
        .evaluate(RuleFile.parse(rules, "rules.yaml"), ASKED);
  }

  @Test
  void theSurgeAlertsOf2017To2019AreThoseOfAnIndependentComputation() {
    Map<String, Map<LocalDate, Integer>> perRegion = new TreeMap<>();
    LocalDate first = null;
    LocalDate last = null;
    Map<String, List<String>> ids = new HashMap<>();
    for (Map<String, String> row : PlainCsv.readMaps(raw, 0)) {
      if (!row.get("iso3").equals("MLI")) {
        continue;
      }
      LocalDate d = LocalDate.parse(row.get("event_date"), DATE);
      first = first == null || d.isBefore(first) ? d : first;
      last = last == null || d.isAfter(last) ? d : last;
      String type = row.get("event_type");
      if (type.startsWith("Battle-")
          || type.equals("Remote violence")
          || type.equals("Violence against civilians")) {
        perRegion
            .computeIfAbsent(row.get("admin1"), k -> new HashMap<>())
            .merge(d, 1, Integer::sum);
        ids.computeIfAbsent(row.get("admin1") + "/" + d, k -> new ArrayList<>())
            .add("acled:" + row.get("event_id_cnty"));
      }
    }
    List<String> expected = new ArrayList<>();
    LocalDate from = first.plusDays(34);
    for (Map.Entry<String, Map<LocalDate, Integer>> region : perRegion.entrySet()) {
      Map<LocalDate, Integer> days = region.getValue();
      LocalDate quietUntil = from;
      for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
        int week = sum(days, d.minusDays(6), d);
        int fourWeeks = sum(days, d.minusDays(34), d.minusDays(7));
        if (!d.isBefore(quietUntil) && week >= 3 && 4 * week >= 2 * fourWeeks) {
          expected.add(d + " " + region.getKey() + " " + week);
          quietUntil = d.plusDays(7);
        }
      }
    }
    expected.sort(null);

    List<Alert> alerts = evaluate(RULES).alerts();
    List<String> got = new ArrayList<>();
    for (Alert a : alerts) {
      got.add(a.date() + " " + a.admin1() + " " + a.figures().get(0).value().intValue());
    }
    got.sort(null);

    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(got).containsExactlyElementsOf(expected);
    // Each alert cites exactly the raw rows of its region and last 7 days.
    for (Alert a : alerts) {
      List<String> cited = new ArrayList<>();
      for (LocalDate d = a.date().minusDays(6); !d.isAfter(a.date()); d = d.plusDays(1)) {
        cited.addAll(ids.getOrDefault(a.admin1() + "/" + d, List.of()));
      }
      assertThat(a.figures().get(0).citation().eventIds())
          .as(a.id())
          .containsExactlyInAnyOrderElementsOf(cited);
      assertThat(a.figures().get(0).citation().sources().get(0).dataset())
          .isEqualTo(raw.getFileName().toString());
    }
    // ACLED writes Segou, the shipped outline (and so the brief and the dashboard) Ségou: the
    // alert keeps the source's name as its region and id, and names the place as the brief does.
    // Tombouctou has no outline of that name (the outline says Timbuktu): named as ACLED does.
    Map<String, String> places = new HashMap<>();
    for (Alert a : alerts) {
      places.put(a.admin1(), a.area().description());
      assertThat(a.headline()).as(a.id()).endsWith(" — " + a.area().description());
      assertThat(a.text()).as(a.id()).contains(" in " + a.area().description() + " in the ");
    }
    assertThat(places)
        .containsEntry("Segou", "Ségou, Mali")
        .containsEntry("Tombouctou", "Tombouctou, Mali")
        .containsEntry("Mopti", "Mopti, Mali");
    assertThat(alerts)
        .filteredOn(a -> a.admin1().equals("Segou"))
        .allSatisfy(a -> assertThat(a.id()).contains(":segou:"));
  }

  @Test
  void everyKindRunsOnTheRealFileAndStatesWhatItLeftOut() {
    RuleEvaluator.Result r =
        evaluate(
            "rules:\n"
                + "  - {id: threat, kind: acled-threat, countries: [MLI], severity: moderate}\n"
                + "  - {id: change, kind: acled-change, countries: [MLI], severity: moderate}\n"
                + "  - {id: hdx, kind: hdx-signals, countries: [MLI], severity: severe}\n"
                + "  - {id: anomaly, kind: anomaly, countries: [MLI], severity: minor}\n"
                + "  - {id: bamako, kind: capital-radius, countries: [MLI], severity: extreme,"
                + " radius_km: 100, quiet_months: 3}\n");

    assertThat(r.alerts()).extracting(Alert::rule).contains("threat", "change", "anomaly");
    for (Alert a : r.alerts()) {
      assertThat(a.date()).isAfterOrEqualTo(LocalDate.of(2018, 1, 1));
      assertThat(a.figures()).allSatisfy(f -> assertThat(f.citation()).isNotNull());
      assertThat(Set.of("MLI")).contains(a.country());
    }
    assertThat(r.notes())
        .anyMatch(n -> n.startsWith("rule threat, MLI: evaluated from 2018-01-"))
        .anyMatch(n -> n.startsWith("rule bamako, MLI: evaluated from 2017-04-01"));
  }

  @Test
  void theForecastRuleFiresOnTheFirstOfAMonthWhenTheModelGivesTheChance() {
    String rule =
        "rules:\n  - {id: outlook, kind: forecast-fatalities, countries: [MLI], severity: severe,"
            + " suppress_days: 0, probability: %s}\n";
    List<Alert> likely = evaluate(String.format(Locale.ROOT, rule, "0.3")).alerts();
    List<Alert> sure = evaluate(String.format(Locale.ROOT, rule, "0.9")).alerts();

    assertThat(likely).isNotEmpty();
    for (Alert a : likely) {
      assertThat(a.date().getDayOfMonth()).isEqualTo(1);
      // Twelve months of events before the first origin, and the month before complete.
      assertThat(a.date()).isAfterOrEqualTo(LocalDate.of(2018, 2, 1));
      assertThat(a.date()).isBeforeOrEqualTo(LocalDate.of(2019, 2, 1));
      assertThat(a.figures().get(0).id()).isEqualTo("forecast.fatalities.p_above_past_max");
      assertThat(a.figures().get(0).value()).isGreaterThanOrEqualTo(0.3);
      assertThat(a.figures().get(1).id()).isEqualTo("forecast.fatalities.past_max");
      assertThat(a.figures().get(1).citation().recordCount()).isPositive();
      assertThat(a.text()).startsWith("The learned model gives a chance of ");
    }
    assertThat(likely.stream().map(Alert::id).toList())
        .containsAll(sure.stream().map(Alert::id).toList());
    assertThat(sure.size()).isLessThan(likely.size());
  }

  /**
   * The corridor rule from April 2017 to February 2019 on the real road graph, against a rating of
   * the raw rows written here: each corridor's path from test-support's plain Dijkstra over the raw
   * road CSVs, the newest version of each raw event that {@link PassageClassifier} (tested on its
   * own) accepts within 10 km of the path, on its nearest segment by a plain point-to-segment loop,
   * and each day's status by the documented thresholds (blocked: 3 events or a blockade in the last
   * 30 days, disrupted: one in the last 90; a corridor is its worst segment).
   */
  @Test
  void theCorridorRuleFiresOnTheDaysAPlainRatingOfTheRawRowsChanges() {
    PlainRoads plain = PlainRoads.require();
    Path roads = SharedData.require("roads_african_urban_network/" + PlainRoads.EDGES).getParent();
    CountryProfile mali = CountryProfiles.shipped().find("MLI").orElseThrow();
    Map<String, Map<String, String>> newest = new HashMap<>();
    for (Map<String, String> row : PlainCsv.readMaps(raw, 0)) {
      Map<String, String> old = newest.get(row.get("event_id_cnty"));
      if (old == null
          || Long.parseLong(row.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
        newest.put(row.get("event_id_cnty"), row);
      }
    }
    // Every day the store answers for: 90 days after the first event to the last.
    Period year = new Period(LocalDate.of(2017, 4, 1), LocalDate.of(2019, 2, 22));
    List<String> worse = new ArrayList<>();
    List<String> any = new ArrayList<>();
    for (CountryProfile.CorridorSpec spec : mali.corridors()) {
      List<double[]> places = new ArrayList<>();
      places.add(new double[] {mali.capital().latitude(), mali.capital().longitude()});
      spec.via().forEach(v -> places.add(new double[] {v.latitude(), v.longitude()}));
      places.add(new double[] {spec.to().latitude(), spec.to().longitude()});
      List<String> path = plain.through(places).nodes();
      // Per segment, the dates and whether a blockade, of its passage-affecting events.
      Map<Integer, List<Map.Entry<LocalDate, Boolean>>> bySegment = new HashMap<>();
      for (Map<String, String> r : newest.values()) {
        Optional<EventType> type = oldType(r.get("event_type"));
        if (!"MLI".equals(r.get("iso3")) || type.isEmpty()) {
          continue;
        }
        double[] e = {
          Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))
        };
        double best = Double.MAX_VALUE;
        int segment = -1;
        for (int i = 1; i < path.size(); i++) {
          double km = distanceKm(e, plain.position(path.get(i - 1)), plain.position(path.get(i)));
          if (km < best) {
            best = km;
            segment = i - 1;
          }
        }
        Optional<PassageClassifier.Passage> p =
            PassageClassifier.classify(type.get(), null, r.get("notes"));
        if (best <= 10 && p.isPresent()) {
          bySegment
              .computeIfAbsent(segment, k -> new ArrayList<>())
              .add(
                  Map.entry(
                      LocalDate.parse(r.get("event_date"), DATE),
                      p.get().category() == PassageCategory.BLOCKADE));
        }
      }
      int before = status(bySegment, year.from().minusDays(1));
      for (LocalDate d = year.from(); !d.isAfter(year.to()); d = d.plusDays(1)) {
        int now = status(bySegment, d);
        if (now != before) {
          any.add(spec.slug() + " " + d + " " + now);
        }
        if (now > before) {
          worse.add(spec.slug() + " " + d + " " + now);
        }
        before = now;
      }
    }

    // Mali's corridors saw few passage-affecting events then: a few changes each way.
    assertThat(worse).contains("dakar 2018-11-30 1", "mopti 2018-01-30 1");
    assertThat(corridorChanges(roads, year, "")).containsExactlyInAnyOrderElementsOf(worse);
    assertThat(any).hasSizeGreaterThan(worse.size());
    assertThat(corridorChanges(roads, year, ", directions: [worse, better]"))
        .containsExactlyInAnyOrderElementsOf(any);
  }

  /** "slug day status-code" of each alert of a corridor rule over {@code year}. */
  private static List<String> corridorChanges(Path roads, Period year, String options) {
    RuleEvaluator.Result r =
        new RuleEvaluator(
                store.analytics(),
                LocalDate.of(2026, 12, 1),
                CountryProfiles.shipped(),
                AdvisoryFiles::read)
            .evaluate(
                RuleFile.parse(
                    "rules:\n  - {id: roads, kind: corridor-status, countries: [MLI],"
                        + " severity: severe, roads: '"
                        + roads
                        + "'"
                        + options
                        + "}\n",
                    "rules.yaml"),
                year);
    assertThat(r.notes()).isEmpty();
    List<String> got = new ArrayList<>();
    for (Alert a : r.alerts()) {
      String slug = a.figures().get(0).filters().get("corridor");
      got.add(slug + " " + a.date() + " " + a.figures().get(0).value().intValue());
      assertThat(a.area().polygon()).as(a.id()).hasSizeGreaterThan(8);
    }
    return got;
  }

  /** A corridor's status code at the end of {@code day}: its worst segment's. */
  private static int status(
      Map<Integer, List<Map.Entry<LocalDate, Boolean>>> bySegment, LocalDate day) {
    int worst = 0;
    for (List<Map.Entry<LocalDate, Boolean>> events : bySegment.values()) {
      int recent = 0;
      boolean blockade = false;
      boolean any = false;
      for (Map.Entry<LocalDate, Boolean> e : events) {
        long age = ChronoUnit.DAYS.between(e.getKey(), day);
        if (age < 0 || age >= 90) {
          continue;
        }
        any = true;
        if (age < 30) {
          recent++;
          blockade |= e.getValue();
        }
      }
      worst = Math.max(worst, recent >= 3 || blockade ? 2 : any ? 1 : 0);
    }
    return worst;
  }

  /**
   * ACLED's pre-2019 event types in the current taxonomy (the codebook's crosswalk); riots and
   * protests never affect passage.
   */
  private static Optional<EventType> oldType(String t) {
    if (t.startsWith("Battle-")) {
      return Optional.of(EventType.BATTLES);
    }
    return switch (t) {
      case "Remote violence" -> Optional.of(EventType.EXPLOSIONS_REMOTE_VIOLENCE);
      case "Violence against civilians" -> Optional.of(EventType.VIOLENCE_AGAINST_CIVILIANS);
      case "Strategic development",
          "Headquarters or base established",
          "Non-violent transfer of territory" ->
          Optional.of(EventType.STRATEGIC_DEVELOPMENTS);
      default -> Optional.empty();
    };
  }

  /** Point-to-segment distance on the point's local plane, in km; points as {lat, lon}. */
  private static double distanceKm(double[] p, double[] a, double[] b) {
    double k = Math.toRadians(PlainRoads.EARTH_RADIUS_KM);
    double cos = Math.cos(Math.toRadians(p[0]));
    double ax = (a[1] - p[1]) * k * cos;
    double ay = (a[0] - p[0]) * k;
    double bx = (b[1] - p[1]) * k * cos;
    double by = (b[0] - p[0]) * k;
    double vx = bx - ax;
    double vy = by - ay;
    double len2 = vx * vx + vy * vy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * vx + ay * vy) / len2));
    return Math.hypot(ax + t * vx, ay + t * vy);
  }

  private static int sum(Map<LocalDate, Integer> days, LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      n += days.getOrDefault(d, 0);
    }
    return n;
  }
}

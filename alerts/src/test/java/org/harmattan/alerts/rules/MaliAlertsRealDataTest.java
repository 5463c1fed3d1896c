package org.harmattan.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.alerts.Alert;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.testsupport.PlainCsv;
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
            store.analytics(), LocalDate.of(2026, 12, 1), CountryProfiles.shipped())
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

  private static int sum(Map<LocalDate, Integer> days, LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      n += days.getOrDefault(d, 0);
    }
    return n;
  }
}

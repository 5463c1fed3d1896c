package org.harmattan.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.harmattan.alerts.Alert;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.profile.CountryProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules on a small ACLED file written here: in Mopti one battle every Monday from 1 January to 24
 * June 2024, then three on 1–3 July and three on 12–14 July; near Bamako a rebel attack on 10
 * March, state forces on 20 May, a militia on 15 June, rebels again on 1 July, and rebels 150 km
 * away on 5 July.
 */
class RuleEvaluatorTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 8, 1);
  private static final Period SPRING_SUMMER =
      new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 31));
  @TempDir Path dir;
  private InMemoryStore store;

  @BeforeEach
  void ingest() throws IOException {
    store = new InMemoryStore();
    new EventIngest(TODAY)
        .ingest(
            SourceFile.inspect(AcledFixture.write(dir)), Optional.empty(), store.events(), x -> {});
  }

  @AfterEach
  void close() {
    store.close();
  }

  private RuleEvaluator.Result evaluate(String rules) {
    return new RuleEvaluator(
            store.analytics(), TODAY, CountryProfiles.shipped(), AdvisoryFiles::read)
        .evaluate(RuleFile.parse(rules, "rules.yaml"), SPRING_SUMMER);
  }

  private static String surge(int suppressDays) {
    return "rules:\n  - id: surge\n    kind: acled-surge\n    countries: [MLI]\n"
        + "    severity: severe\n    suppress_days: "
        + suppressDays
        + "\n";
  }

  @Test
  void aSurgeFiresOnTheDayTheWeekDoublesAndIsSuppressedForItsDays() {
    assertThat(evaluate(surge(7)).alerts())
        .extracting(Alert::date)
        .containsExactly(LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 14));
    assertThat(evaluate(surge(30)).alerts())
        .extracting(Alert::date)
        .containsExactly(LocalDate.of(2024, 7, 3));
    // Without suppression it fires each day the last 7 days hold the three of 1-3 July.
    assertThat(evaluate(surge(0)).alerts())
        .extracting(Alert::date)
        .containsExactly(
            LocalDate.of(2024, 7, 3),
            LocalDate.of(2024, 7, 4),
            LocalDate.of(2024, 7, 5),
            LocalDate.of(2024, 7, 6),
            LocalDate.of(2024, 7, 7),
            LocalDate.of(2024, 7, 14));
  }

  @Test
  void anAlertCarriesItsRegionTextAndCitedFigures() {
    Alert a = evaluate(surge(7)).alerts().get(0);

    assertThat(a.id()).isEqualTo("surge:MLI:mopti:2024-07-03");
    assertThat(a.rule()).isEqualTo("surge");
    assertThat(a.kind()).isEqualTo("acled-surge");
    assertThat(a.country()).isEqualTo("MLI");
    assertThat(a.admin1()).isEqualTo("Mopti");
    assertThat(a.headline()).isEqualTo("ACLED surge — Mopti, Mali");
    assertThat(a.text())
        .isEqualTo(
            "3 events of political violence in Mopti, Mali in the 7 days to 3 July 2024: at least"
                + " twice the weekly average of the 4 weeks before (1 event).");
    Figure observed = a.figures().get(0);
    assertThat(observed.value()).isEqualTo(3.0);
    assertThat(observed.period())
        .isEqualTo(new Period(LocalDate.of(2024, 6, 27), LocalDate.of(2024, 7, 3)));
    assertThat(observed.citation().eventIds())
        .containsExactly("acled:MLI27", "acled:MLI28", "acled:MLI29");
    Figure baseline = a.figures().get(1);
    assertThat(baseline.value()).isEqualTo(1.0);
    assertThat(baseline.citation().recordCount()).isEqualTo(4);
    assertThat(baseline.period())
        .isEqualTo(new Period(LocalDate.of(2024, 5, 30), LocalDate.of(2024, 6, 26)));
    // The region's outline from the shipped boundaries, closed, as CAP wants it.
    assertThat(a.area().description()).isEqualTo("Mopti, Mali");
    assertThat(a.area().polygon()).hasSizeGreaterThan(10);
    assertThat(a.area().polygon().get(0))
        .isEqualTo(a.area().polygon().get(a.area().polygon().size() - 1));
  }

  @Test
  void daysWithoutTheHistoryARuleNeedsAreLeftOutAndSaid() {
    RuleEvaluator.Result r = evaluate(surge(7));

    assertThat(r.notes())
        .containsExactly(
            "rule surge, MLI: evaluated from 2024-02-04, the first day with 34 days of events"
                + " before it (the store's events start on 2024-01-01)",
            "rule surge, MLI: evaluated to 2024-07-14, the day of the store's last event");
    RuleEvaluator.Result none =
        evaluate(
            "rules:\n  - id: t\n    kind: acled-threat\n    countries: [MLI, NER]\n"
                + "    severity: minor\n");
    assertThat(none.alerts()).isEmpty();
    assertThat(none.notes())
        .containsExactly(
            "rule t, MLI: not evaluated: the store's events run from 2024-01-01 to 2024-07-14, and"
                + " the rule needs 389 days before a day",
            "rule t, NER: not evaluated: the store holds no events of its sources for the country");
  }

  @Test
  void theCapitalRuleFiresOnTheFirstArmedNonStateEventAfterQuietMonths() {
    RuleEvaluator.Result r =
        evaluate(
            "rules:\n  - id: bamako\n    kind: capital-radius\n    countries: [MLI]\n"
                + "    severity: extreme\n    radius_km: 50\n    quiet_months: 3\n"
                + "    capital: {name: Bamako, lat: 12.65, lon: -8.0}\n");

    // 10 March is before three months of data; 20 May is state forces; 1 July follows 15 June;
    // 5 July is 150 km away.
    assertThat(r.alerts()).extracting(Alert::date).containsExactly(LocalDate.of(2024, 6, 15));
    Alert a = r.alerts().get(0);
    assertThat(a.headline())
        .isEqualTo("Armed non-state actors near Bamako: first in 3 months — Mali");
    assertThat(a.figures().get(0).citation().eventIds()).containsExactly("acled:MLI103");
    assertThat(a.figures().get(1).value()).isZero();
    assertThat(a.figures().get(1).period())
        .isEqualTo(new Period(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 6, 14)));
    assertThat(a.area().circle().radiusKm()).isEqualTo(50.0);
    assertThat(a.area().circle().centre().lat()).isEqualTo(12.65);
    assertThat(r.notes()).first().asString().contains("evaluated from 2024-04-01");
  }

  @Test
  void evaluatingTheSameDataAgainRaisesTheSameAlerts() {
    List<Alert> first = evaluate(surge(7)).alerts();
    List<Alert> again = evaluate(surge(7)).alerts();

    assertThat(again)
        .extracting(Alert::id)
        .containsExactlyElementsOf(first.stream().map(Alert::id).toList());
    assertThat(again).isEqualTo(first);
  }
}

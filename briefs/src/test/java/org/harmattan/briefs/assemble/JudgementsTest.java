package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Judgement;
import org.harmattan.briefs.model.Judgement.Verdict;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.junit.jupiter.api.Test;

/** Each judgement rule at and around its thresholds, with its guards. */
class JudgementsTest {
  private static final Texts EN = BriefTexts.of(Language.EN);
  private static final Texts FR = BriefTexts.of(Language.FR);

  private static final Period YEAR =
      new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));

  private static Figure figure(String id, Double value) {
    return new Figure(
        id,
        id,
        value,
        "deaths",
        YEAR,
        null,
        Map.of(),
        "test",
        new Citation(List.of(), 0, List.of(), LocalDate.of(2026, 1, 1)),
        value == null ? "not computable" : null);
  }

  private static Verdict security(double now, double then) {
    Figure change = then == 0 ? null : figure("change", 100 * (now - then) / then);
    return Judgements.security(EN, figure("now", now), figure("then", then), change).verdict();
  }

  private static List<String> cited(Judgement j) {
    return j.basis().stream()
        .filter(Inline.FigureRef.class::isInstance)
        .map(i -> ((Inline.FigureRef) i).figureId())
        .toList();
  }

  @Test
  void securityDeterioratesFromAQuarterMoreDeaths() {
    assertThat(security(125, 100)).isEqualTo(Verdict.DETERIORATED);
    assertThat(security(124, 100)).isEqualTo(Verdict.UNCHANGED);
    assertThat(security(75, 100)).isEqualTo(Verdict.IMPROVED);
    assertThat(security(76, 100)).isEqualTo(Verdict.UNCHANGED);
  }

  @Test
  void securityIgnoresLargePercentagesOfFewDeaths() {
    // +200 % but only 8 deaths more: the low-count guard keeps it unchanged.
    assertThat(security(12, 4)).isEqualTo(Verdict.UNCHANGED);
    assertThat(security(4, 12)).isEqualTo(Verdict.UNCHANGED);
    // 10 deaths more is enough.
    assertThat(security(14, 4)).isEqualTo(Verdict.DETERIORATED);
    assertThat(security(4, 14)).isEqualTo(Verdict.IMPROVED);
  }

  @Test
  void securityFromNoDeathsDeterioratesAtTenDeaths() {
    assertThat(security(10, 0)).isEqualTo(Verdict.DETERIORATED);
    assertThat(security(9, 0)).isEqualTo(Verdict.UNCHANGED);
    assertThat(security(0, 0)).isEqualTo(Verdict.UNCHANGED);
  }

  @Test
  void securityCitesTheDeathsItComparesAndIsNotAssessedWithoutAComparison() {
    Judgement j =
        Judgements.security(
            EN, figure("now", 1762.0), figure("then", 952.0), figure("change", 85.1));
    assertThat(j.verdict()).isEqualTo(Verdict.DETERIORATED);
    assertThat(cited(j)).containsExactly("now", "then", "change");

    Judgement none = Judgements.security(EN, figure("now", 1762.0), null, null);
    assertThat(none.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
    assertThat(text(none)).contains("no comparison window");
  }

  @Test
  void theCapitalDeterioratesOnAFirstIncursionOfAnArmedGroup() {
    Figure within = figure("capital.events_within_100km", 5.0);
    Judgement calm = Judgements.capital(EN, true, List.of(), within);
    assertThat(calm.verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(cited(calm)).containsExactly("capital.events_within_100km");

    Judgement closer =
        Judgements.capital(
            EN, true, List.of(figure("capital.first_incursion_km.50.jnim", 14.2)), within);
    assertThat(closer.verdict()).isEqualTo(Verdict.DETERIORATED);
    assertThat(cited(closer)).containsExactly("capital.first_incursion_km.50.jnim");
    // The same event entering both rings, and another group's within 100 km: named by ring.
    Judgement rings =
        Judgements.capital(
            EN,
            true,
            List.of(
                figure("capital.first_incursion_km.100.jnim", 0.0),
                figure("capital.first_incursion_km.50.jnim", 0.0),
                figure("capital.first_incursion_km.100.isgs", 71.5)),
            within);
    assertThat(text(rings))
        .startsWith("first incursion of an armed group within 50 km at ")
        .contains("; within 100 km at ");
    assertThat(cited(rings))
        .containsExactly(
            "capital.first_incursion_km.50.jnim",
            "capital.first_incursion_km.100.jnim",
            "capital.first_incursion_km.100.isgs");

    Judgement noProfile = Judgements.capital(EN, false, List.of(), null);
    assertThat(noProfile.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
    assertThat(text(noProfile)).contains("no country profile");
  }

  @Test
  void corridorsDeteriorateWhenOneIsBlocked() {
    Figure open = figure("corridor.a.status", 0.0);
    Figure disrupted = figure("corridor.b.status", 1.0);
    Figure blocked = figure("corridor.c.status", 2.0);
    assertThat(Judgements.corridors(EN, true, List.of(open, disrupted)).verdict())
        .isEqualTo(Verdict.UNCHANGED);
    Judgement j = Judgements.corridors(EN, true, List.of(open, disrupted, blocked));
    assertThat(j.verdict()).isEqualTo(Verdict.DETERIORATED);
    assertThat(cited(j))
        .containsExactly("corridor.a.status", "corridor.b.status", "corridor.c.status");
    assertThat(Judgements.corridors(EN, false, List.of()).verdict())
        .isEqualTo(Verdict.NOT_ASSESSED);
    assertThat(text(Judgements.corridors(EN, false, List.of()))).contains("--roads");
    assertThat(Judgements.corridors(EN, true, List.of()).verdict()).isEqualTo(Verdict.NOT_ASSESSED);
  }

  @Test
  void humanitarianFollowsDisplacementByATenthEitherWay() {
    Optional<Figure> idps = Optional.of(figure("humanitarian.idps", 387674.0));
    assertThat(verdict(idps, 10.0)).isEqualTo(Verdict.DETERIORATED);
    assertThat(verdict(idps, 9.9)).isEqualTo(Verdict.UNCHANGED);
    assertThat(verdict(idps, -9.9)).isEqualTo(Verdict.UNCHANGED);
    assertThat(verdict(idps, -10.0)).isEqualTo(Verdict.IMPROVED);
    Judgement oneRound = Judgements.humanitarian(EN, idps, Optional.empty());
    assertThat(oneRound.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
    assertThat(text(oneRound)).contains("one IOM DTM round only");
    Judgement none = Judgements.humanitarian(EN, Optional.empty(), Optional.empty());
    assertThat(text(none)).contains("no IOM DTM round");
    // A change that could not be computed is no change to judge.
    assertThat(Judgements.humanitarian(EN, idps, Optional.of(figure("change", null))).verdict())
        .isEqualTo(Verdict.NOT_ASSESSED);
  }

  @Test
  void advisoriesFollowTheDirectionOfTheWindowsChanges() {
    Figure changes = figure("advisories.changes", 3.0);
    assertThat(Judgements.advisories(EN, true, changes, 1, 2).verdict())
        .isEqualTo(Verdict.DETERIORATED);
    assertThat(Judgements.advisories(EN, true, changes, 0, 2).verdict())
        .isEqualTo(Verdict.IMPROVED);
    assertThat(Judgements.advisories(EN, true, changes, 0, 0).verdict())
        .isEqualTo(Verdict.UNCHANGED);
    assertThat(cited(Judgements.advisories(EN, true, changes, 0, 0)))
        .containsExactly("advisories.changes");
    Judgement none = Judgements.advisories(EN, false, null, 0, 0);
    assertThat(none.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
    assertThat(text(none)).contains("--advisories");
  }

  @Test
  void everyAreaHasItsRuleInTheMethod() {
    assertThat(Judgements.rules(EN).stream().map(r -> r.get(0)))
        .containsExactly("Security", "Capital", "Corridors", "Humanitarian", "Advisories");
    assertThat(Judgements.rules(FR).stream().map(r -> r.get(0)))
        .containsExactly(
            "Sécurité",
            "Capitale",
            "Situation des corridors",
            "Situation humanitaire",
            "Situation des conseils aux voyageurs");
  }

  @Test
  void inFrenchTheBasisIsWrittenInFrench() {
    Judgement j =
        Judgements.security(
            FR, figure("now", 1762.0), figure("then", 952.0), figure("change", 85.1));
    assertThat(j.area()).isEqualTo("Sécurité");
    assertThat(text(j)).isEqualTo(" contre  ()");
    assertThat(j.rule()).startsWith("décès par rapport à la période de comparaison\u00a0:");
    Judgement none = Judgements.advisories(FR, false, null, 0, 0);
    assertThat(text(none))
        .isEqualTo("aucun instantané des conseils aux voyageurs fourni (--advisories)");
    Judgement calm = Judgements.capital(FR, true, List.of(), null);
    assertThat(text(calm)).doesNotContain("armed", "within").contains("à moins de 100 km");
  }

  private static Verdict verdict(Optional<Figure> idps, double percent) {
    return Judgements.humanitarian(EN, idps, Optional.of(figure("change", percent))).verdict();
  }

  private static String text(Judgement j) {
    StringBuilder b = new StringBuilder();
    for (Inline i : j.basis()) {
      if (i instanceof Inline.Text t) {
        b.append(t.text());
      }
    }
    return b.toString();
  }
}

package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.harmattan.analytics.indicators.DeadliestIncidents;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.MaliStore;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.briefs.render.MarkdownRenderer;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/**
 * The brief's frame in French (Mali 2018, the real ACLED files): title, summary, security
 * situation, early warning, method and sources, and the figures' labels, with French numbers and
 * dates and none of the English words.
 */
class FrenchFrameTest {
  private static final Period Y2018 =
      new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
  private static final String NNBSP = "\u202f";
  private static final String NBSP = "\u00a0";

  private static Brief brief(Language language) throws IOException {
    SecurityRequest request =
        new SecurityRequest(
                "MLI", Y2018, Y2018.inYear(2017), Set.of(SourceSystem.ACLED), MaliStore.TODAY)
            .withLanguage(language);
    try (DuckDbStore store = MaliStore.open()) {
      return new BriefBuilder(
              SecurityIndicators.compute(store.analytics(), request),
              "Mali",
              false,
              Instant.parse("2026-12-03T00:00:00Z"))
          .deadliest(DeadliestIncidents.compute(store.analytics(), request, 5))
          .warnings(WarningIndicators.compute(store.analytics(), request))
          .build();
    }
  }

  /** The brief's own text, before the notes that cite each figure. */
  private static String body(Brief b) {
    String md = MarkdownRenderer.render(b);
    int notes = md.indexOf("\n[^1]:");
    return notes < 0 ? md : md.substring(0, notes);
  }

  @Test
  void theFrameIsWrittenInFrench() throws IOException {
    Brief fr = brief(Language.FR);
    assertThat(fr.title()).isEqualTo("Mali" + NBSP + ": note de crise, janvier–décembre 2018");
    String md = body(fr);
    assertThat(md)
        .contains(
            "## Synthèse",
            "## Situation sécuritaire",
            "## Signaux d’alerte précoce",
            "## Méthode et sources",
            "de violence politique, de manifestation ou d’évolution stratégique ont été recensés,"
                + " pour ",
            "— soit une hausse de ",
            "par rapport à la même période de 2017",
            "La violence politique a augmenté",
            "Le mois le plus actif a été juillet 2018",
            "22" + NBSP + "novembre" + NBSP + "2018",
            "Chiffres clés" + NBSP + ":",
            "Règles d’alerte précoce déclenchées au 31 décembre 2018",
            "hausse marquée",
            "Combats",
            "Violences contre des civils",
            "Affrontement armé",
            "consulté le");
    for (String english :
        new String[] {
          "crisis brief",
          "Summary",
          "Key figures",
          "Security situation",
          "Political violence",
          " against ",
          " were recorded",
          "Deadliest incidents",
          "Early-warning",
          "## Method and sources",
          "Battles",
          "Armed clash",
          "busiest month",
          "substantial increase",
          "the window",
          "Fatalities are",
          "accessed",
          "(not given)"
        }) {
      assertThat(md).as(english).doesNotContain(english);
    }
  }

  @Test
  void theFiguresAreLabelledInFrenchWithTheSameIds() throws IOException {
    Brief fr = brief(Language.FR);
    Brief en = brief(Language.EN);
    assertThat(fr.figures().stream().map(Figure::id).toList())
        .isEqualTo(en.figures().stream().map(Figure::id).toList());
    Figure total =
        fr.figures().stream().filter(f -> f.id().equals("events.total")).findFirst().get();
    assertThat(total.label()).isEqualTo("Événements");
    assertThat(FigureFormat.of(Language.FR).format(total)).isEqualTo("757 événements");
    Figure deaths =
        fr.figures().stream().filter(f -> f.id().equals("fatalities.total")).findFirst().get();
    assertThat(FigureFormat.of(Language.FR).format(deaths)).isEqualTo("1" + NNBSP + "762 décès");
    for (Figure f : fr.figures()) {
      assertThat(f.label())
          .as(f.id())
          .doesNotContain("Events", "Reported fatalities", "comparison window", "observed");
    }
  }

  @Test
  void englishIsUnchanged() throws IOException {
    String md = body(brief(Language.EN));
    assertThat(md)
        .contains(
            "# Mali: crisis brief, January–December 2018",
            "were recorded, with 1,762 deaths",
            "— a rise in events of +58 %",
            "Political violence rose: 584 events",
            "Early-warning rules that fired as of 31 December 2018: MLI, substantial increase");
  }

  @Test
  void theBundlesHaveTheirFrenchTwins() {
    assertThat(BundleLint.problems("org/harmattan/briefs/text/brief", "fr")).isEmpty();
    assertThat(BundleLint.problems("org/harmattan/briefs/text/security", "fr")).isEmpty();
  }
}

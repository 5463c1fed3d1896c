package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.briefs.MaliStore;
import org.harmattan.briefs.render.MarkdownRenderer;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;

/**
 * The key figures of a filtered brief keep only the lines that mean something under the filter: who
 * carried out violence against civilians goes when one actor is the filter, violence against
 * civilians when the event types leave it out (Mali 2018, the real ACLED files).
 */
class FilteredKeyFiguresTest {
  private static final Period Y2018 =
      new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
  private static final String STATE = "were carried out by state forces";
  private static final String CIVILIANS = "Violence against civilians: ";
  private static final String POLITICAL = "Political violence (battles, explosions";

  private static String summary(Scope scope) throws IOException {
    SecurityRequest request =
        new SecurityRequest(
            "MLI", Y2018, Y2018.inYear(2017), Set.of(SourceSystem.ACLED), MaliStore.TODAY, scope);
    try (DuckDbStore store = MaliStore.open()) {
      String md =
          MarkdownRenderer.render(
              new BriefBuilder(
                      SecurityIndicators.compute(store.analytics(), request),
                      "Mali",
                      false,
                      Instant.parse("2026-12-03T00:00:00Z"))
                  .build());
      return md.substring(0, md.indexOf("## ", md.indexOf("## ") + 3));
    }
  }

  @Test
  void everyLineWithoutAFilter() throws IOException {
    assertThat(summary(Scope.ALL)).contains(POLITICAL, CIVILIANS, STATE);
  }

  @Test
  void oneActorDropsTheLineOnStateForces() throws IOException {
    Scope jnim =
        new Scope(
            Set.of(),
            null,
            Set.of(),
            "JNIM",
            Set.of("JNIM: Group for Support of Islam and Muslims"));
    assertThat(summary(jnim)).contains(POLITICAL, CIVILIANS).doesNotContain(STATE);
  }

  @Test
  void battlesAloneDropTheLinesOnCivilians() throws IOException {
    Scope battles = new Scope(Set.of(), Set.of(EventType.BATTLES), Set.of(), null, Set.of());
    assertThat(summary(battles)).contains(POLITICAL).doesNotContain(CIVILIANS, STATE);
    Scope protests = new Scope(Set.of(), Set.of(EventType.PROTESTS), Set.of(), null, Set.of());
    assertThat(summary(protests)).doesNotContain(POLITICAL, CIVILIANS, STATE);
  }
}

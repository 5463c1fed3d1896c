package org.harmattan.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.EventPoint;
import org.junit.jupiter.api.Test;

class FiguresTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
  private static final LocalDate READ = LocalDate.of(2026, 11, 30);
  private static final SourceRef EXPORT = new SourceRef("ACLED", "mali.csv", "ab12");
  private static final SourceRef OTHER = new SourceRef("ACLED", "sahel.csv", "cd34");

  private static EventPoint point(String id, SourceRef file) {
    return new EventPoint(
        id,
        LocalDate.of(2025, 3, 1),
        EventType.BATTLES,
        "Armed clash",
        14.48,
        -4.18,
        List.of("JNIM: Group for Support of Islam and Muslims"),
        4,
        "Mopti",
        null,
        file,
        READ);
  }

  @Test
  void aFigureThatCountsNoEventCitesTheFilesSearched() {
    Figures make = new Figures(TODAY);
    List<EventPoint> read = List.of(point("acled:MLI2", OTHER), point("acled:MLI1", EXPORT));

    assertThat(make.cite(List.of(), Figures.sourcesOf(read)))
        .isEqualTo(new Citation(List.of(OTHER, EXPORT), 0, List.of(), TODAY));
    // Counted events cite their own files and ids, whatever was searched.
    assertThat(make.cite(List.of(read.get(1)), Figures.sourcesOf(read)))
        .isEqualTo(new Citation(List.of(EXPORT), 1, List.of("acled:MLI1"), READ));
    assertThat(make.cite(List.of())).isEqualTo(new Citation(List.of(), 0, List.of(), TODAY));
  }
}

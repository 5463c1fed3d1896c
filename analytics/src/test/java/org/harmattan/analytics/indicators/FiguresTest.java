package org.harmattan.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.DeferredIds;
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

  @Test
  void groupsThatShareNoEventAreCitedAsTheirEventsWouldBe() {
    Figures make = new Figures(TODAY);
    List<EventPoint> points =
        List.of(
            point("acled:MLI30", EXPORT),
            point("acled:MLI4", OTHER),
            point("acled:MLI100", EXPORT),
            point("acled:MLI2", EXPORT));
    // Groups as an engine gives them: ids sorted within each, the groups in no order of ids.
    List<List<EventPoint>> groups =
        List.of(List.of(points.get(2), points.get(0)), List.of(points.get(3), points.get(1)));

    Citation deferred =
        make.citeDisjoint(
            groups,
            g -> g.stream().map(EventPoint::id).sorted().toList(),
            g -> g.get(0).source(),
            g -> g.get(0).accessed(),
            List.of());

    assertThat(deferred.recordCount()).isEqualTo(4);
    assertThat(deferred.eventIds()).hasSize(4);
    assertThat(((DeferredIds) deferred.eventIds()).isMade()).isFalse();
    // "acled:MLI100" < "acled:MLI2" < "acled:MLI30" < "acled:MLI4" in String order.
    assertThat(deferred.eventIds())
        .containsExactly("acled:MLI100", "acled:MLI2", "acled:MLI30", "acled:MLI4");
    Citation eager = make.cite(points, List.of());
    assertThat(deferred.eventIds()).isEqualTo(eager.eventIds());
    assertThat(deferred.recordCount()).isEqualTo(eager.recordCount());
    // The files of the groups as they come (each group's first event's here), each once.
    assertThat(deferred.sources()).containsExactly(EXPORT);
  }

  @Test
  void groupsThatShareAnEventFailWhenTheirIdsAreRead() {
    Figures make = new Figures(TODAY);
    List<List<String>> groups = List.of(List.of("acled:MLI1", "acled:MLI2"), List.of("acled:MLI2"));

    Citation c = make.citeDisjoint(groups, g -> g, g -> EXPORT, g -> READ, List.of());

    assertThat(c.recordCount()).isEqualTo(3);
    assertThatThrownBy(() -> c.eventIds().get(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ids counted as 3 but 2 were made");
  }

  @Test
  void noGroupsCiteTheFilesSearched() {
    assertThat(
            new Figures(TODAY)
                .citeDisjoint(
                    List.<List<String>>of(), g -> g, g -> EXPORT, g -> READ, List.of(OTHER)))
        .isEqualTo(new Citation(List.of(OTHER), 0, List.of(), TODAY));
  }
}

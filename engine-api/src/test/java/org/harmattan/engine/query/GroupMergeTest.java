package org.harmattan.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.SourceRef;
import org.junit.jupiter.api.Test;

/**
 * Groups an engine made by finer keys (each actor column apart) join into the groups of their
 * names: ids together and sorted, the first event the earliest, fatalities summed, in the order of
 * first events.
 */
class GroupMergeTest {
  private static final SourceRef FILE = new SourceRef("ACLED", "a.csv", "ab".repeat(32));
  private static final LocalDate READ = LocalDate.of(2026, 1, 5);
  private static final List<String> NAMES = List.of("FAMa", "JNIM");

  private static PointGroup month(double lon, List<String> ids, String first) {
    return new PointGroup(14, lon, YearMonth.of(2025, 5), NAMES, FILE, READ, ids, first);
  }

  @Test
  void pointGroupsOfTheSameNamesJoin() {
    List<PointGroup> merged =
        PointGroup.merge(
            List.of(
                month(-4, List.of("acled:2", "acled:9"), "2025-05-03\u001facled:9"),
                month(-5, List.of("acled:5"), "2025-05-02\u001facled:5"),
                month(-4, List.of("acled:1", "acled:7"), "2025-05-01\u001facled:7")));

    assertThat(merged)
        .extracting(PointGroup::longitude, PointGroup::ids, PointGroup::first)
        .containsExactly(
            tuple(
                -4.0,
                List.of("acled:1", "acled:2", "acled:7", "acled:9"),
                "2025-05-01\u001facled:7"),
            tuple(-5.0, List.of("acled:5"), "2025-05-02\u001facled:5"));
  }

  private static DayGroup day(int day, String location, long dead, List<String> ids) {
    return new DayGroup(
        14,
        -4,
        LocalDate.of(2025, 5, day),
        EventType.BATTLES,
        "Armed clash",
        NAMES,
        location,
        dead,
        FILE,
        READ,
        ids,
        ids.get(0));
  }

  @Test
  void dayGroupsOfTheSameNamesJoinAndSumTheirFatalities() {
    List<DayGroup> merged =
        DayGroup.merge(
            List.of(
                day(2, "Mopti", 3, List.of("acled:4", "acled:8")),
                day(2, "Sévaré", 1, List.of("acled:6")),
                day(1, "Mopti", 0, List.of("acled:9")),
                day(2, "Mopti", 2, List.of("acled:3"))));

    assertThat(merged)
        .extracting(DayGroup::date, DayGroup::location, DayGroup::ids, DayGroup::fatalities)
        .containsExactly(
            tuple(LocalDate.of(2025, 5, 1), "Mopti", List.of("acled:9"), 0L),
            tuple(LocalDate.of(2025, 5, 2), "Mopti", List.of("acled:3", "acled:4", "acled:8"), 5L),
            tuple(LocalDate.of(2025, 5, 2), "Sévaré", List.of("acled:6"), 1L));
    assertThat(merged.get(1).first()).isEqualTo("acled:3");
  }
}

package org.harmattan.engine.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.series.SeriesVersions.Rank;
import org.junit.jupiter.api.Test;

/** The rank of {@link SeriesVersions}, one case per rule, worked out from the class comment. */
class SeriesVersionsTest {
  private static final YearMonth MARCH = YearMonth.of(2019, 3);
  private static final YearMonth APRIL = YearMonth.of(2019, 4);

  @Test
  void aFileReachingALaterMonthOutranksWhicheverCameFirst() {
    assertThat(SeriesVersions.replaces(new Rank(MARCH, "00"), new Rank(APRIL, "ff"))).isTrue();
    assertThat(SeriesVersions.replaces(new Rank(APRIL, "ff"), new Rank(MARCH, "00"))).isFalse();
  }

  @Test
  void atTheSameReachTheSmallerHashOutranks() {
    assertThat(SeriesVersions.replaces(new Rank(MARCH, "b7"), new Rank(MARCH, "a9"))).isTrue();
    assertThat(SeriesVersions.replaces(new Rank(MARCH, "a9"), new Rank(MARCH, "b7"))).isFalse();
    // The same file does not replace itself: reading it again changes nothing.
    assertThat(SeriesVersions.replaces(new Rank(MARCH, "a9"), new Rank(MARCH, "a9"))).isFalse();
  }

  @Test
  void aPointStoredWithoutARankIsOutrankedByAnyFile() {
    assertThat(SeriesVersions.replaces(new Rank(null, "00"), new Rank(MARCH, "ff"))).isTrue();
  }

  @Test
  void aFileReachesTheLastMonthItGives() {
    SourceRef f = new SourceRef("views", "cm.csv", "ab");
    List<SeriesPoint> points =
        List.of(
            new SeriesPoint("ged_sb", "country", "50", "Mali", "MLI", APRIL, 9, f, 5),
            new SeriesPoint("ged_sb", "country", "50", "Mali", "MLI", MARCH, 5, f, 4));
    assertThat(SeriesVersions.reach(points)).isEqualTo(APRIL);
    assertThat(SeriesVersions.reach(List.of())).isNull();
  }
}

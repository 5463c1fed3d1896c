package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.series.SeriesIngest;
import org.harmattan.ingest.series.SeriesIngestReport;
import org.junit.jupiter.api.Test;

/** The contract suite's cases on monthly series: the VIEWS country-month file. */
interface SeriesContract extends EngineCase {
  String VIEWS_REVISED = "views-cm-2019q1-rereleased.csv";
  String VIEWS_BAD = "views-cm-bad-rows.csv";

  private static YearMonth month2019(int month) {
    return YearMonth.of(2019, month);
  }

  @Test
  default void seriesPointsComeBackAsIngestGaveThemByUnitIdAsTextThenMonth() {
    Recorded recorded = new Recorded();
    SeriesIngestReport r = ingestSeries(VIEWS_Q1, recorded);

    assertThat(r.format().id()).isEqualTo("views-cm");
    assertThat(r.rowsRead()).isEqualTo(12);
    assertThat(outcome(r)).containsExactly(12L, 0L, 0L, 0L);
    assertThat(r.units()).isEqualTo(4);
    assertThat(List.of(r.first(), r.last())).containsExactly(month2019(1), month2019(3));
    assertThat(r.gaps()).isEmpty();
    List<SeriesPoint> points = gedSb();
    assertThat(points).containsExactlyInAnyOrderElementsOf(recorded.seriesPoints);
    // Unit ids compare as text: "167" < "232" < "47" < "50".
    assertThat(points)
        .extracting(SeriesPoint::unitId, SeriesPoint::month, SeriesPoint::value)
        .containsExactly(
            tuple("167", month2019(1), 7.0),
            tuple("167", month2019(2), 21.0),
            tuple("167", month2019(3), 3.0),
            tuple("232", month2019(1), 0.0),
            tuple("232", month2019(2), 0.0),
            tuple("232", month2019(3), 0.0),
            tuple("47", month2019(1), 15.0),
            tuple("47", month2019(2), 0.0),
            tuple("47", month2019(3), 44.0),
            tuple("50", month2019(1), 32.0),
            tuple("50", month2019(2), 12.0),
            tuple("50", month2019(3), 5.0));
    assertThat(points.get(0))
        .isEqualTo(
            new SeriesPoint(
                "ged_sb",
                "country",
                "167",
                "Congo, DRC",
                "COD",
                month2019(1),
                7,
                new SourceRef("views", VIEWS_Q1, r.sha256()),
                4));
    // VIEWS writes no isoab for Kosovo: the row is placed by its name, and the report says so.
    assertThat(points.get(3).countryIso3()).isEqualTo("XKX");
    assertThat(points.get(3).unitName()).isEqualTo("Kosovo");
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("country_id 232", "XKX"));
    assertThat(points).extracting(SeriesPoint::line).doesNotHaveDuplicates();
    assertThat(store().series().listSeries("ged_sb", "priogrid")).isEmpty();
    assertThat(store().series().listSeries("ged_ns", "country")).isEmpty();
    StoreStatus status = store().status();
    assertThat(status.seriesPoints()).isEqualTo(12);
    assertThat(status.files()).isEqualTo(1);
    assertThat(status.events()).isZero();
    assertThat(status.quarantined()).isZero();
  }

  @Test
  default void aSeriesFileReadAgainChangesNothing() {
    ingestSeries(VIEWS_Q1, new Recorded());
    ingestSeries(VIEWS_BAD, new Recorded());
    List<SeriesPoint> before = gedSb();
    StoreStatus status = store().status();
    List<RejectedRow> quarantine = store().listQuarantine(100);

    SeriesIngestReport again = ingestSeries(VIEWS_Q1, new Recorded());
    SeriesIngestReport badAgain = ingestSeries(VIEWS_BAD, new Recorded());

    // Every point unchanged; the bad rows quarantined as the first time, and kept once.
    assertThat(outcome(again)).containsExactly(0L, 0L, 12L, 0L);
    assertThat(outcome(badAgain)).containsExactly(0L, 0L, 1L, 5L);
    assertThat(gedSb()).isEqualTo(before);
    assertThat(store().listQuarantine(100)).isEqualTo(quarantine);
    StoreStatus after = store().status();
    assertThat(after.seriesPoints()).isEqualTo(status.seriesPoints()).isEqualTo(13);
    assertThat(after.quarantined()).isEqualTo(status.quarantined()).isEqualTo(5);
    assertThat(after.files()).isEqualTo(status.files() + 2);
  }

  @Test
  default void aFileReachingFurtherOutranksAnEarlierOneWhateverTheOrder() throws IOException {
    SeriesIngestReport first = ingestSeries(VIEWS_Q1, new Recorded());
    SeriesIngestReport later = ingestSeries(VIEWS_REVISED, new Recorded());

    // The re-release reaches April, Q1 only March: its points replace Q1's. Mali February
    // 12 -> 14 (updated); Mali January and March and Burkina Faso January the same values, now
    // citing the re-release (unchanged); Mali April new. It has its columns in another order and
    // no source column.
    assertThat(later.rowsRead()).isEqualTo(5);
    assertThat(outcome(later)).containsExactly(1L, 1L, 3L, 0L);
    SourceRef q1 = new SourceRef("views", VIEWS_Q1, first.sha256());
    SourceRef revised = new SourceRef("views", VIEWS_REVISED, later.sha256());
    List<SeriesPoint> mali = gedSb().stream().filter(p -> p.unitId().equals("50")).toList();
    assertThat(mali)
        .extracting(SeriesPoint::month, SeriesPoint::value, SeriesPoint::source, SeriesPoint::line)
        .containsExactly(
            tuple(month2019(1), 32.0, revised, 2L),
            tuple(month2019(2), 14.0, revised, 3L),
            tuple(month2019(3), 5.0, revised, 4L),
            tuple(month2019(4), 9.0, revised, 5L));
    assertThat(gedSb())
        .filteredOn(p -> p.unitId().equals("47") && p.month().equals(month2019(1)))
        .extracting(SeriesPoint::source)
        .containsExactly(revised);
    assertThat(gedSb()).filteredOn(p -> p.source().equals(q1)).hasSize(8);
    assertThat(gedSb()).hasSize(13);
    assertThat(store().status().seriesPoints()).isEqualTo(13);

    // Q1 again changes nothing: February keeps the re-release's 14.
    SeriesIngestReport back = ingestSeries(VIEWS_Q1, new Recorded());
    assertThat(outcome(back)).containsExactly(0L, 0L, 12L, 0L);
    List<SeriesPoint> state = gedSb();
    assertThat(state)
        .filteredOn(p -> p.unitId().equals("50") && p.month().equals(month2019(2)))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo(14.0));

    // The other order gives the same points, each citing the same file.
    try (Store other = secondStore()) {
      SeriesIngest.ingest(SourceFile.inspect(fixture(VIEWS_REVISED)), other.seriesWriter());
      SeriesIngest.ingest(SourceFile.inspect(fixture(VIEWS_Q1)), other.seriesWriter());
      assertThat(other.series().listSeries("ged_sb", "country")).isEqualTo(state);
    }
  }

  @Test
  default void badSeriesRowsAreQuarantinedWithTheirRawTextAndEveryRowAccountedFor() {
    SeriesIngestReport r = ingestSeries(VIEWS_BAD, new Recorded());
    Path file = fixture(VIEWS_BAD);

    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(outcome(r)).containsExactly(1L, 0L, 0L, 5L);
    assertThat(gedSb())
        .extracting(SeriesPoint::unitId, SeriesPoint::month, SeriesPoint::value, SeriesPoint::line)
        .containsExactly(tuple("50", YearMonth.of(2020, 1), 20.0, 2L));
    List<RejectedRow> q = store().listQuarantine(10);
    assertThat(q).extracting(RejectedRow::lineNumber).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(q)
        .extracting(row -> row.problems().get(0).code(), row -> row.problems().get(0).column())
        .containsExactly(
            tuple("bad_fatalities", "ged_sb"),
            tuple("bad_month_id", "month_id"),
            tuple("unknown_country", "isoab"),
            tuple("duplicate_point", ""),
            tuple("bad_fatalities", "ged_sb"));
    assertThat(q.get(3).problems().get(0).message()).contains("the first is on line 2");
    for (RejectedRow row : q) {
      assertThat(row.raw()).isEqualTo(line(file, (int) row.lineNumber()));
      assertThat(row.fileSha256()).isEqualTo(r.sha256());
      assertThat(row.dataset()).isEqualTo(VIEWS_BAD);
    }
    assertThat(r.quarantinedRows()).isEqualTo(q);
    StoreStatus status = store().status();
    assertThat(status.seriesPoints()).isEqualTo(1);
    assertThat(status.quarantined()).isEqualTo(5);
    assertThat(status.files()).isEqualTo(1);
  }

  @Test
  default void aSeriesWriteClosedWithoutCommitLeavesTheStoreAsItWasAndARepeatedKeyIsRefused() {
    ingestSeries(VIEWS_Q1, new Recorded());
    StoreStatus before = store().status();
    List<SeriesPoint> points = gedSb();
    String sha = "ef".repeat(32);
    FileRef file = new FileRef("hand-made.csv", "hand-made.csv", sha);
    SourceRef source = new SourceRef("views", "hand-made.csv", sha);
    // Niger in April: the file reaches further than Q1, so its value for Mali replaces Q1's.
    SeriesPoint fresh =
        new SeriesPoint("ged_sb", "country", "78", "Niger", "NER", month2019(4), 4, source, 2);
    SeriesPoint revised =
        new SeriesPoint("ged_sb", "country", "50", "Mali", "MLI", month2019(1), 99, source, 3);

    try (SeriesWrite w = store().seriesWriter().begin(file)) {
      w.accepted(fresh);
      w.accepted(revised);
      w.rejected(
          new RejectedRow(
              "hand-made.csv",
              "hand-made.csv",
              sha,
              4,
              List.of(Problem.ofRow(ProblemCode.BAD_MONTH, "a bad row")),
              "472,2019,13,78"));
      assertThatThrownBy(() -> w.accepted(fresh)).isInstanceOf(IllegalArgumentException.class);
      // Nothing is visible before the commit either.
      assertThat(gedSb()).isEqualTo(points);
    }

    assertThat(store().status()).isEqualTo(before);
    assertThat(gedSb()).isEqualTo(points);
    assertThat(store().listQuarantine(10)).isEmpty();

    // The store takes the next write as usual.
    SeriesOutcome o;
    try (SeriesWrite w = store().seriesWriter().begin(file)) {
      w.accepted(fresh);
      w.accepted(revised);
      o = w.commit("views-cm", 2);
    }
    assertThat(o).isEqualTo(new SeriesOutcome(1, 1, 0, 0));
    assertThat(gedSb()).contains(fresh, revised).hasSize(13);
    assertThat(store().status().files()).isEqualTo(before.files() + 1);
  }
}

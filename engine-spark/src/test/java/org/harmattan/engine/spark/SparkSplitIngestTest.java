package org.harmattan.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.RawText;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.SplitFile;
import org.harmattan.engine.write.SplitWriter;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDELT exports read in pieces by Spark's executors give what a reading row by row gives: the same
 * reports (counts and notes), events, history and quarantine as the Spark store fed row by row and
 * as the embedded DuckDB store, through a first export, a later one revising half its ids, and the
 * first again.
 */
class SparkSplitIngestTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final Period ALL = new Period(LocalDate.of(2024, 1, 1), TODAY);

  @TempDir Path dir;

  @Test
  void gdeltExportsReadInPiecesGiveWhatARowByRowReadingGives() throws IOException {
    Path first = GdeltExport.write(dir.resolve("export-1.tsv"), 2000, 1_300_000_000L, "20251101");
    // Ids 1000 to 1999 again, added a day later from other addresses: newer versions.
    Path second = GdeltExport.write(dir.resolve("export-2.tsv"), 2000, 1_300_001_000L, "20251102");
    List<Path> files = List.of(first, second, first);

    List<IngestReport> inPieces;
    List<IngestReport> rowByRow;
    List<IngestReport> embedded;
    try (SparkStore pieces = SparkStore.open(dir.resolve("warehouse-pieces"), null);
        SparkStore rows = SparkStore.open(dir.resolve("warehouse-rows"), null);
        DuckDbStore duckdb = DuckDbStore.open(dir.resolve("store.duckdb"))) {
      assertThat(pieces.events().splitWriter()).isPresent();
      inPieces = ingest(files, pieces.events());
      rowByRow = ingest(files, rowByRow(rows.events()));
      embedded = ingest(files, duckdb.events());

      assertThat(inPieces).isEqualTo(rowByRow).isEqualTo(embedded);
      assertSameContent(pieces, rows);
      assertSameContent(pieces, duckdb);
    }
    // What the files hold, worked out from their lines here: rows, ids, damaged rows, repeats.
    Lines one = Lines.of(first);
    Lines two = Lines.of(second);
    IngestReport once = inPieces.get(0);
    assertThat(once.rowsRead()).isEqualTo(one.rows);
    assertThat(once.inserted()).isEqualTo(one.ids.size());
    assertThat(once.merged()).isEqualTo(one.sameRepeats);
    assertThat(once.quarantined()).isEqualTo(one.damaged + one.otherRepeats);
    assertThat(once.notes())
        .containsExactly(
            one.latin1.size()
                + " lines are not valid UTF-8 (line "
                + String.join(", ", one.latin1.subList(0, 5))
                + ", ...); those lines decoded as Windows-1252 (Latin-1), the others as UTF-8");
    IngestReport revised = inPieces.get(1);
    java.util.Set<String> both = new java.util.HashSet<>(two.ids);
    both.retainAll(one.ids);
    assertThat(both).hasSizeGreaterThan(950);
    assertThat(revised.updated()).isEqualTo(both.size());
    assertThat(revised.inserted()).isEqualTo(two.ids.size() - both.size());
    IngestReport again = inPieces.get(2);
    assertThat(again.inserted() + again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(one.ids.size());
  }

  @Test
  void aPieceAnExecutorCannotReadFailsWithTheReadersMessageAndChangesNothing() {
    try (SparkStore store = SparkStore.open(dir.resolve("warehouse-broken"), null)) {
      SplitWriter writer = store.events().splitWriter().orElseThrow();

      assertThatThrownBy(() -> writer.write(new Unreadable()))
          .isInstanceOf(HarmattanException.class)
          .hasMessage("/shared/export.tsv cannot be read on this worker");
      assertThat(store.status().events()).isZero();
      assertThat(store.status().files()).isZero();
    }
  }

  /** A file whose pieces cannot be read where the executors run (no shared mount, say). */
  private static final class Unreadable implements SplitFile<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public FileRef file() {
      return new FileRef("/shared/export.tsv", "export.tsv", "c3".repeat(32));
    }

    @Override
    public String format() {
      return "gdelt2";
    }

    @Override
    public long[] cuts(int pieces) {
      return new long[] {0, 100};
    }

    @Override
    public long countLines(long from, long to) {
      return 1;
    }

    @Override
    public Integer read(long from, long to, long firstLine, RowSink sink) {
      throw HarmattanException.sourceData(
          ProblemCode.UNREADABLE_FILE, "/shared/export.tsv cannot be read on this worker");
    }

    @Override
    public RawText raw() {
      return ranges -> java.util.Map.of();
    }
  }

  /** An export's lines as the test reads them, apart from the product's reader. */
  private static final class Lines {
    long rows;
    long damaged;
    long sameRepeats;
    long otherRepeats;
    final java.util.Set<String> ids = new java.util.HashSet<>();
    final List<String> latin1 = new ArrayList<>();

    static Lines of(Path file) throws IOException {
      Lines l = new Lines();
      String text =
          new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
      java.util.Map<String, String> firstRow = new java.util.HashMap<>();
      int number = 0;
      for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        l.rows++;
        if (line.chars().anyMatch(c -> c >= 0x80)) {
          l.latin1.add(Integer.toString(number));
        }
        String[] f = line.split("\t", -1);
        if (f.length != 61) {
          l.damaged++;
          continue;
        }
        String before = firstRow.putIfAbsent(f[0], line);
        if (before == null) {
          l.ids.add("gdelt:" + f[0]);
        } else if (before.equals(line)) {
          l.sameRepeats++;
        } else {
          l.otherRepeats++;
        }
      }
      return l;
    }
  }

  static List<IngestReport> ingest(List<Path> files, EventWriter writer) {
    List<IngestReport> out = new ArrayList<>();
    for (Path f : files) {
      out.add(
          new EventIngest(TODAY).ingest(SourceFile.inspect(f), Optional.empty(), writer, b -> {}));
    }
    return out;
  }

  /** The same events (every column but the time of reading), history and quarantine. */
  static void assertSameContent(Store a, Store b) {
    StoreStatus sa = a.status();
    StoreStatus sb = b.status();
    assertThat(List.of(sa.events(), sa.history(), sa.quarantined(), sa.files()))
        .isEqualTo(List.of(sb.events(), sb.history(), sb.quarantined(), sb.files()));
    List<String> ids = a.analytics().count(CountQuery.total(EventFilter.of("MLI", ALL))).eventIds();
    assertThat(ids).hasSize((int) sa.events());
    assertThat(b.analytics().count(CountQuery.total(EventFilter.of("MLI", ALL))).eventIds())
        .isEqualTo(ids);
    for (int i = 0; i < ids.size(); i += 23) {
      String id = ids.get(i);
      assertThat(a.findEvent(id).orElseThrow())
          .as(id)
          .usingRecursiveComparison()
          .ignoringFields("provenance.ingestedAt")
          .isEqualTo(b.findEvent(id).orElseThrow());
      assertThat(a.countHistory(id)).as(id).isEqualTo(b.countHistory(id));
    }
    assertThat(quarantine(a)).isEqualTo(quarantine(b));
  }

  private static List<String> quarantine(Store s) {
    return s.listQuarantine(100_000).stream()
        .sorted(
            Comparator.comparing(RejectedRow::dataset).thenComparingLong(RejectedRow::lineNumber))
        .map(r -> r.dataset() + ":" + r.lineNumber() + " " + r.problems() + " " + r.raw())
        .toList();
  }

  /** The Spark store's writer without its reading in pieces: files go to it row by row. */
  private static EventWriter rowByRow(EventWriter w) {
    return new EventWriter() {
      @Override
      public FileWrite begin(FileRef file) {
        return w.begin(file);
      }

      @Override
      public WithdrawOutcome withdraw(List<Withdrawal> withdrawals) {
        return w.withdraw(withdrawals);
      }

      @Override
      public Optional<Instant> findLatestWithdrawal(SourceSystem source) {
        return w.findLatestWithdrawal(source);
      }

      @Override
      public Optional<Instant> findLatestSourceTimestamp(SourceSystem source, String countryIso3) {
        return w.findLatestSourceTimestamp(source, countryIso3);
      }
    };
  }
}

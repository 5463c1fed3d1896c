package org.harmattan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RawText;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.SplitFile;
import org.harmattan.engine.write.SplitWriter;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of one row per line read in pieces ({@link LineSplitFile}, as a cluster's executors read
 * it) gives, piece by piece, the lines, rows, numbers, quarantine and notes of a reading of the
 * whole file, however many pieces it is cut into: line ends LF, CRLF and lone CR, a byte-order
 * mark, blank lines, a line that is not UTF-8 and a last line without an end.
 */
class LineSplitFileTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @TempDir Path dir;

  /** GDELT 2.0 rows of the fixture, with every kind of line end and line around them. */
  private Path awkwardFile() throws IOException {
    List<String> rows =
        Files.readAllLines(SharedData.fixture("gdelt/gdelt2.tsv"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isEmpty())
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String[] ends = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};
    for (int i = 0; i < 40; i++) {
      String row = rows.get(i % rows.size());
      if (i % 7 == 3) {
        // A row cut short: quarantined for its column count.
        row = row.substring(0, row.lastIndexOf('\t'));
      }
      byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
      if (i % 11 == 5) {
        // A Windows-1252 e-acute in the source address: not UTF-8.
        bytes = (row + "/caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
      }
      out.write(bytes);
      if (i < 39) {
        out.write(ends[i % ends.length].getBytes(StandardCharsets.US_ASCII));
      }
    }
    return Files.write(dir.resolve("awkward.tsv"), out.toByteArray());
  }

  @Test
  void piecesHoldTheLinesOfTheWholeFileNumberedAsItNumbersThem() throws IOException {
    Path file = awkwardFile();
    List<String> whole = new ArrayList<>();
    try (TextLines in = TextLines.open(file)) {
      TextLines.Line l;
      while ((l = in.next()) != null) {
        whole.add(l.number() + " " + l.decoding() + " " + l.text());
      }
    }
    // 40 rows; "\n\n" and "\r\n\r\n" ends add a blank line each (8 + 8 of them, minus the last).
    assertThat(whole).hasSize(40 + 16 - 1);
    LineSplitFile split = splitFile(file);
    for (int pieces = 1; pieces <= 24; pieces++) {
      long[] cuts = split.cuts(pieces);
      assertThat(cuts[0]).isZero();
      assertThat(cuts[cuts.length - 1]).isEqualTo(Files.size(file));
      assertThat(cuts.length - 1).isBetween(1, pieces);
      List<String> read = new ArrayList<>();
      long first = 1;
      for (int i = 0; i + 1 < cuts.length; i++) {
        assertThat(cuts[i + 1]).isGreaterThan(cuts[i]);
        long count = split.countLines(cuts[i], cuts[i + 1]);
        try (TextLines in = TextLines.openRange(file, cuts[i], cuts[i + 1], first)) {
          TextLines.Line l;
          long n = 0;
          while ((l = in.next()) != null) {
            read.add(l.number() + " " + l.decoding() + " " + l.text());
            n++;
          }
          assertThat(n).as("lines counted in piece %d of %d", i, pieces).isEqualTo(count);
        }
        first += count;
      }
      assertThat(read).as("%d pieces", pieces).isEqualTo(whole);
    }
  }

  @Test
  void piecesGiveTheRowsQuarantineAndNotesOfAReadingOfTheWholeFile() throws IOException {
    Path file = awkwardFile();
    SourceFile source = SourceFile.inspect(file);
    Written whole = new Written();
    IngestReport wholeReport =
        new EventIngest(TODAY).ingest(source, Optional.empty(), whole.rowByRow(), b -> {});
    assertThat(wholeReport.rowsRead()).isEqualTo(40);
    // The fourth row and every seventh after it cut short.
    assertThat(whole.rejected).extracting(RejectedRow::lineNumber).hasSize(6);
    assertThat(wholeReport.notes()).hasSize(1);

    for (int pieces : new int[] {1, 2, 3, 5, 8, 13, 40}) {
      Written inPieces = new Written();
      IngestReport report =
          new EventIngest(TODAY)
              .ingest(source, Optional.empty(), inPieces.inPieces(pieces), b -> {});
      assertThat(report).as("%d pieces", pieces).isEqualTo(wholeReport);
      assertThat(inPieces.accepted).as("%d pieces", pieces).isEqualTo(whole.accepted);
      assertThat(inPieces.rejected).as("%d pieces", pieces).isEqualTo(whole.rejected);
    }
  }

  private static LineSplitFile splitFile(Path file) {
    return new LineSplitFile(
        SourceFile.inspect(file), SourceFormat.GDELT_2, TODAY, Instant.EPOCH, CountryBoxes.none());
  }

  /**
   * What a write port was handed: the staged events (their time of reading left out) with their
   * lines, and the rejected rows, in file order.
   */
  private static final class Written {
    final List<String> accepted = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();

    private void accept(StagedEvent e, LineRange lines) {
      accepted.add(
          lines
              + " "
              + e.event().id()
              + " "
              + e.contentHash()
              + " "
              + e.coreHash()
              + " "
              + e.event().provenance().lineNumber());
    }

    /** A port that takes files row by row. */
    EventWriter rowByRow() {
      return new Port(null);
    }

    /** A port that reads files in {@code pieces} pieces, one after the other. */
    EventWriter inPieces(int pieces) {
      return new Port(
          new SplitWriter() {
            @Override
            public <S extends java.io.Serializable> Outcome<S> write(SplitFile<S> file) {
              long[] cuts = file.cuts(pieces);
              List<S> summaries = new ArrayList<>();
              long first = 1;
              long[] counted = new long[2];
              for (int i = 0; i + 1 < cuts.length; i++) {
                summaries.add(
                    file.read(
                        cuts[i],
                        cuts[i + 1],
                        first,
                        new SplitFile.RowSink() {
                          @Override
                          public void accepted(StagedEvent event, LineRange lines) {
                            accept(event, lines);
                            counted[0]++;
                          }

                          @Override
                          public void rejected(RejectedRow row) {
                            rejected.add(row);
                            counted[1]++;
                          }
                        }));
                first += file.countLines(cuts[i], cuts[i + 1]);
              }
              // This port stores nothing: it counts what it is handed, as the row-by-row one.
              return new Outcome<>(
                  new WriteOutcome(counted[0], 0, 0, 0, counted[1]),
                  counted[0] + counted[1],
                  summaries);
            }
          });
    }

    private final class Port implements EventWriter {
      private final SplitWriter split;

      Port(SplitWriter split) {
        this.split = split;
      }

      @Override
      public FileWrite begin(FileRef file) {
        return new FileWrite() {
          private long accepted;

          @Override
          public void accepted(StagedEvent event, LineRange lines) {
            accept(event, lines);
            this.accepted++;
          }

          @Override
          public void rejected(RejectedRow row) {
            rejected.add(row);
          }

          @Override
          public WriteOutcome commit(String format, long rowsRead, RawText raw) {
            return new WriteOutcome(accepted, 0, 0, 0, rowsRead - accepted);
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public Optional<SplitWriter> splitWriter() {
        return Optional.ofNullable(split);
      }

      @Override
      public WithdrawOutcome withdraw(List<Withdrawal> withdrawals) {
        throw new UnsupportedOperationException("not written here");
      }

      @Override
      public Optional<Instant> findLatestWithdrawal(
          org.harmattan.domain.event.SourceSystem source) {
        return Optional.empty();
      }

      @Override
      public Optional<Instant> findLatestSourceTimestamp(
          org.harmattan.domain.event.SourceSystem source, String countryIso3) {
        return Optional.empty();
      }
    }
  }
}

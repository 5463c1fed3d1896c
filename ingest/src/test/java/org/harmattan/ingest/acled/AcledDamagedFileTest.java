package org.harmattan.ingest.acled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.RawLines;
import org.harmattan.ingest.ReadSummary;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Mali export (one record a line, pure ASCII) damaged in one place at a time, written to a
 * temporary folder: a bad byte, a Latin-1 row among UTF-8 ones, an oversized row, a stray quote, a
 * broken header. Every row is accounted for, the damage is named where it is, and the rows around
 * it read as they do in the intact file.
 */
class AcledDamagedFileTest {
  private static final String EXPORT = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  private static final int ROWS = 1339;

  @TempDir Path dir;

  /** The export's lines, without their line feeds; line n is {@code lines.get(n - 1)}. */
  private List<String> lines;

  private ReadSummary intact;
  private CollectingSink intactSink;

  @BeforeEach
  void readTheIntactExport() throws IOException {
    Path export = SharedData.require(EXPORT);
    lines = Files.readAllLines(export, StandardCharsets.UTF_8);
    intactSink = new CollectingSink();
    intact = TestFiles.read(export, intactSink);
    assertThat(lines).hasSize(ROWS + 1);
    assertThat(intact.accepted()).isEqualTo(ROWS);
  }

  /** Writes the lines, each ending with LF, the line numbered {@code special} as given bytes. */
  private Path write(String name, List<String> text, int special, byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int n = 1; n <= text.size(); n++) {
      out.writeBytes(n == special ? bytes : text.get(n - 1).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    Path p = dir.resolve(name);
    Files.write(p, out.toByteArray());
    return p;
  }

  private Path write(String name, List<String> text) throws IOException {
    return write(name, text, -1, new byte[0]);
  }

  private static ReadSummary read(Path p, CollectingSink sink) {
    ReadSummary s = TestFiles.read(p, sink);
    assertThat(s.rowsRead()).isEqualTo(s.accepted() + s.rejected());
    assertThat(sink.events).hasSize((int) s.accepted());
    assertThat(sink.rejected).hasSize((int) s.rejected());
    return s;
  }

  private List<Long> intactLinesExcept(long... left) {
    List<Long> out = new ArrayList<>();
    for (Event e : intactSink.events) {
      long line = e.provenance().lineNumber();
      boolean skip = false;
      for (long l : left) {
        skip |= l == line;
      }
      if (!skip) {
        out.add(line);
      }
    }
    return out;
  }

  private static List<Long> lineNumbers(List<Event> events) {
    return events.stream().map(e -> e.provenance().lineNumber()).toList();
  }

  @Test
  void aByteWindows1252DoesNotDefineQuarantinesItsRowOnly() throws IOException {
    String row = lines.get(99);
    // Inside admin1, the 18th column: no field before it on this line holds a comma.
    int at = -1;
    for (int commas = 0; commas < 17; commas++) {
      at = row.indexOf(',', at + 1);
    }
    at += 2;
    assertThat(row.charAt(at - 2)).isEqualTo(',');
    byte[] bytes = row.getBytes(StandardCharsets.US_ASCII);
    bytes[at] = (byte) 0x81;
    Path p = write("bad81.csv", lines, 100, bytes);
    long offset = 0;
    for (int n = 1; n < 100; n++) {
      offset += lines.get(n - 1).length() + 1;
    }
    CollectingSink sink = new CollectingSink();

    ReadSummary s = read(p, sink);

    assertThat(s.rowsRead()).isEqualTo(ROWS);
    assertThat(s.rejected()).isEqualTo(1);
    RejectedRow bad = sink.rejected.get(0);
    assertThat(bad.lineNumber()).isEqualTo(100);
    assertThat(bad.problems()).extracting(Problem::code).containsExactly("bad_encoding");
    assertThat(bad.problems().get(0).column()).isEqualTo("admin1");
    assertThat(bad.message())
        .isEqualTo(
            "bad81.csv line 100, column admin1: byte 0x81 at byte offset "
                + (offset + at)
                + " is neither UTF-8 nor Windows-1252 (Latin-1) text (expected a UTF-8 export)");
    // The raw text keeps the byte, shown as the character of its number.
    assertThat(bad.raw()).isEqualTo(row.substring(0, at) + '\u0081' + row.substring(at + 1));
    assertThat(RawLines.read(SourceFile.inspect(p), List.of(new LineRange(100, 100))))
        .containsEntry(100L, bad.raw());
    assertThat(lineNumbers(sink.events)).isEqualTo(intactLinesExcept(100));
  }

  @Test
  void aBadByteInTheHeaderRefusesTheFileNamingLineAndOffset() throws IOException {
    byte[] header = lines.get(0).getBytes(StandardCharsets.US_ASCII);
    header[10] = (byte) 0x9D;
    Path p = write("bad-header.csv", lines, 1, header);

    assertThatThrownBy(() -> read(p, new CollectingSink()))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.SOURCE_DATA);
              assertThat(e.code()).isEqualTo(ProblemCode.BAD_ENCODING.code());
              assertThat(e.getMessage())
                  .isEqualTo(
                      p
                          + " line 1: byte 0x9D at byte offset 10 is neither UTF-8 nor"
                          + " Windows-1252 (Latin-1) text (expected a UTF-8 export)")
                  .doesNotContain("java.");
            });
  }

  @Test
  void oneLatin1RowLeavesTheUtf8RowsIntact() throws IOException {
    List<String> accented = lines.stream().map(l -> l.replace("Segou", "S\u00e9gou")).toList();
    Path p =
        write("mixed.csv", accented, 250, accented.get(249).getBytes(StandardCharsets.ISO_8859_1));
    CollectingSink sink = new CollectingSink();

    ReadSummary s = read(p, sink);

    assertThat(s.accepted()).isEqualTo(ROWS);
    assertThat(s.notes())
        .contains("line 250 is not valid UTF-8; decoded as Windows-1252 (Latin-1)");
    List<String> expected =
        intactSink.events.stream().map(e -> places(e).replace("Segou", "S\u00e9gou")).toList();
    assertThat(sink.events).extracting(AcledDamagedFileTest::places).isEqualTo(expected);
    assertThat(places(sink.events.get(248))).contains("S\u00e9gou");
    assertThat(sink.events)
        .extracting(AcledDamagedFileTest::places)
        .noneMatch(t -> t.contains("\u00c3"));
  }

  private static String places(Event e) {
    return e.admin1() + "|" + e.admin2() + "|" + e.admin3() + "|" + e.location() + "|" + e.notes();
  }

  @Test
  void aTwentyMebibyteFieldIsQuarantinedAndTheNextRowsAreRead() throws IOException {
    String row = lines.get(199);
    int notes = row.lastIndexOf(",\"") + 2;
    assumeThat(notes).isGreaterThan(2);
    String huge = row.substring(0, notes) + "x".repeat(20 * 1024 * 1024) + row.substring(notes);
    Path p = write("huge.csv", lines, 200, huge.getBytes(StandardCharsets.US_ASCII));
    CollectingSink sink = new CollectingSink();

    ReadSummary s = read(p, sink);

    assertThat(s.rowsRead()).isEqualTo(ROWS);
    assertThat(sink.codes()).containsExactly("row_too_long");
    RejectedRow big = sink.rejected.get(0);
    assertThat(big.lineNumber()).isEqualTo(200);
    assertThat(big.message())
        .isEqualTo(
            "huge.csv line 200: line 200 is "
                + huge.length()
                + " bytes long, more than the 16777216 bytes (16 MiB) a line may hold; the row is"
                + " quarantined with its first 4096 characters and reading goes on with the next"
                + " row");
    assertThat(big.raw()).isEqualTo(huge.substring(0, 4096));
    assertThat(lineNumbers(sink.events)).isEqualTo(intactLinesExcept(200));
  }

  @Test
  void aRowOfTwentyThousandFieldsIsQuarantinedAndTheNextRowsAreRead() throws IOException {
    String wide = lines.get(199) + ",".repeat(20_000 - 30);
    Path p = write("wide.csv", lines, 200, wide.getBytes(StandardCharsets.US_ASCII));
    CollectingSink sink = new CollectingSink();

    ReadSummary s = read(p, sink);

    assertThat(s.rowsRead()).isEqualTo(ROWS);
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.lineNumber()).isEqualTo(200);
              assertThat(r.message())
                  .isEqualTo(
                      "wide.csv line 200: the row has 20000 fields, expected 30 (the header's column"
                          + " count)");
              assertThat(r.raw()).isEqualTo(wide);
            });
    assertThat(lineNumbers(sink.events)).isEqualTo(intactLinesExcept(200));
  }

  @Test
  void aStrayQuoteSaysWhichLinesItJoined() throws IOException {
    List<String> text = new ArrayList<>(lines);
    // The last field (iso3) opened with a quote it never closes: the row runs on to the next quote.
    String row = text.get(299);
    int lastComma = row.lastIndexOf(',');
    text.set(299, row.substring(0, lastComma + 1) + "\"" + row.substring(lastComma + 1));
    Path p = write("stray.csv", text);
    CollectingSink sink = new CollectingSink();

    ReadSummary s = read(p, sink);

    RejectedRow joined = sink.rejected.get(0);
    assertThat(joined.lineNumber()).isEqualTo(300);
    assertThat(joined.problems()).extracting(Problem::code).containsExactly("wrong_column_count");
    String message = joined.problems().get(0).message();
    int last = Integer.parseInt(message.replaceAll(".* is closed on line (\\d+):.*", "$1"));
    assertThat(last).isGreaterThan(300);
    assertThat(message)
        .endsWith(
            "; a quote opened on line 300 is closed on line "
                + last
                + ": the row spans "
                + (last - 299)
                + " lines; a stray quote?");
    assertThat(joined.raw()).isEqualTo(String.join("\n", text.subList(299, last)));
    // Every record after the joined lines reads as in the intact file.
    assertThat(lineNumbers(sink.events).stream().filter(l -> l > last).toList())
        .isEqualTo(intactLinesExcept().stream().filter(l -> l > last).toList());
    assertThat(s.rowsRead()).isEqualTo(ROWS - (last - 300));
  }

  @Test
  void aMissingRequiredColumnRefusesTheFileOnce() throws IOException {
    List<String> text = new ArrayList<>(lines);
    text.set(0, text.get(0).replace(",fatalities,", ",deaths,"));
    Path p = write("no-fatalities.csv", text);
    CollectingSink sink = new CollectingSink();

    assertThatThrownBy(() -> read(p, sink))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.SOURCE_DATA);
              assertThat(e.code()).isEqualTo("missing_column");
              assertThat(e.getMessage())
                  .startsWith(p + " line 1: the header lacks the column fatalities, which every");
            });
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void aColumnNamedTwiceIsRefused() throws IOException {
    List<String> text = new ArrayList<>(lines);
    text.set(0, text.get(0).replace(",notes,", ",fatalities,"));
    Path p = write("fatalities-twice.csv", text);
    List<String> names = List.of(text.get(0).split(","));
    int first = names.indexOf("fatalities") + 1;
    int second = names.lastIndexOf("fatalities") + 1;

    assertThatThrownBy(() -> read(p, new CollectingSink()))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.code()).isEqualTo("duplicate_column");
              assertThat(e.getMessage())
                  .isEqualTo(
                      p
                          + " line 1: the header names column \"fatalities\" twice (columns "
                          + first
                          + " and "
                          + second
                          + "); expected each column once: remove or rename one of them");
            });

    text.set(0, lines.get(0).replace("data_id,", "EVENT_ID_CNTY,"));
    Path id = write("id-twice.csv", text);
    assertThatThrownBy(() -> read(id, new CollectingSink()))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> assertThat(e.getMessage()).contains("names column \"event_id_cnty\" twice"));
  }

  @Test
  void rejectedRowsReachTheSinkAsTheyAreRead() throws IOException {
    List<String> text = new ArrayList<>(lines);
    for (int n = 2; n <= text.size(); n += 2) {
      text.set(n - 1, text.get(n - 1).replaceAll(",(\\d+),(\\d+),([^,]*)$", ",many,$2,$3"));
    }
    Path p = write("half-bad.csv", text);
    List<String> order = new ArrayList<>();
    IngestSink sink =
        new IngestSink() {
          @Override
          public void accepted(Event event, LineRange range) {
            order.add("a" + range.first());
          }

          @Override
          public void rejected(RejectedRow row) {
            order.add("r" + row.lineNumber());
          }
        };
    ReadSummary s =
        new org.harmattan.ingest.EventFileReader(TestFiles.TODAY)
            .read(
                SourceFile.inspect(p),
                java.util.Optional.empty(),
                TestFiles.context("half-bad.csv"),
                sink,
                b -> {});

    assertThat(s.rejected()).isEqualTo(ROWS / 2 + ROWS % 2);
    List<String> expected = new ArrayList<>();
    for (int n = 2; n <= ROWS + 1; n++) {
      expected.add((n % 2 == 0 ? "r" : "a") + n);
    }
    assertThat(order).isEqualTo(expected);
  }

  @Test
  void pipesAndDevicesAreRefusedBeforeAnyRead() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeThat(Files.exists(zero)).isTrue();
    assertThatThrownBy(() -> SourceFile.inspect(zero))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.code()).isEqualTo("not_a_file");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "/dev/zero is not a regular file (a device, a pipe or a socket); give a"
                          + " data file saved on disk");
            });
    Path fifo = dir.resolve("pipe.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor()).isZero();
    assertThatThrownBy(() -> SourceFile.inspect(fifo))
        .isInstanceOfSatisfying(
            HarmattanException.class, e -> assertThat(e.code()).isEqualTo("not_a_file"));
  }
}

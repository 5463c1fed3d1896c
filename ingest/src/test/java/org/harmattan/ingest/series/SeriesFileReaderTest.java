package org.harmattan.ingest.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.TextLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognising and reading VIEWS country-month files: rows, quarantine, gaps, accounting. */
class SeriesFileReaderTest {
  private static final String BAD_ROWS_AND_GAPS = "views-cm-bad-rows-and-gaps.csv";

  @TempDir Path dir;

  private static Path fixture(String name) {
    Path p = Path.of("src", "test", "resources", "fixtures", "views", name).toAbsolutePath();
    assertThat(p).isRegularFile();
    return p;
  }

  /** Keeps what the reader hands over. */
  private static final class Collected implements SeriesSink {
    final List<SeriesPoint> points = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();

    @Override
    public void accepted(SeriesPoint point) {
      points.add(point);
    }

    @Override
    public void rejected(RejectedRow row) {
      rejected.add(row);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theHeaderIsRecognisedByItsColumnNamesInAnyOrder() {
    assertThat(
            SeriesFormat.recognise(
                "month_id,year,month,country_id,gwcode,isoab,name,ged_sb,source"))
        .contains(SeriesFormat.VIEWS_CM);
    assertThat(SeriesFormat.recognise("month_id,year,month,country_id,gwcode,isoab,name,ged_sb"))
        .contains(SeriesFormat.VIEWS_CM);
    assertThat(
            SeriesFormat.recognise(
                "\uFEFF\"Country_ID\",\"isoab\",\"name\",\"gwcode\",\"year\",\"month\",\"month_id\",\"ged_sb\""))
        .contains(SeriesFormat.VIEWS_CM);
    // The actuals without names and codes, a column it does not know, an event file: not it.
    assertThat(SeriesFormat.recognise("month_id,year,month,country_id,ged_sb")).isEmpty();
    assertThat(
            SeriesFormat.recognise(
                "month_id,year,month,country_id,gwcode,isoab,name,ged_sb,ged_ns"))
        .isEmpty();
    assertThat(SeriesFormat.recognise("event_id_cnty,event_date,year,country,fatalities"))
        .isEmpty();
  }

  @Test
  void everyRowIsAPointOrAQuarantinedRowAndGapsAreWarnings() {
    Path path = fixture(BAD_ROWS_AND_GAPS);
    SourceFile file = SourceFile.inspect(path);
    Collected c = new Collected();

    SeriesReadSummary s = SeriesFileReader.read(file, c);

    assertThat(s.format()).isEqualTo(SeriesFormat.VIEWS_CM);
    assertThat(List.of(s.rowsRead(), s.accepted(), s.rejected())).containsExactly(14L, 9L, 5L);
    assertThat(c.points).hasSize(9);
    assertThat(c.points)
        .extracting(SeriesPoint::line)
        .containsExactly(2L, 3L, 4L, 6L, 7L, 9L, 12L, 13L, 14L);
    assertThat(c.points.get(2).unitName()).isEqualTo("Congo, DRC");
    assertThat(c.rejected)
        .extracting(RejectedRow::lineNumber, r -> r.problems().get(0).code())
        .containsExactly(
            tuple(5L, "bad_fatalities"),
            tuple(8L, "bad_month_id"),
            tuple(10L, "unknown_country"),
            tuple(11L, "duplicate_point"),
            tuple(15L, "inconsistent_unit"));
    assertThat(c.rejected.get(3).message())
        .isEqualTo(
            BAD_ROWS_AND_GAPS
                + " line 11: a second row for country_id 47 in 2019-03; the first is on line 9"
                + " (expected one row per country_id and month)");
    assertThat(c.rejected.get(4).message()).contains("COD on line 4");
    for (RejectedRow r : c.rejected) {
      assertThat(r.raw()).isEqualTo(line(path, r.lineNumber()));
      assertThat(r.fileSha256()).isEqualTo(file.sha256());
    }
    assertThat(List.of(s.units(), (Object) s.first(), s.last()))
        .containsExactly(3L, YearMonth.of(2019, 1), YearMonth.of(2019, 5));
    // Mali's February and March rows were quarantined, Burkina Faso has no April row: the stored
    // series would have holes there. Units in the order they first appear.
    assertThat(s.gaps())
        .containsExactly(
            new SeriesGap("50", "Mali", "MLI", YearMonth.of(2019, 2), YearMonth.of(2019, 4), 2, 14),
            new SeriesGap(
                "47", "Burkina Faso", "BFA", YearMonth.of(2019, 4), YearMonth.of(2019, 4), 9, 13));
    assertThat(s.gaps().get(1).message())
        .isEqualTo(
            "Burkina Faso (country_id 47, BFA): no value for 2019-04 (1 month), between line 9"
                + " (2019-03) and line 13 (2019-05)");
    assertThat(s.gaps().get(0).months()).isEqualTo(3);
    assertThat(s.notes())
        .contains("rows by the file's source column: v1_competition_features 4, v2_actuals 10");
  }

  @Test
  void theIngestReportAccountsForEveryRowAndCarriesTheWarnings() {
    Path path = fixture(BAD_ROWS_AND_GAPS);
    CountingWriter writer = new CountingWriter();

    SeriesIngestReport r = SeriesIngest.ingest(SourceFile.inspect(path), writer);

    assertThat(writer.committed).isEqualTo("views-cm");
    assertThat(List.of(r.rowsRead(), r.inserted(), r.updated(), r.unchanged(), r.quarantined()))
        .containsExactly(14L, 9L, 0L, 0L, 5L);
    assertThat(List.of(r.series(), r.level())).containsExactly("ged_sb", "country");
    assertThat(r.warnings()).hasSize(2);
    assertThat(r.warnings().get(0)).startsWith("Mali (country_id 50, MLI): no value for 2019-02");
    assertThat(r.quarantinedRows()).extracting(RejectedRow::lineNumber).hasSize(5);
  }

  @Test
  void wrongFieldCountsBlankRowsAndACutFileAreQuarantinedNotDropped() throws IOException {
    Path path =
        write(
            "cm.csv",
            "month_id,year,month,country_id,gwcode,isoab,name,ged_sb\n"
                + "457,2018,1,50,432,MLI,Mali,32\n"
                + "457,2018,1,47,439,BFA,Burkina Faso\n"
                + "\n"
                + ",,,,,,,\n"
                + "458,2018,2,50,432,MLI,\"Mali,3\n");
    Collected c = new Collected();

    SeriesReadSummary s = SeriesFileReader.read(SourceFile.inspect(path), c);

    assertThat(List.of(s.rowsRead(), s.accepted(), s.rejected())).containsExactly(4L, 1L, 3L);
    assertThat(c.rejected)
        .extracting(RejectedRow::lineNumber, r -> r.problems().get(0).code())
        .containsExactly(
            tuple(3L, "wrong_column_count"), tuple(5L, "empty_row"), tuple(6L, "truncated_record"));
    assertThat(c.rejected.get(0).raw()).isEqualTo("457,2018,1,47,439,BFA,Burkina Faso");
  }

  @Test
  void eachLineIsDecodedOnItsOwnAndAnUndecodableRowIsQuarantinedAlone() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        ("month_id,year,month,country_id,gwcode,isoab,name,ged_sb\n"
                + "457,2018,1,52,437,CIV,Côte d'Ivoire,1\n")
            .getBytes(StandardCharsets.UTF_8));
    // Line 3 in Windows-1252; line 4 holds 0x8F, which neither UTF-8 nor Windows-1252 defines.
    bytes.writeBytes("458,2018,2,52,437,CIV,Côte d'Ivoire,2\n".getBytes(TextLines.WINDOWS_1252));
    bytes.writeBytes("459,2018,3,52,437,CIV,C".getBytes(StandardCharsets.UTF_8));
    bytes.write(0x8F);
    bytes.writeBytes(
        "te,3\n460,2018,4,52,437,CIV,Côte d'Ivoire,4\n".getBytes(StandardCharsets.UTF_8));
    Path path = dir.resolve("cm.csv");
    Files.write(path, bytes.toByteArray());
    Collected c = new Collected();

    SeriesReadSummary s = SeriesFileReader.read(SourceFile.inspect(path), c);

    assertThat(List.of(s.rowsRead(), s.accepted(), s.rejected())).containsExactly(4L, 3L, 1L);
    assertThat(c.points)
        .extracting(SeriesPoint::line, SeriesPoint::unitName)
        .containsExactly(
            tuple(2L, "Côte d'Ivoire"), tuple(3L, "Côte d'Ivoire"), tuple(5L, "Côte d'Ivoire"));
    assertThat(s.notes()).contains("line 3 is not valid UTF-8; decoded as Windows-1252 (Latin-1)");
    RejectedRow bad = c.rejected.get(0);
    assertThat(bad.lineNumber()).isEqualTo(4);
    assertThat(bad.problems().get(0).code()).isEqualTo("bad_encoding");
    assertThat(bad.problems().get(0).column()).isEqualTo("name");
    long offset = Files.readString(path, StandardCharsets.ISO_8859_1).indexOf('\u008F');
    assertThat(bad.problems().get(0).message())
        .isEqualTo(
            "byte 0x8F at byte offset "
                + offset
                + " is neither UTF-8 nor Windows-1252 (Latin-1) text (expected a UTF-8 export)");
    assertThat(bad.raw()).isEqualTo("459,2018,3,52,437,CIV,C\u008Fte,3");
  }

  @Test
  void aFileThatIsNotASeriesFormatFailsAsAWhole() throws IOException {
    Path path = write("actuals.csv", "month_id,year,month,country_id,ged_sb\n457,2018,1,50,32\n");
    SourceFile file = SourceFile.inspect(path);

    assertThat(SeriesFormat.detect(file)).isEmpty();
    assertThatThrownBy(() -> SeriesFileReader.read(file, new Collected()))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.code()).isEqualTo("unknown_format");
              assertThat(e.getMessage()).contains("actuals.csv", "month_id,year,month");
            });
  }

  /** A write port that counts every point as new. */
  private static final class CountingWriter implements SeriesWriter {
    String committed;

    @Override
    public SeriesWrite begin(org.harmattan.engine.write.FileRef file) {
      return new SeriesWrite() {
        private long points;
        private long rejected;

        @Override
        public void accepted(SeriesPoint point) {
          points++;
        }

        @Override
        public void rejected(RejectedRow row) {
          rejected++;
        }

        @Override
        public SeriesOutcome commit(String dataset, long rowsRead) {
          committed = dataset;
          return new SeriesOutcome(points, 0, 0, rejected);
        }

        @Override
        public void close() {}
      };
    }
  }

  private static String line(Path file, long n) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).get((int) n - 1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package org.harmattan.ingest.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.CsvRecords;
import org.harmattan.ingest.TextLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Humanitarian CSV tables are decoded line by line, as event files are: a Windows-1252 line leaves
 * the UTF-8 lines intact, and a line that cannot be decoded, a row over the size limit or a quoted
 * field the file ends inside goes to the quarantine alone, the rows around it read.
 */
class HumanitarianTextDamageTest {
  private static final String HEADER =
      "Country,Region,P-code,Snapshot Date,Total No# of IDPs Ind#,Note\n"
          + "#country+code,#adm1+name,#adm1 +code,#date+occurred,#affected +ind +idps,\n";

  @TempDir Path dir;

  /** Appends text in one charset, so that one file can mix encodings line by line. */
  private static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes utf8(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Bytes latin1(String s) {
      out.writeBytes(s.getBytes(TextLines.WINDOWS_1252));
      return this;
    }

    Bytes raw(int... bytes) {
      for (int b : bytes) {
        out.write(b);
      }
      return this;
    }

    Path save(Path p) throws IOException {
      Files.write(p, out.toByteArray());
      return p;
    }
  }

  @Test
  void aLatin1LineLeavesTheUtf8LinesIntactAndAnUndecodableRowIsQuarantinedAlone()
      throws IOException {
    Path file =
        new Bytes()
            .utf8(HEADER)
            .utf8("MLI,Ségou,MLI04,2024-03-31,\"1,000\",été\n") // line 3, UTF-8
            .latin1("MLI,Ménaka,MLI09,2024-03-31,\"2,000\",\n") // line 4, Windows-1252
            .utf8("MLI,Gao,MLI07,2024-03-31,\"3,000\",a")
            .raw(0x81)
            .utf8("b\n") // line 5: 0x81 is neither UTF-8 nor Windows-1252
            .utf8("MLI,Tombouctou,MLI06,2024-03-31,\"4,000\",\n") // line 6, UTF-8
            .save(dir.resolve("idps.csv"));

    Collected c = Collected.read(file);

    assertThat(c.summary.rowsRead()).isEqualTo(4);
    assertThat(c.summary.accepted()).isEqualTo(3);
    assertThat(c.summary.rejected()).isEqualTo(1);
    assertThat(c.observations)
        .extracting(o -> o.adminName(), o -> o.value())
        .containsExactly(
            tuple("Ségou", 1000.0), tuple("Ménaka", 2000.0), tuple("Tombouctou", 4000.0));
    assertThat(c.summary.notes())
        .contains("line 4 is not valid UTF-8; decoded as Windows-1252 (Latin-1)");
    assertThat(c.rejected).hasSize(1);
    assertThat(c.rejected.get(0).lineNumber()).isEqualTo(5);
    Problem p = c.rejected.get(0).problems().get(0);
    assertThat(p.code()).isEqualTo(ProblemCode.BAD_ENCODING.code());
    assertThat(p.column()).isEqualTo("Note");
    long offset = Files.readString(file, StandardCharsets.ISO_8859_1).indexOf('\u0081');
    assertThat(p.message())
        .isEqualTo(
            "byte 0x81 at byte offset "
                + offset
                + " is neither UTF-8 nor Windows-1252 (Latin-1) text (expected a UTF-8 export)");
    // The raw text keeps the byte as the Latin-1 character of the same number: recoverable.
    assertThat(c.rejected.get(0).raw()).isEqualTo("MLI,Gao,MLI07,2024-03-31,\"3,000\",a\u0081b");
  }

  @Test
  void anOversizedRowIsQuarantinedWithTheLimitItBrokeAndTheNextRowsAreRead() throws IOException {
    String oversized =
        "Gao,MLI07,2024-03-31,\"3,000\",\"" + "x".repeat(TextLines.MAX_LINE_BYTES) + "\"";
    Path file =
        new Bytes()
            .utf8(HEADER)
            .utf8("MLI,Mopti,MLI05,2024-03-31,\"1,234\",\n")
            .utf8(oversized + "\n")
            .utf8("MLI,Kidal,MLI08,2024-03-31,500,\n")
            .save(dir.resolve("idps.csv"));

    Collected c = Collected.read(file);

    assertThat(c.summary.rowsRead()).isEqualTo(3);
    assertThat(c.observations).extracting(o -> o.adminName()).containsExactly("Mopti", "Kidal");
    assertThat(c.rejected).hasSize(1);
    assertThat(c.rejected.get(0).lineNumber()).isEqualTo(4);
    Problem p = c.rejected.get(0).problems().get(0);
    assertThat(p.code()).isEqualTo(ProblemCode.ROW_TOO_LONG.code());
    assertThat(p.message())
        .startsWith("line 4 is " + oversized.length() + " bytes long, more than the")
        .endsWith(
            "; the row is quarantined with its first "
                + CsvRecords.RAW_KEPT_CHARS
                + " characters and reading goes on with the next row");
  }

  @Test
  void aQuotedFieldTheFileEndsInsideIsOneQuarantinedRowNotALostFile() throws IOException {
    Path file =
        new Bytes()
            .utf8(HEADER)
            .utf8("MLI,Mopti,MLI05,2024-03-31,\"1,234\",\n")
            .utf8("MLI,Gao,MLI07,2024-03-31,\"3,000\",\"cut short\nhere")
            .save(dir.resolve("idps.csv"));

    Collected c = Collected.read(file);

    assertThat(c.summary.rowsRead()).isEqualTo(2);
    assertThat(c.observations).extracting(o -> o.adminName()).containsExactly("Mopti");
    assertThat(c.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.lineNumber()).isEqualTo(4);
              assertThat(r.problems().get(0).code()).isEqualTo(ProblemCode.TRUNCATED_RECORD.code());
              assertThat(r.problems().get(0).message())
                  .startsWith(
                      "the file ends inside a quoted field that opens on line 4, the row running"
                          + " over 2 lines to the end");
            });
  }

  @Test
  void anUndecodableHeaderRefusesTheFileInOneLine() throws IOException {
    Path file =
        new Bytes()
            .utf8("Country,Region,P-code,Snapshot Date,Total No# of IDPs Ind#,N")
            .raw(0x9D)
            .utf8(
                "te\n#country+code,#adm1+name,#adm1 +code,#date+occurred,#affected +ind +idps,\n"
                    + "MLI,Mopti,MLI05,2024-03-31,1,\n")
            .save(dir.resolve("idps.csv"));

    assertThatThrownBy(() -> Collected.read(file))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> assertThat(e.problemCode()).isEqualTo(ProblemCode.BAD_ENCODING))
        .hasMessage(
            file
                + " line 1 (the header): in field 6, byte 0x9D at byte offset 60 is neither UTF-8 nor"
                + " Windows-1252 (Latin-1) text (expected a UTF-8 export)");
  }
}

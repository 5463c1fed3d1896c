package org.harmattan.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as formulas, after OWASP's "CSV Injection" list. */
class CsvBodyTest {

  private static String cell(String value) {
    String line = new CsvBody().row(List.of(value)).toString();
    return line.substring(0, line.length() - 2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\";\"x\")",
        "=1+2",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "\t=1+2",
        "-Infinity",
        "+NaN",
        "+0x1p3",
        "-1d",
        "- 1",
        "-1 "
      })
  void aFormulaIsPrefixedWithAnApostrophe(String value) {
    String out = cell(value);
    String unquoted =
        out.startsWith("\"") ? out.substring(1, out.length() - 1).replace("\"\"", "\"") : out;
    assertThat(unquoted).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @CsvSource({"-12", "+3.5", "-0.0447", "1.2e-3", "-1E+5", ".5", "0", "-4."})
  void aNumberStaysANumber(String value) {
    assertThat(cell(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Military Forces of Mali (2021-)", "a=b", "x-1", "#meta+note"})
  void otherTextIsLeftAsItIs(String value) {
    assertThat(cell(value)).isEqualTo(value);
  }

  @org.junit.jupiter.api.Test
  void aCarriageReturnFirstIsPrefixedAndTheCellQuoted() {
    assertThat(cell("\r=1+2")).isEqualTo("\"'\r=1+2\"");
  }
}

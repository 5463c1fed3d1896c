package org.harmattan.ingest.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.Problem;
import org.harmattan.ingest.hxl.HxlReader;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XLSX formula cells the workbook stores no result for (programs that write workbooks without
 * computing them leave the result out). POI reads such a cell as 0; Harmattan computes the formula
 * or quarantines the row, naming sheet, cell and formula.
 */
class XlsxFormulaTest {
  private static final String SHEET = "xl/worksheets/sheet1.xml";
  private static final Pattern CELL =
      Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"[^>]*?(?:/>|>(.*?)</c>)", Pattern.DOTALL);
  private static final Pattern VALUE = Pattern.compile("<v>(.*?)</v>");

  @TempDir Path dir;

  /** Sheet row and column letters of each formula cell of the sheet, with its stored result. */
  private static Map<String, String> formulaResults(String sheetXml) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = CELL.matcher(sheetXml);
    while (m.find()) {
      String inner = m.group(3);
      if (inner != null && inner.contains("<f")) {
        Matcher v = VALUE.matcher(inner);
        out.put(m.group(1) + m.group(2), v.find() ? v.group(1) : null);
      }
    }
    return out;
  }

  private static String sheetXml(Path xlsx) throws IOException {
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      try (InputStream in = zip.getInputStream(zip.getEntry(SHEET))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  /** A copy of {@code xlsx} with the sheet's XML replaced. */
  private Path withSheet(Path xlsx, String sheetXml, String name) throws IOException {
    Path out = dir.resolve(name);
    try (ZipFile zip = new ZipFile(xlsx.toFile());
        OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zos = new ZipOutputStream(os)) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        zos.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(SHEET)) {
          zos.write(sheetXml.getBytes(StandardCharsets.UTF_8));
        } else {
          try (InputStream in = zip.getInputStream(e)) {
            in.transferTo(zos);
          }
        }
        zos.closeEntry();
      }
    }
    return out;
  }

  private static long sumOfColumn(Map<String, String> cells, char column) {
    return cells.entrySet().stream()
        .filter(e -> e.getKey().charAt(0) == column)
        .mapToLong(e -> Long.parseLong(e.getValue()))
        .sum();
  }

  private static String cell(HxlTable table, String address) {
    int column = address.charAt(0) - 'A';
    long line = Long.parseLong(address.substring(1));
    HxlRow row = table.rows().stream().filter(r -> r.line() == line).findFirst().orElseThrow();
    return row.values().get(column);
  }

  @Test
  void dtmRound72WithoutItsStoredResultsGivesTheComputedValues() throws IOException {
    Path xlsx = SharedData.require("iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.xlsx");
    String xml = sheetXml(xlsx);
    Map<String, String> stored = formulaResults(xml);
    // The published file stores every result: P and Q of rows 3 to 58 (returnees, M+N and L+O).
    assertThat(stored).hasSize(112).doesNotContainValue(null);
    // Totals of the returnees' households (P) and individuals (Q), as a spreadsheet computed them.
    assertThat(sumOfColumn(stored, 'P')).isEqualTo(149_597);
    assertThat(sumOfColumn(stored, 'Q')).isEqualTo(690_329);
    Path stripped =
        withSheet(xlsx, xml.replaceAll("(</f>|<f [^>]*/>)<v>[^<]*</v>", "$1"), "round72.xlsx");
    Map<String, String> left = formulaResults(sheetXml(stripped));
    assertThat(left.keySet()).isEqualTo(stored.keySet());
    assertThat(left.values()).containsOnlyNulls();

    HxlTable table = HxlReader.read(HxlReader.inspect(stripped));

    assertThat(table.rows()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    stored.forEach((address, value) -> assertThat(cell(table, address)).isEqualTo(value));
    Collected c = Collected.read(stripped);
    assertThat(c.summary.rejected()).isZero();
    assertThat(c.observations.stream().mapToDouble(Observation::value).sum()).isEqualTo(401_736);
  }

  /** A small IOM DTM table (round 72's columns) with formulas POI writes without results. */
  private Path dtmWorkbook(String idpsFormulaRow3, String idpsFormulaRow4) throws IOException {
    Path p = dir.resolve("dtm_mali_baseline_assessment_round_72.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("Baseline Assessment");
      String[] headers = {
        "Snapshot Date",
        "Admin 0",
        "Admin 0 pcode",
        "Admin 1",
        "Admin 1 pcode",
        "Admin 2",
        "Admin 2 pcode",
        "Admin 3",
        "Admin 3 pcode",
        "Total No# of IDPs HH",
        "Total No# of IDPs Ind#"
      };
      String[] tags = {
        "#date+occurred", "#country+name", "#country+code", "#adm1+name", "#adm1+code",
        "#adm2+name", "#adm2+code", "#adm3+name", "#adm3+code", "#affected+idps+hh",
        "#affected+idps+ind"
      };
      Row h = s.createRow(0);
      Row t = s.createRow(1);
      for (int i = 0; i < headers.length; i++) {
        h.createCell(i).setCellValue(headers[i]);
        t.createCell(i).setCellValue(tags[i]);
      }
      String[][] places = {
        {"Commune I", "MLI090101", "61"}, {"Commune II", "MLI090102", "7"},
      };
      String[] formulas = {idpsFormulaRow3, idpsFormulaRow4};
      for (int r = 0; r < 2; r++) {
        Row row = s.createRow(2 + r);
        String[] fixed = {
          "2021/09/30",
          "Mali",
          "MLI",
          "Bamako",
          "MLI09",
          "Bamako",
          "MLI0901",
          places[r][0],
          places[r][1]
        };
        for (int i = 0; i < fixed.length; i++) {
          row.createCell(i).setCellValue(fixed[i]);
        }
        row.createCell(9).setCellValue(Double.parseDouble(places[r][2]));
        row.createCell(10).setCellFormula(formulas[r]);
      }
      try (OutputStream os = Files.newOutputStream(p)) {
        wb.write(os);
      }
    }
    return p;
  }

  @Test
  void aFormulaWithoutItsResultIsComputed() throws IOException {
    Path p = dtmWorkbook("J3*4+39", "SUM(J4,68)");
    // POI writes the formulas without results, as the files of the issue have them.
    Map<String, String> written = formulaResults(sheetXml(p));
    assertThat(written).containsOnlyKeys("K3", "K4");
    assertThat(written.values()).containsOnlyNulls();

    Collected c = Collected.read(p);

    assertThat(c.summary.rejected()).isZero();
    assertThat(c.observations)
        .extracting(Observation::pcode, Observation::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ML090101", 283.0),
            org.assertj.core.groups.Tuple.tuple("ML090102", 75.0));
  }

  @Test
  void aFormulaThatCannotBeComputedQuarantinesItsRowNamingSheetCellAndFormula() throws IOException {
    Path p = dtmWorkbook("J3*4+39", "[1]Other!A1+J4");

    Collected c = Collected.read(p);

    assertThat(c.summary.rowsRead()).isEqualTo(2);
    assertThat(c.summary.rejected()).isEqualTo(1);
    assertThat(c.observations).extracting(Observation::value).containsExactly(283.0);
    assertThat(c.rejected).hasSize(1);
    assertThat(c.rejected.get(0).lineNumber()).isEqualTo(4);
    List<Problem> problems = c.rejected.get(0).problems();
    assertThat(problems).extracting(Problem::code).containsExactly("formula_without_value");
    assertThat(problems.get(0).message())
        .startsWith("sheet \"Baseline Assessment\", cell K4: the formula =[1]Other!A1+J4 has no")
        .endsWith(
            " (expected a workbook saved by a spreadsheet program, which stores each formula's"
                + " result: open and save it again)")
        .doesNotContain("Exception");
  }

  @Test
  void aFormulaThatGivesAnErrorQuarantinesItsRow() throws IOException {
    Path p = dtmWorkbook("J3/0", "SUM(J4,68)");

    Collected c = Collected.read(p);

    assertThat(c.rejected).hasSize(1);
    assertThat(c.rejected.get(0).problems().get(0).message())
        .isEqualTo(
            "sheet \"Baseline Assessment\", cell K3: the formula =J3/0 has no stored result and"
                + " it gives the error #DIV/0! (expected a workbook saved by a spreadsheet"
                + " program, which stores each formula's result: open and save it again)");
    assertThat(c.observations).extracting(Observation::value).containsExactly(75.0);
  }
}

package org.harmattan.ingest.hxl;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.CsvRecords;
import org.harmattan.ingest.FormatDetector;
import org.harmattan.ingest.Latin1Lines;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.TextLines;

/**
 * Reads a CSV or XLSX file into an {@link HxlTable}. The hashtag row is looked for among the first
 * {@value #HXL_SEARCH_ROWS} non-blank rows; the header is the row before it, or the first non-blank
 * row when there is none. Blank rows are skipped and counted.
 */
public final class HxlReader {
  /** How far down a hashtag row is looked for. */
  static final int HXL_SEARCH_ROWS = 25;

  private HxlReader() {}

  /** Whether {@code path} names a spreadsheet (by its extension). */
  public static boolean isSpreadsheet(Path path) {
    String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
    return name.endsWith(".xlsx") || name.endsWith(".xlsm");
  }

  /**
   * Hashes the file; CSV files are also checked for their encoding ({@link SourceFile#inspect}),
   * XLSX files are binary and always UTF-8 inside.
   */
  public static SourceFile inspect(Path path) {
    if (!isSpreadsheet(path)) {
      return SourceFile.inspect(path);
    }
    SourceFile.requireRegularFile(path);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          size += n;
        }
      }
      return new SourceFile(path, HexFormat.of().formatHex(digest.digest()), size);
    } catch (NoSuchFileException e) {
      throw HarmattanException.userInput(ProblemCode.FILE_NOT_FOUND, path + ": no such file");
    } catch (IOException e) {
      throw SourceFile.unreadable(path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL, ProblemCode.NO_SHA256, "JDK lacks SHA-256", e);
    }
  }

  /** Reads the whole table; XLSX by extension, CSV otherwise. */
  public static HxlTable read(SourceFile file) {
    return isSpreadsheet(file.path()) ? readXlsx(file) : readCsv(file, Integer.MAX_VALUE);
  }

  /**
   * The table's header, HXL row and first rows only, for recognising what a file holds without
   * reading all of it: a CSV is read up to the rows where the HXL row may stand; an XLSX workbook
   * is read whole.
   */
  public static HxlTable readHead(SourceFile file) {
    return isSpreadsheet(file.path()) ? readXlsx(file) : readCsv(file, HXL_SEARCH_ROWS + 1);
  }

  /**
   * Reads the records of a CSV file, each line decoded on its own ({@link TextLines}): a record
   * with a byte neither UTF-8 nor Windows-1252 defines, one that breaks a size limit, or one the
   * file ends inside keeps its problem and goes to the quarantine, and reading goes on.
   *
   * @param maxRecords stop after this many records that are not blank
   */
  private static HxlTable readCsv(SourceFile file, int maxRecords) {
    List<HxlRow> all = new ArrayList<>();
    Map<Long, CsvRecords.CsvRecord> damaged = new HashMap<>();
    Latin1Lines latin1 = new Latin1Lines();
    long emptyLines = 0;
    long previousLine = 0;
    int nonBlank = 0;
    try (CsvRecords csv =
        new CsvRecords(TextLines.open(file.path()), FormatDetector.delimiterOf(file))) {
      CsvRecords.CsvRecord r;
      while (nonBlank < maxRecords && (r = csv.next()) != null) {
        // Empty lines between records are skipped by the splitter; they count as blank rows.
        emptyLines += r.firstLine() - previousLine - 1;
        previousLine = r.lastLine();
        latin1.add(r.latin1Lines());
        // The header is not known yet: the problems name the column once it is (below).
        List<Problem> problems = r.textProblems(List.of());
        if (!problems.isEmpty()) {
          damaged.put(r.firstLine(), r);
        }
        HxlRow row = new HxlRow(r.firstLine(), r.fields(), problems);
        if (!row.isBlank()) {
          nonBlank++;
        }
        all.add(row);
      }
    } catch (IOException e) {
      throw SourceFile.unreadable(file.shownAs(), e);
    }
    HxlTable table = assemble(file, HxlTable.Kind.CSV, "", all, emptyLines, latin1.note());
    if (damaged.isEmpty()) {
      return table;
    }
    for (long line : new long[] {table.headerLine(), table.hxlLine()}) {
      CsvRecords.CsvRecord r = damaged.get(line);
      if (r != null) {
        Problem p = r.textProblems(List.of()).get(0);
        throw HarmattanException.sourceData(
            ProblemCode.findByCode(p.code()).orElse(ProblemCode.BAD_CSV),
            file.shownAs()
                + " line "
                + line
                + (line == table.headerLine() ? " (the header): " : " (the HXL hashtag row): ")
                + p.message());
      }
    }
    List<HxlRow> rows = new ArrayList<>(table.rows().size());
    for (HxlRow row : table.rows()) {
      CsvRecords.CsvRecord r = damaged.get(row.line());
      rows.add(
          r == null ? row : new HxlRow(row.line(), row.values(), r.textProblems(table.headers())));
    }
    return new HxlTable(
        table.file(),
        table.kind(),
        table.sheet(),
        table.headers(),
        table.tags(),
        table.headerLine(),
        table.hxlLine(),
        rows,
        table.blankRows(),
        table.encodingNote());
  }

  private static HxlTable readXlsx(SourceFile file) {
    try (Workbook wb = WorkbookFactory.create(file.path().toFile(), null, true)) {
      FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
      Sheet chosen = null;
      for (int s = 0; s < wb.getNumberOfSheets() && chosen == null; s++) {
        Sheet sheet = wb.getSheetAt(s);
        int seen = 0;
        for (int r = 0; r <= sheet.getLastRowNum() && seen < HXL_SEARCH_ROWS; r++) {
          List<String> values = cells(sheet.getRow(r), evaluator).values();
          if (values.stream().allMatch(v -> HxlRow.strip(v).isEmpty())) {
            continue;
          }
          seen++;
          if (FormatDetector.isHxlRow(values)) {
            chosen = sheet;
            break;
          }
        }
      }
      if (chosen == null) {
        for (int s = 0; s < wb.getNumberOfSheets() && chosen == null; s++) {
          if (wb.getSheetAt(s).getPhysicalNumberOfRows() > 0) {
            chosen = wb.getSheetAt(s);
          }
        }
      }
      if (chosen == null) {
        throw HarmattanException.sourceData(
            ProblemCode.EMPTY_FILE,
            file.shownAs() + ": no sheet has any rows (expected a header row)");
      }
      List<HxlRow> all = new ArrayList<>();
      long missingRows = 0;
      for (int r = 0; r <= chosen.getLastRowNum(); r++) {
        Row row = chosen.getRow(r);
        if (row == null) {
          missingRows++;
          continue;
        }
        all.add(cells(row, evaluator));
      }
      // Rows before the first one present are above the table, not blank data rows.
      long leading = all.isEmpty() ? 0 : all.get(0).line() - 1;
      return assemble(
          file,
          HxlTable.Kind.XLSX,
          chosen.getSheetName(),
          all,
          Math.max(0, missingRows - leading),
          Optional.empty());
    } catch (IOException | RuntimeException e) {
      if (e instanceof HarmattanException h) {
        throw h;
      }
      throw new HarmattanException(
          ErrorCategory.SOURCE_DATA,
          ProblemCode.UNREADABLE_XLSX,
          file.shownAs() + ": not a readable XLSX workbook (" + e.getMessage() + ")",
          e);
    }
  }

  /** A sheet row's cells as text, with a problem for each formula that has no value. */
  private static HxlRow cells(Row row, FormulaEvaluator evaluator) {
    List<String> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (row == null || row.getLastCellNum() < 0) {
      return new HxlRow(row == null ? 0 : row.getRowNum() + 1L, out);
    }
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      if (cell instanceof XSSFCell x
          && x.getCellType() == CellType.FORMULA
          && x.getRawValue() == null) {
        out.add(computed(x, evaluator, problems));
      } else {
        out.add(cellText(cell));
      }
    }
    return new HxlRow(row.getRowNum() + 1L, out, problems);
  }

  /**
   * The value of a formula the workbook stores no result for (written by a program that does not
   * compute formulas): computed, or empty with a problem when it cannot be, never 0, which is what
   * the missing result reads as.
   */
  private static String computed(
      XSSFCell cell, FormulaEvaluator evaluator, List<Problem> problems) {
    String why;
    try {
      CellValue v = evaluator.evaluate(cell);
      switch (v.getCellType()) {
        case NUMERIC -> {
          double d = v.getNumberValue();
          return DateUtil.isCellDateFormatted(cell)
              ? dateText(DateUtil.getLocalDateTime(d))
              : numberText(d);
        }
        case STRING -> {
          return v.getStringValue();
        }
        case BOOLEAN -> {
          return v.getBooleanValue() ? "TRUE" : "FALSE";
        }
        case ERROR ->
            why = "it gives the error " + FormulaError.forInt(v.getErrorValue()).getString();
        default -> why = "it gives no value";
      }
    } catch (RuntimeException e) {
      // POI throws for functions it does not implement and references it cannot follow
      // (other workbooks); the message says which.
      why = "it cannot be computed: " + e.getMessage();
    }
    problems.add(
        new Problem(
            ProblemCode.FORMULA_WITHOUT_VALUE,
            "",
            "sheet \""
                + cell.getSheet().getSheetName()
                + "\", cell "
                + cell.getAddress().formatAsString()
                + ": the formula ="
                + cell.getCellFormula()
                + " has no stored result and "
                + why
                + " (expected a workbook saved by a spreadsheet program, which stores each"
                + " formula's result: open and save it again)"));
    return "";
  }

  /** A cell as text: numbers without exponent or trailing zeros, dates as ISO. */
  static String cellText(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? dateText(cell.getLocalDateTimeCellValue())
              : numberText(cell.getNumericCellValue());
      default -> "";
    };
  }

  private static String dateText(LocalDateTime t) {
    return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
  }

  private static String numberText(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static HxlTable assemble(
      SourceFile file,
      HxlTable.Kind kind,
      String sheet,
      List<HxlRow> all,
      long extraBlank,
      Optional<String> encodingNote) {
    int first = -1;
    int hxl = -1;
    int seen = 0;
    for (int i = 0; i < all.size() && seen < HXL_SEARCH_ROWS; i++) {
      if (all.get(i).isBlank()) {
        continue;
      }
      if (first < 0) {
        first = i;
      }
      seen++;
      if (FormatDetector.isHxlRow(all.get(i).values())) {
        hxl = i;
        break;
      }
    }
    if (first < 0) {
      throw HarmattanException.sourceData(
          ProblemCode.EMPTY_FILE, file.shownAs() + " has no header row (every row is blank)");
    }
    int headerIndex = first;
    if (hxl > first) {
      headerIndex = hxl - 1;
      while (headerIndex > first && all.get(headerIndex).isBlank()) {
        headerIndex--;
      }
    } else if (hxl == first) {
      headerIndex = -1;
    }
    List<String> hxlValues = hxl >= 0 ? all.get(hxl).values() : List.of();
    List<String> headerValues = headerIndex >= 0 ? all.get(headerIndex).values() : hxlValues;
    int width = Math.max(headerValues.size(), hxlValues.size());
    List<String> headers = new ArrayList<>(width);
    List<Optional<HxlTag>> tags = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      headers.add(c < headerValues.size() ? HxlRow.strip(headerValues.get(c)) : "");
      tags.add(c < hxlValues.size() ? HxlTag.find(hxlValues.get(c)) : Optional.empty());
    }
    // Trailing columns with neither header nor tag are spreadsheet padding.
    while (!headers.isEmpty()
        && headers.get(headers.size() - 1).isEmpty()
        && tags.get(tags.size() - 1).isEmpty()) {
      headers.remove(headers.size() - 1);
      tags.remove(tags.size() - 1);
    }
    int dataStart = Math.max(hxl, headerIndex) + 1;
    List<HxlRow> rows = new ArrayList<>();
    long blank = extraBlank;
    for (int i = dataStart; i < all.size(); i++) {
      if (all.get(i).isBlank()) {
        blank++;
      } else {
        rows.add(all.get(i));
      }
    }
    long headerLine = headerIndex >= 0 ? all.get(headerIndex).line() : all.get(hxl).line();
    long hxlLine = hxl >= 0 ? all.get(hxl).line() : 0;
    return new HxlTable(
        file, kind, sheet, headers, tags, headerLine, hxlLine, rows, blank, encodingNote);
  }
}

package org.harmattan.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook half of the ingest fuzz suite: a real XLSX file whose cells are changed through POI
 * (numbers at their limits, dates at their edges, formulas without a cached value, errors, huge and
 * control-character strings, removed and copied rows), then written, and sometimes cut or damaged
 * as bytes.
 */
final class FuzzWorkbook {
  private static final String[] FORMULAS = {"1/0", "SUM(A1:A3)", "NA()", "A1*1E308*10", "\"x\"&1"};

  private FuzzWorkbook() {}

  static FuzzCase make(long seed, SplittableRandom random, Path source, String name) {
    List<String> done = new ArrayList<>();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(source);
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheetAt(0);
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        done.add(mutate(random, sheet));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      bytes = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (random.nextInt(5) == 0) {
      byte[][] holder = {bytes};
      done.add(FuzzCase.mutateBytes(random, holder));
      bytes = holder[0];
    }
    return new FuzzCase(seed, source, name, bytes, done);
  }

  private static String mutate(SplittableRandom random, Sheet sheet) {
    int last = sheet.getLastRowNum();
    int r = last < 1 ? 0 : random.nextInt(last + 1);
    Row row = sheet.getRow(r);
    if (row == null) {
      row = sheet.createRow(r);
    }
    int width = Math.max(1, row.getLastCellNum());
    int c = random.nextInt(width);
    Cell cell = row.getCell(c);
    if (cell == null) {
      cell = row.createCell(c);
    }
    String at = "cell " + cell.getAddress().formatAsString();
    switch (random.nextInt(9)) {
      case 0 -> {
        double[] limits = {
          Double.MAX_VALUE,
          -Double.MAX_VALUE,
          Double.MIN_VALUE,
          9.223372036854776E18,
          -1,
          0,
          1e15,
          0.5,
          2147483648.0
        };
        double v = limits[random.nextInt(limits.length)];
        cell.setCellValue(v);
        return at + " set to the number " + v;
      }
      case 1 -> {
        String v = FuzzCase.limitNumber(random);
        cell.setCellValue(v);
        return at + " set to the text \"" + v + "\"";
      }
      case 2 -> {
        String v = FuzzCase.edgeDate(random);
        cell.setCellValue(v);
        return at + " set to the date text \"" + v + "\"";
      }
      case 3 -> {
        // A formula POI writes without a cached value, as some exports do.
        String f = FORMULAS[random.nextInt(FORMULAS.length)];
        cell.setCellFormula(f);
        return at + " set to the formula =" + f + " (no cached value)";
      }
      case 4 -> {
        cell.setBlank();
        return at + " emptied";
      }
      case 5 -> {
        String v = "x".repeat(1 + random.nextInt(32_000));
        cell.setCellValue(v);
        return at + " set to " + v.length() + " characters";
      }
      case 6 -> {
        String v = "a" + FuzzCase.controlCharacter(random) + "b";
        cell.setCellValue(v);
        return at + " given a control character";
      }
      case 7 -> {
        if (r > 0) {
          sheet.removeRow(row);
          return "row " + (r + 1) + " removed";
        }
        return "header row kept";
      }
      default -> {
        Row copy = sheet.createRow(last + 1);
        for (Cell from : row) {
          Cell to = copy.createCell(from.getColumnIndex());
          switch (from.getCellType()) {
            case NUMERIC -> to.setCellValue(from.getNumericCellValue());
            case STRING -> to.setCellValue(from.getStringCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            default -> to.setBlank();
          }
        }
        return "row " + (r + 1) + " copied to the end";
      }
    }
  }
}

package org.harmattan.engine.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * A GDELT 2.0 export of many rows made for a test from the contract suite's real-shaped row: ids,
 * days, places and times added vary; some ids come twice with the same row (merged) or other
 * content (a conflict), some rows are damaged, some lines blank or ended by CRLF, some not UTF-8.
 */
final class GdeltExport {
  private static final String TEMPLATE =
      "/org/harmattan/engine/contract/fixtures/gdelt2-placed-and-unplaced.tsv";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  private static final String[][] PLACES = {
    {"Mopti, Mopti, Mali", "14.4843", "-4.1827", "19"},
    {"Gao, Gao, Mali", "16.2666", "-0.0400", "18"},
    {"Kidal, Kidal, Mali", "18.4411", "1.4078", "14"},
    {"S\u00e9gou, S\u00e9gou, Mali", "13.4317", "-6.2157", "19"},
    {"Bamako, Bamako, Mali", "12.6500", "-8.0000", "14"},
  };

  private GdeltExport() {}

  /**
   * Writes an export of {@code rows} event lines to {@code file}, ids from {@code firstId}, added
   * on {@code addedDay} (a later day makes later versions of the same ids).
   */
  static Path write(Path file, int rows, long firstId, String addedDay) {
    String[] template = template();
    StringBuilder out = new StringBuilder();
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < rows; i++) {
      String[] f = Arrays.copyOf(template, template.length);
      String[] place = PLACES[i % PLACES.length];
      LocalDate day = start.plusDays(i % 300);
      f[0] = Long.toString(firstId + i);
      f[1] = DAY.format(day);
      f[2] = f[1].substring(0, 6);
      f[3] = f[1].substring(0, 4);
      f[26] = place[3] + "0";
      f[27] = place[3] + "0";
      f[28] = place[3];
      f[36] = place[0];
      f[52] = place[0];
      f[40] = place[1];
      f[56] = place[1];
      f[41] = place[2];
      f[57] = place[2];
      f[59] = addedDay + String.format(Locale.ROOT, "%06d", i % 235959 / 100 * 100);
      f[60] = "https://example.org/" + addedDay + "/" + i;
      String line = String.join("\t", f);
      if (i % 89 == 7) {
        // A damaged row: its last column lost.
        line = line.substring(0, line.lastIndexOf('\t'));
      }
      out.append(line).append(i % 41 == 3 ? "\r\n" : "\n");
      if (i % 53 == 11) {
        out.append('\n');
      }
      if (i % 97 == 13) {
        // The same id again: the same row (merged), or added a minute later elsewhere (conflict).
        if (i % 2 == 0) {
          out.append(line).append('\n');
        } else {
          f[52] = "Tessalit, Kidal, Mali";
          f[59] = addedDay + "235900";
          out.append(String.join("\t", f)).append('\n');
        }
      }
    }
    try {
      // Windows-1252, so that the rows placed at S\u00e9gou are decoded as such and noted.
      Files.write(file, out.toString().getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String[] template() {
    try (InputStream in = GdeltExport.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("no template row " + TEMPLATE + " on the class path");
      }
      String first = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)[0];
      String[] f = first.split("\t", -1);
      if (f.length != 61) {
        throw new IllegalStateException("the template row has " + f.length + " columns, not 61");
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

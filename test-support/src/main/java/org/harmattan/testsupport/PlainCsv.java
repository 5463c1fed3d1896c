package org.harmattan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive RFC 4180 reader, independent of the production parser (FastCSV), so that
 * real-data tests compare the product's figures with figures computed another way. Blank lines are
 * skipped.
 */
public final class PlainCsv {
  private PlainCsv() {}

  /** Every record of a comma-separated UTF-8 file, header included. */
  public static List<List<String>> readAll(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data records of a file as maps from header name to value, skipping {@code skip} rows. */
  public static List<Map<String, String>> readMaps(Path path, int skip) {
    List<List<String>> rows = readAll(path);
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> r : rows.subList(1 + skip, rows.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < header.size() && i < r.size(); i++) {
        m.put(header.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }

  /** Every record of CSV text. */
  public static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
          records.add(fields);
        }
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}

package org.harmattan.ingest.acled;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive RFC 4180 reader, written apart from the production parser so that the
 * real-data tests compare the reader against an independent count.
 */
final class SimpleCsv {
  final List<String> header;
  final List<List<String>> records;

  /** The 1-based physical line each of {@link #records} starts on. */
  final List<Long> startLines;

  /** Physical lines in the file. */
  final long lineCount;

  private final Map<String, Integer> index = new HashMap<>();

  private SimpleCsv(
      List<List<String>> all, List<Long> starts, long lineCount, int skipAfterHeader) {
    this.header = all.get(0);
    this.records = all.subList(1 + skipAfterHeader, all.size());
    this.startLines = starts.subList(1 + skipAfterHeader, starts.size());
    this.lineCount = lineCount;
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
    }
  }

  /** Parses the file; {@code skipAfterHeader} rows after the header are dropped (HXL row). */
  static SimpleCsv read(Path path, Charset charset, int skipAfterHeader) throws IOException {
    String text = Files.readString(path, charset);
    List<List<String>> all = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    long line = 1;
    long start = 1;
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
          if (c == '\n') {
            line++;
          }
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
        line++;
        if (fields.size() > 1 || !fields.get(0).isEmpty()) {
          all.add(fields);
          starts.add(start);
        }
        start = line;
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      all.add(fields);
      starts.add(start);
    }
    long lineCount = text.endsWith("\n") ? line - 1 : line;
    return new SimpleCsv(all, starts, lineCount, skipAfterHeader);
  }

  String get(List<String> record, String column) {
    Integer i = index.get(column.toLowerCase(Locale.ROOT));
    if (i == null) {
      throw new IllegalArgumentException("no column " + column + " in " + header);
    }
    return record.get(i);
  }

  /** How many records have {@code value} in {@code column}. */
  long count(String column, String value) {
    return records.stream().filter(r -> get(r, column).equals(value)).count();
  }

  long sum(String column) {
    return records.stream().mapToLong(r -> Long.parseLong(get(r, column).strip())).sum();
  }
}

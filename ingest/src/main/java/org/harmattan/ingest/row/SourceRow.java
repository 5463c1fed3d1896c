package org.harmattan.ingest.row;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One data record of a source file.
 *
 * @param lineNumber the 1-based line the record starts on
 * @param header the file's columns
 * @param fields the record's values, as parsed (not trimmed)
 */
public record SourceRow(long lineNumber, Header header, List<String> fields) {
  public SourceRow {
    requireNonNull(header, "header");
    fields = List.copyOf(fields);
  }

  /** The value of {@code column}, stripped of surrounding blanks; empty when absent. */
  public String get(String column) {
    return get(header.indexOf(column));
  }

  /** The value of the column at {@code index}, stripped of surrounding blanks; empty when -1. */
  public String get(int index) {
    return raw(index).strip();
  }

  /** The value of the column at {@code index} as parsed, blanks kept; empty when -1. */
  public String raw(int index) {
    if (index < 0 || index >= fields.size()) {
      return "";
    }
    return fields.get(index);
  }

  /** Whether every field is blank. */
  public boolean isBlank() {
    for (String f : fields) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }
}

package org.harmattan.ingest.hxl;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.harmattan.ingest.SourceFile;

/**
 * A humanitarian table as read: column headers, the HXL hashtag of each column where the file has a
 * hashtag row, and the data rows with their source lines. Columns are found by tag pattern (any
 * attribute order or spacing) or by header name (case, accents, punctuation and the '#' that some
 * exports put for '.' ignored: {@code Total No# of IDPs Ind#} is {@code Total No. of IDPs Ind.}).
 *
 * @param file the file read
 * @param kind CSV or XLSX
 * @param sheet the sheet read (XLSX), or empty
 * @param headers the header texts
 * @param tags the hashtag of each column, empty where untagged or without a hashtag row
 * @param headerLine the line (sheet row) of the header
 * @param hxlLine the line of the hashtag row, or 0 when the file has none
 * @param rows the non-blank data rows in file order
 * @param blankRows data rows skipped because every cell is blank
 * @param encodingNote which lines of a CSV file were not UTF-8 and were decoded as Windows-1252, if
 *     any were
 */
public record HxlTable(
    SourceFile file,
    Kind kind,
    String sheet,
    List<String> headers,
    List<Optional<HxlTag>> tags,
    long headerLine,
    long hxlLine,
    List<HxlRow> rows,
    long blankRows,
    Optional<String> encodingNote) {

  /** The container the table was read from. */
  public enum Kind {
    CSV,
    XLSX
  }

  public HxlTable {
    requireNonNull(file, "file");
    requireNonNull(kind, "kind");
    requireNonNull(sheet, "sheet");
    headers = List.copyOf(headers);
    tags = List.copyOf(tags);
    rows = List.copyOf(rows);
    requireNonNull(encodingNote, "encodingNote");
    if (tags.size() != headers.size()) {
      throw new IllegalArgumentException(
          "tags and headers differ in length: " + tags.size() + " != " + headers.size());
    }
  }

  /** Whether the file has a hashtag row. */
  public boolean hasHxlRow() {
    return hxlLine > 0;
  }

  /**
   * The first column whose tag matches {@code pattern} exactly (same attributes); failing that, the
   * first whose tag has at least the pattern's attributes.
   */
  public OptionalInt findByTag(String pattern) {
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).isPresent() && tags.get(i).get().matchesExactly(pattern)) {
        return OptionalInt.of(i);
      }
    }
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).isPresent() && tags.get(i).get().matches(pattern)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The first column whose header is one of {@code names}, compared by {@link #headerKey}. */
  public OptionalInt findByHeader(String... names) {
    for (String name : names) {
      String key = headerKey(name);
      for (int i = 0; i < headers.size(); i++) {
        if (headerKey(headers.get(i)).equals(key)) {
          return OptionalInt.of(i);
        }
      }
    }
    return OptionalInt.empty();
  }

  /** Whether a column is found by any of {@code names}. */
  public boolean hasHeader(String... names) {
    return findByHeader(names).isPresent();
  }

  /** Whether a column is tagged with {@code pattern}. */
  public boolean hasTag(String pattern) {
    return findByTag(pattern).isPresent();
  }

  /** The header of column {@code i}, or its tag when the header is blank. */
  public String columnName(int i) {
    String h = i < headers.size() ? headers.get(i).strip() : "";
    if (h.isEmpty() && i < tags.size() && tags.get(i).isPresent()) {
      return tags.get(i).get().toString();
    }
    return h.isEmpty() ? "column " + (i + 1) : h;
  }

  /**
   * A header reduced for matching: accents dropped, lower case, {@code #} and other punctuation
   * turned into spaces, blanks collapsed.
   */
  public static String headerKey(String header) {
    String n = Normalizer.normalize(header, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  /** The headers as keys, for recognisers. */
  public List<String> headerKeys() {
    List<String> out = new ArrayList<>(headers.size());
    for (String h : headers) {
      out.add(headerKey(h));
    }
    return out;
  }
}

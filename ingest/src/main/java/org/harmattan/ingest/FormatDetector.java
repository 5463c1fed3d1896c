package org.harmattan.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises an event-file format and its delimiter from the file's first two lines. */
public final class FormatDetector {

  /**
   * What the first lines say.
   *
   * @param format the format
   * @param delimiter the field separator
   * @param hasHxlRow whether line 2 is an HXL hashtag row
   */
  public record Detection(SourceFormat format, char delimiter, boolean hasHxlRow) {}

  private static final char[] CANDIDATES = {',', ';', '\t', '|'};

  private FormatDetector() {}

  /**
   * The field separator of a delimited text file, from its first line that is not blank (decoded as
   * the readers decode it); a comma for an empty file.
   */
  public static char delimiterOf(SourceFile file) {
    try (TextLines in = TextLines.open(file.path())) {
      TextLines.Line line;
      while ((line = in.next()) != null) {
        if (!line.text().isBlank()) {
          return sniffDelimiter(line.text());
        }
      }
      return ',';
    } catch (IOException e) {
      throw SourceFile.unreadable(file.path(), e);
    }
  }

  /** The most frequent candidate separator outside quotes; a comma when none occurs. */
  public static char sniffDelimiter(String line) {
    int[] counts = new int[CANDIDATES.length];
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        for (int k = 0; k < CANDIDATES.length; k++) {
          if (c == CANDIDATES[k]) {
            counts[k]++;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < CANDIDATES.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return counts[best] == 0 ? ',' : CANDIDATES[best];
  }

  /**
   * Splits one line with {@code delimiter}, honouring quotes. Never throws: a stray quote or text
   * after a closing quote is kept as text, so that a damaged first row reaches the reader, which
   * reports it with its line, instead of ending detection.
   */
  // FastCSV marks allowExtraCharsAfterClosingQuote for removal without a replacement; the
  // tolerance it gives is still needed, so the call stays until FastCSV drops it.
  @SuppressWarnings("removal")
  public static List<String> split(String line, char delimiter) {
    try {
      return CsvReader.builder()
          .fieldSeparator(delimiter)
          .allowUnclosedQuote(true)
          .allowExtraCharsAfterClosingQuote(true)
          .ofSingleCsvRecord(line)
          .getFields();
    } catch (CsvParseException e) {
      // More fields than the parser takes (CsvRecords.MAX_FIELDS): detection needs no more than
      // the first of them, split plainly; the reader quarantines the row saying which limit it
      // broke.
      String[] parts =
          line.split(Pattern.quote(String.valueOf(delimiter)), CsvRecords.MAX_FIELDS + 1);
      return List.of(parts).subList(0, Math.min(parts.length, CsvRecords.MAX_FIELDS));
    }
  }

  /** Whether a record is an HXL hashtag row: every non-blank field starts with '#'. */
  public static boolean isHxlRow(List<String> fields) {
    int tags = 0;
    for (String f : fields) {
      String s = f.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (s.charAt(0) != '#') {
        return false;
      }
      tags++;
    }
    return tags > 0;
  }

  /**
   * Detects the format of a file from its first line and, where present, its second.
   *
   * @return empty when no known format matches
   */
  public static Optional<Detection> detect(String firstLine, String secondLine) {
    String first = stripBom(firstLine);
    char delimiter = sniffDelimiter(first);
    List<String> fields = split(first, delimiter);
    Set<String> names = new HashSet<>();
    for (String f : fields) {
      names.add(f.strip().toLowerCase(Locale.ROOT));
    }
    boolean hxl = secondLine != null && isHxlRow(split(stripBom(secondLine), delimiter));
    if (names.contains("event_id_cnty")) {
      SourceFormat format;
      if (names.contains("gwno") || names.contains("ally_actor_1")) {
        format = SourceFormat.ACLED_2016;
      } else if (hxl) {
        format = SourceFormat.ACLED_HDX;
      } else if (names.contains("sub_event_type")) {
        format = SourceFormat.ACLED;
      } else {
        format = SourceFormat.ACLED_2019;
      }
      return Optional.of(new Detection(format, delimiter, hxl));
    }
    if (names.contains("type_of_violence") && names.contains("side_a")) {
      SourceFormat format;
      if (hxl) {
        format = SourceFormat.UCDP_HDX;
      } else if (names.contains("relid") || names.contains("code_status")) {
        format = SourceFormat.UCDP_GED;
      } else {
        format = SourceFormat.UCDP_GED_V19;
      }
      return Optional.of(new Detection(format, delimiter, hxl));
    }
    if (delimiter == '\t' && !fields.isEmpty() && fields.get(0).strip().matches("\\d+")) {
      int n = fields.size();
      if (n == 57 || n == 58) {
        return Optional.of(new Detection(SourceFormat.GDELT_1, '\t', false));
      }
      if (n == 61) {
        return Optional.of(new Detection(SourceFormat.GDELT_2, '\t', false));
      }
    }
    return Optional.empty();
  }

  /** The delimiter and HXL row for a format the user named, sniffed from the first lines. */
  public static Detection forced(SourceFormat format, String firstLine, String secondLine) {
    if (!format.hasHeader()) {
      return new Detection(format, '\t', false);
    }
    String first = stripBom(firstLine);
    char delimiter = sniffDelimiter(first);
    boolean hxl = secondLine != null && isHxlRow(split(stripBom(secondLine), delimiter));
    return new Detection(format, delimiter, hxl);
  }

  static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}

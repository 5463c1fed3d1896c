package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The records of a delimited text file, read from its {@link TextLines} so that each record knows
 * its lines, its verbatim text and how its lines were decoded. The quoting is FastCSV's, as the
 * readers configured it: a quote opens a quoted field only at the start of a field, a doubled quote
 * inside one is a quote, text after the closing quote is kept, and empty lines between records are
 * skipped.
 *
 * <p>Unlike a whole-file parser, a record that breaks a limit (a line longer than {@link
 * TextLines#MAX_LINE_BYTES}, a record of more than {@link #MAX_RECORD_CHARS} characters or {@link
 * #MAX_FIELDS} fields) is handed over with the limit it broke, and reading resumes with the next
 * record: nothing after it is lost.
 */
public final class CsvRecords implements Closeable {
  /** The most characters of one record kept (FastCSV's default limit for a field). */
  public static final int MAX_RECORD_CHARS = TextLines.MAX_LINE_BYTES;

  /** The most fields of one record kept (FastCSV's default limit). */
  public static final int MAX_FIELDS = 16_384;

  /** The most characters of an oversized record's raw text kept for the quarantine. */
  public static final int RAW_KEPT_CHARS = 4096;

  private static final char QUOTE = '"';

  /**
   * One record.
   *
   * @param firstLine the line it starts on
   * @param lastLine the line it ends on
   * @param fields its fields (the first {@link #MAX_FIELDS} when it has more)
   * @param fieldCount how many fields it has
   * @param raw its lines joined with '\n' (the first {@link #RAW_KEPT_CHARS} characters of an
   *     oversized record)
   * @param latin1Lines the lines of it decoded as Windows-1252
   * @param undecodable its first line with a byte neither UTF-8 nor Windows-1252 defines, or null
   * @param undecodableField the 0-based field holding that byte, or -1 when not known
   * @param tooLong why the record broke a size limit, or null
   * @param quoteOpenedOn the line a quoted field that spans lines opened on, or -1
   * @param unclosedQuote whether the file ends inside its quoted field
   */
  public record CsvRecord(
      long firstLine,
      long lastLine,
      List<String> fields,
      int fieldCount,
      String raw,
      List<Long> latin1Lines,
      TextLines.Line undecodable,
      int undecodableField,
      String tooLong,
      long quoteOpenedOn,
      boolean unclosedQuote) {
    public CsvRecord {
      requireNonNull(fields, "fields");
      requireNonNull(raw, "raw");
      latin1Lines = List.copyOf(latin1Lines);
    }

    /** How many lines the record spans. */
    public long lineCount() {
      return lastLine - firstLine + 1;
    }

    /**
     * What is wrong with the record as text, before its values are looked at: a byte neither UTF-8
     * nor Windows-1252 defines, a size limit broken, a quoted field the file ends inside. Every
     * reader of delimited text quarantines a record with these the same way.
     *
     * @param columns the header's column names, to name the column that holds an undecodable byte;
     *     a column the header does not name is given by its number
     */
    public List<Problem> textProblems(List<String> columns) {
      List<Problem> problems = new ArrayList<>(0);
      if (undecodable != null) {
        boolean named =
            undecodableField >= 0
                && undecodableField < columns.size()
                && !columns.get(undecodableField).isBlank();
        String where =
            (undecodable.number() == firstLine ? "" : "on line " + undecodable.number() + ", ")
                + (named || undecodableField < 0
                    ? ""
                    : "in field " + (undecodableField + 1) + ", ");
        problems.add(
            new Problem(
                ProblemCode.BAD_ENCODING,
                named ? columns.get(undecodableField).strip() : "",
                where + undecodable.undecodableMessage()));
      }
      if (tooLong != null) {
        problems.add(
            Problem.ofRow(
                ProblemCode.ROW_TOO_LONG,
                tooLong
                    + "; the row is quarantined with its first "
                    + RAW_KEPT_CHARS
                    + " characters and reading goes on with the next row"));
      }
      if (unclosedQuote) {
        problems.add(
            Problem.ofRow(
                ProblemCode.TRUNCATED_RECORD,
                "the file ends inside a quoted field that opens on line "
                    + quoteOpenedOn
                    + (lineCount() > 1
                        ? ", the row running over " + lineCount() + " lines to the end"
                        : "")
                    + " (expected a closing quote; the file may be cut short, or the quote is a"
                    + " stray one)"));
      }
      return problems;
    }
  }

  private final TextLines lines;
  private final char delimiter;

  /** How many fields the last record read had (at most {@link #MAX_FIELDS}). */
  private int lastFieldCount = 16;

  /**
   * @param lines the file's lines, closed with this
   * @param delimiter the field separator
   */
  public CsvRecords(TextLines lines, char delimiter) {
    this.lines = requireNonNull(lines, "lines");
    this.delimiter = delimiter;
  }

  /** The next record, or null at the end of the file. */
  public CsvRecord next() throws IOException {
    TextLines.Line line = lines.next();
    while (line != null && line.text().isEmpty() && !line.tooLong()) {
      line = lines.next();
    }
    if (line == null) {
      return null;
    }
    CsvRecord record = new Builder(line).read(line);
    lastFieldCount = Math.min(Math.max(record.fieldCount(), 1), MAX_FIELDS);
    return record;
  }

  /** The state of one record being read. */
  private final class Builder {
    private final long firstLine;
    private long lastLine;

    /** Sized for as many fields as the record before had: a list grown field by field copies. */
    private final List<String> fields = new ArrayList<>(lastFieldCount);

    private int fieldCount;
    private final StringBuilder field = new StringBuilder();

    /**
     * The field's text while it is one piece of one line (nearly every field), taken as it is
     * rather than copied through {@link #field}; null when the field is empty or in {@link #field}.
     */
    private String piece;

    private String firstText;
    private StringBuilder raw;
    private long chars;
    private boolean overflow;
    private final List<Long> latin1 = new ArrayList<>(0);
    private TextLines.Line undecodable;
    private int undecodableField = -1;
    private String tooLong;
    private long quoteLine = -1;
    private long quoteOpenedOn = -1;
    private boolean inQuotes;
    private boolean fieldStart = true;

    Builder(TextLines.Line first) {
      this.firstLine = first.number();
    }

    CsvRecord read(TextLines.Line first) throws IOException {
      TextLines.Line line = first;
      boolean unclosed = false;
      while (true) {
        take(line);
        if (!inQuotes) {
          break;
        }
        if (quoteOpenedOn < 0) {
          quoteOpenedOn = quoteLine;
        }
        TextLines.Line next = lines.next();
        if (next == null) {
          unclosed = true;
          break;
        }
        append(line.terminator(), 0, line.terminator().length());
        line = next;
      }
      endField();
      String text = raw == null ? firstText : raw.toString();
      if (tooLong != null && text.length() > RAW_KEPT_CHARS) {
        text = text.substring(0, RAW_KEPT_CHARS);
      }
      return new CsvRecord(
          firstLine,
          lastLine,
          fields,
          fieldCount,
          text,
          latin1,
          undecodable,
          undecodableField,
          tooLong,
          quoteOpenedOn,
          unclosed);
    }

    private void take(TextLines.Line line) {
      lastLine = line.number();
      String text = line.text();
      int badIndex = -1;
      if (line.decoding() == TextLines.Decoding.WINDOWS_1252) {
        latin1.add(line.number());
      } else if (line.decoding() == TextLines.Decoding.UNDECODABLE && undecodable == null) {
        undecodable = line;
        badIndex = line.badCharIndex();
      }
      if (!overflow && chars + text.length() > MAX_RECORD_CHARS) {
        overflow = true;
        if (tooLong == null) {
          tooLong =
              "the row holds more than "
                  + MAX_RECORD_CHARS
                  + " characters (16 MiB), the most a row may hold";
        }
      }
      if (line.tooLong()) {
        overflow = true;
        tooLong = line.tooLongMessage();
      }
      chars += text.length();
      if (firstText == null) {
        firstText = text;
      } else if (raw == null || raw.length() < MAX_RECORD_CHARS) {
        if (raw == null) {
          raw = new StringBuilder(firstText);
        }
        raw.append('\n').append(text, 0, Math.min(text.length(), MAX_RECORD_CHARS));
      }
      scan(text, badIndex, line.number());
      if (line.tooLong()) {
        // The line's tail is not kept, so its quotes are unknown: the record ends with the line.
        inQuotes = false;
      }
    }

    private void scan(String text, int badIndex, long number) {
      int n = text.length();
      int i = 0;
      while (i < n) {
        if (inQuotes) {
          int q = text.indexOf(QUOTE, i);
          if (badIndex >= i && (q < 0 || badIndex < q)) {
            noteBadField();
          }
          if (q < 0) {
            append(text, i, n);
            return;
          }
          append(text, i, q);
          if (q + 1 < n && text.charAt(q + 1) == QUOTE) {
            append(text, q, q + 1);
            i = q + 2;
          } else {
            inQuotes = false;
            i = q + 1;
          }
          continue;
        }
        if (fieldStart && text.charAt(i) == QUOTE) {
          inQuotes = true;
          fieldStart = false;
          quoteLine = number;
          i++;
          continue;
        }
        // Unquoted text (or text after a closing quote) runs to the next delimiter.
        int d = text.indexOf(delimiter, i);
        int end = d < 0 ? n : d;
        if (badIndex >= i && badIndex < end) {
          noteBadField();
        }
        append(text, i, end);
        fieldStart = false;
        if (d < 0) {
          return;
        }
        endField();
        i = d + 1;
      }
    }

    private void noteBadField() {
      if (undecodableField < 0) {
        undecodableField = fieldCount;
      }
    }

    private void append(String text, int from, int to) {
      if (overflow || to <= from) {
        return;
      }
      if (piece == null && field.length() == 0) {
        piece = text.substring(from, to);
        return;
      }
      if (piece != null) {
        field.append(piece);
        piece = null;
      }
      field.append(text, from, to);
    }

    private void endField() {
      if (fieldCount < MAX_FIELDS && !overflow) {
        fields.add(piece != null ? piece : field.toString());
      }
      fieldCount++;
      field.setLength(0);
      piece = null;
      fieldStart = true;
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}

package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.row.EventRowMapper;
import org.harmattan.ingest.row.Header;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.row.SourceRow;

/**
 * Streams one event file through its format's mapper: every data row becomes exactly one accepted
 * event or one rejected row. Memory stays bounded by the rejected rows, not the file.
 */
public final class EventFileReader {
  private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");
  private static final long PROGRESS_STEP_BYTES = 1 << 20;

  private final LocalDate today;

  /**
   * @param today the latest plausible event date
   */
  public EventFileReader(LocalDate today) {
    this.today = requireNonNull(today, "today");
  }

  /**
   * Reads {@code file}.
   *
   * @param forced the format the user named, or empty to detect it
   * @param context provenance for the rows
   * @param sink receives every row's outcome
   * @param progress receives the number of bytes read so far, now and then
   * @throws HarmattanException (SOURCE_DATA) when the file as a whole cannot be read
   */
  public ReadSummary read(
      SourceFile file,
      Optional<SourceFormat> forced,
      RowContext context,
      IngestSink sink,
      LongConsumer progress) {
    List<String> firstLines = firstLines(file);
    if (firstLines.isEmpty()) {
      throw HarmattanException.sourceData(
          ProblemCode.EMPTY_FILE,
          file.path()
              + " is empty (expected a header line such as"
              + " \"event_id_cnty,event_date,...\" or GDELT's tab-separated rows)");
    }
    String second = firstLines.size() > 1 ? firstLines.get(1) : null;
    FormatDetector.Detection detection =
        forced
            .map(f -> FormatDetector.forced(f, firstLines.get(0), second))
            .orElseGet(
                () ->
                    FormatDetector.detect(firstLines.get(0), second)
                        .orElseThrow(() -> unknownFormat(file, firstLines.get(0))));
    List<String> notes = new ArrayList<>();
    file.encodingNote().ifPresent(notes::add);
    if (detection.delimiter() != ',' && detection.format().hasHeader()) {
      notes.add("fields separated by '" + printable(detection.delimiter()) + "'");
    }
    Run run = new Run(file, detection, context, sink);
    try {
      if (detection.format().hasHeader()) {
        run.readCsv(progress);
      } else {
        run.readTabs(progress);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new HarmattanException(
          ErrorCategory.SOURCE_DATA,
          ProblemCode.UNREADABLE_FILE,
          file.path() + ": read failed (" + e + ")",
          e);
    }
    run.finish();
    if (detection.hasHxlRow()) {
      notes.add("HXL hashtag row on line 2");
    }
    return new ReadSummary(
        file, detection.format(), run.rowsRead, run.accepted, run.rejected, notes);
  }

  private static String printable(char c) {
    return c == '\t' ? "\\t" : String.valueOf(c);
  }

  private static HarmattanException unknownFormat(SourceFile file, String firstLine) {
    String shown = firstLine.length() > 120 ? firstLine.substring(0, 117) + "..." : firstLine;
    return HarmattanException.sourceData(
        ProblemCode.UNKNOWN_FORMAT,
        file.path()
            + ": unknown format; line 1 is \""
            + shown
            + "\" (expected an ACLED header with event_id_cnty, a UCDP GED header with"
            + " type_of_violence and side_a, GDELT's 57, 58 or 61 tab-separated columns, or the"
            + " VIEWS country-month header month_id,year,month,country_id,gwcode,isoab,name,ged_sb);"
            + " name an event format with --format ("
            + SourceFormat.listIds()
            + ")");
  }

  private static List<String> firstLines(SourceFile file) {
    List<String> lines = new ArrayList<>(2);
    try (BufferedReader in = Files.newBufferedReader(file.path(), file.charset())) {
      String line;
      while (lines.size() < 2 && (line = in.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.SOURCE_DATA,
          ProblemCode.UNREADABLE_FILE,
          file.path() + ": cannot read (" + e + ")",
          e);
    }
    return lines;
  }

  /** The state of one read. */
  private final class Run {
    private final SourceFile file;
    private final FormatDetector.Detection detection;
    private final IngestSink sink;
    private final EventRowMapper mapper;
    private final List<PendingReject> rejects = new ArrayList<>();
    private Header header;
    private long rowsRead;
    private long accepted;
    private long rejected;
    private Event pendingEvent;
    private long pendingStart;
    private long pendingEnd = Long.MAX_VALUE;
    private PendingReject pendingReject;

    Run(SourceFile file, FormatDetector.Detection detection, RowContext context, IngestSink sink) {
      this.file = file;
      this.detection = detection;
      this.sink = sink;
      this.mapper = detection.format().mapper(context, today);
    }

    // FastCSV 4.4 marks allowExtraCharsAfterClosingQuote for removal without a replacement; the
    // tolerance it gives (below) is still needed, so the call stays until FastCSV drops it.
    @SuppressWarnings("removal")
    void readCsv(LongConsumer progress) throws IOException {
      try (InputStream in = new CountingStream(Files.newInputStream(file.path()), progress);
          CsvReader<CsvRecord> csv =
              CsvReader.builder()
                  .fieldSeparator(detection.delimiter())
                  .skipEmptyLines(true)
                  .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                  .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                  // A BOM before a quoted first name would otherwise stay in the header.
                  .detectBomHeader(true)
                  // Text after a closing quote (a ';'-separated row in a ',' file) must give a
                  // wrong_column_count row, not a parse error that ends the read.
                  .allowExtraCharsAfterClosingQuote(true)
                  // fastcsv 4 accepts an unclosed quote at the end of input by default; we report
                  // it as a truncated record.
                  .allowUnclosedQuote(false)
                  .ofCsvRecord(in, file.charset())) {
        Iterator<CsvRecord> it = csv.iterator();
        int skip = detection.hasHxlRow() ? 1 : 0;
        long lastStart = 0;
        while (true) {
          CsvRecord record;
          try {
            if (!it.hasNext()) {
              break;
            }
            record = it.next();
          } catch (CsvParseException e) {
            truncated(e, lastStart);
            break;
          }
          lastStart = record.getStartingLineNumber();
          if (header == null) {
            header = new Header(record.getFields(), List.of());
            continue;
          }
          if (skip > 0) {
            header = new Header(header.names(), record.getFields());
            skip--;
            continue;
          }
          row(record.getStartingLineNumber(), record.getFields());
        }
      }
    }

    void readTabs(LongConsumer progress) throws IOException {
      header = Header.of(detection.format().documentedColumns());
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  new CountingStream(Files.newInputStream(file.path()), progress),
                  file.charset()))) {
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
          number++;
          if (line.isEmpty()) {
            continue;
          }
          row(number, Arrays.asList(line.split("\t", -1)));
        }
      }
    }

    private void truncated(CsvParseException e, long lastStart) {
      long start = lastStart + 1;
      Matcher m = LINE_IN_MESSAGE.matcher(String.valueOf(e.getMessage()));
      if (m.find()) {
        start = Long.parseLong(m.group(1));
      }
      closePending(start - 1);
      // The cut record runs to the end of the file.
      pendingEnd = Long.MAX_VALUE;
      rowsRead++;
      pendingReject =
          new PendingReject(
              start,
              List.of(
                  Problem.ofRow(
                      ProblemCode.TRUNCATED_RECORD,
                      "the file ends inside a quoted field that opens on line "
                          + start
                          + " (expected a closing quote; the file may be cut short)")));
      rejects.add(pendingReject);
    }

    private void row(long line, List<String> fields) {
      closePending(line - 1);
      pendingEnd = line + lineBreaks(fields);
      rowsRead++;
      SourceRow row = new SourceRow(line, header, fields);
      if (!detection.format().acceptsFieldCount(fields.size(), header.size())) {
        reject(line, List.of(wrongCount(fields)));
        return;
      }
      if (row.isBlank()) {
        reject(line, List.of(Problem.ofRow(ProblemCode.EMPTY_ROW, "the row has no values")));
        return;
      }
      MapResult<Event> result = mapper.map(row);
      if (result instanceof MapResult.Mapped<Event> mapped) {
        pendingEvent = mapped.value();
        pendingStart = line;
      } else if (result instanceof MapResult.Rejected<Event> r) {
        reject(line, r.problems());
      }
    }

    private Problem wrongCount(List<String> fields) {
      String hint = "";
      char d = detection.delimiter();
      for (char other : new char[] {',', ';', '\t', '|'}) {
        if (other != d
            && fields.size() < header.size()
            && String.join("", fields).indexOf(other) >= 0) {
          hint =
              "; the row contains '"
                  + printable(other)
                  + "' where the header uses '"
                  + printable(d)
                  + "': wrong delimiter?";
          break;
        }
      }
      return Problem.ofRow(
          ProblemCode.WRONG_COLUMN_COUNT,
          "the row has "
              + fields.size()
              + " fields, expected "
              + detection.format().expectedFieldCount(header.size())
              + hint);
    }

    private void reject(long line, List<Problem> problems) {
      pendingReject = new PendingReject(line, problems);
      rejects.add(pendingReject);
    }

    /** The line breaks inside a record's quoted fields: the record ends that many lines on. */
    private static long lineBreaks(List<String> fields) {
      long n = 0;
      for (String f : fields) {
        for (int i = 0; i < f.length(); i++) {
          char c = f.charAt(i);
          if (c == '\n' || (c == '\r' && (i + 1 == f.length() || f.charAt(i + 1) != '\n'))) {
            n++;
          }
        }
      }
      return n;
    }

    private void closePending(long beforeNext) {
      // The record ends where its own line breaks say, not just before the next record (blank
      // lines may come between) nor at Long.MAX_VALUE for the last record of the file.
      long lastLine = Math.min(beforeNext, pendingEnd);
      if (pendingEvent != null) {
        sink.accepted(pendingEvent, new LineRange(pendingStart, Math.max(pendingStart, lastLine)));
        accepted++;
        pendingEvent = null;
      }
      if (pendingReject != null) {
        pendingReject.last = Math.max(pendingReject.first, lastLine);
        pendingReject = null;
      }
    }

    void finish() {
      closePending(Long.MAX_VALUE);
      if (header == null && detection.format().hasHeader()) {
        throw HarmattanException.sourceData(
            ProblemCode.EMPTY_FILE, file.path() + " has no header line");
      }
      List<LineRange> ranges = new ArrayList<>(rejects.size());
      for (PendingReject r : rejects) {
        ranges.add(new LineRange(r.first, r.last));
      }
      Map<Long, String> raw = RawLines.read(file, ranges);
      for (PendingReject r : rejects) {
        sink.rejected(
            new RejectedRow(
                file.dataset(),
                file.path().toString(),
                file.sha256(),
                r.first,
                r.problems,
                raw.getOrDefault(r.first, "")));
        rejected++;
      }
    }
  }

  /** A rejected record whose last line is known once the next record starts. */
  private static final class PendingReject {
    final long first;
    final List<Problem> problems;
    long last = Long.MAX_VALUE;

    PendingReject(long first, List<Problem> problems) {
      this.first = first;
      this.problems = problems;
    }
  }

  /** Reports bytes read to a progress callback. */
  private static final class CountingStream extends FilterInputStream {
    private final LongConsumer progress;
    private long count;
    private long reported;

    CountingStream(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(long n) {
      count += n;
      if (count - reported >= PROGRESS_STEP_BYTES) {
        reported = count;
        progress.accept(count);
      }
    }
  }
}

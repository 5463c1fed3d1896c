package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
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
 * event or one rejected row, handed to the sink as soon as the row is read (a rejected row with its
 * verbatim text), so that memory stays bounded whatever the file and however many rows are bad.
 * Each line is decoded on its own ({@link TextLines}): UTF-8, else Windows-1252, else the row is
 * quarantined naming the byte.
 */
public final class EventFileReader {

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
    FormatDetector.Detection detection = detect(file, forced);
    List<String> notes = new ArrayList<>();
    if (detection.delimiter() != ',' && detection.format().hasHeader()) {
      notes.add("fields separated by '" + printable(detection.delimiter()) + "'");
    }
    Run run = new Run(file, detection, context, sink);
    try {
      if (detection.format().hasHeader()) {
        run.readCsv(progress);
      } else {
        try (TextLines in = TextLines.open(file.path(), progress)) {
          run.readTabs(in);
        }
      }
    } catch (IOException e) {
      throw SourceFile.unreadable(file.path(), e);
    } catch (UncheckedIOException e) {
      throw SourceFile.unreadable(file.path(), e.getCause());
    }
    run.finish();
    run.latin1.note().ifPresent(n -> notes.add(0, n));
    if (detection.hasHxlRow()) {
      notes.add("HXL hashtag row on line 2");
    }
    return new ReadSummary(
        file, detection.format(), run.rowsRead, run.accepted, run.rejected, notes);
  }

  /**
   * The format of {@code file}: the one the user named, else the one its first lines show.
   *
   * @throws HarmattanException (SOURCE_DATA) when the file is empty, unreadable or of no known
   *     format
   */
  public static FormatDetector.Detection detect(SourceFile file, Optional<SourceFormat> forced) {
    List<String> firstLines = firstLines(file);
    if (firstLines.isEmpty()) {
      throw HarmattanException.sourceData(
          ProblemCode.EMPTY_FILE,
          file.path()
              + " is empty (expected a header line such as"
              + " \"event_id_cnty,event_date,...\" or GDELT's tab-separated rows)");
    }
    String second = firstLines.size() > 1 ? firstLines.get(1) : null;
    return forced
        .map(f -> FormatDetector.forced(f, firstLines.get(0), second))
        .orElseGet(
            () ->
                FormatDetector.detect(firstLines.get(0), second)
                    .orElseThrow(() -> unknownFormat(file, firstLines.get(0))));
  }

  /**
   * What the reading of a piece of a file saw.
   *
   * @param rowsRead data rows read
   * @param accepted rows handed to the sink as events
   * @param latin1 the lines decoded as Windows-1252
   */
  public record Piece(long rowsRead, long accepted, Latin1Lines latin1) {}

  /**
   * Reads the rows of the byte range [{@code from}, {@code to}) of a file of one row per line (a
   * format without a header: GDELT's), a range of whole lines whose first is line {@code
   * firstLine}: the rows, numbers and quarantine that a reading of the whole file gives for those
   * lines.
   */
  public Piece readPiece(
      SourceFile file,
      SourceFormat format,
      RowContext context,
      long from,
      long to,
      long firstLine,
      IngestSink sink) {
    if (format.hasHeader()) {
      throw new IllegalArgumentException(format.id() + " files have a header: read them whole");
    }
    Run run = new Run(file, new FormatDetector.Detection(format, '\t', false), context, sink);
    try (TextLines in = TextLines.openRange(file.path(), from, to, firstLine)) {
      run.readTabs(in);
    } catch (IOException e) {
      throw SourceFile.unreadable(file.path(), e);
    } catch (UncheckedIOException e) {
      throw SourceFile.unreadable(file.path(), e.getCause());
    }
    return new Piece(run.rowsRead, run.accepted, run.latin1);
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

  /** The first two lines that are not blank, decoded as the reader decodes them. */
  private static List<String> firstLines(SourceFile file) {
    List<String> lines = new ArrayList<>(2);
    try (TextLines in = TextLines.open(file.path())) {
      TextLines.Line line;
      while (lines.size() < 2 && (line = in.next()) != null) {
        if (lines.isEmpty() && line.tooLong()) {
          throw HarmattanException.sourceData(
              ProblemCode.UNKNOWN_FORMAT,
              file.path()
                  + " line "
                  + line.number()
                  + " is "
                  + line.lengthBytes()
                  + " bytes long, more than the "
                  + TextLines.MAX_LINE_BYTES
                  + " bytes a header may hold (expected a header line such as"
                  + " \"event_id_cnty,event_date,...\")");
        }
        if (lines.isEmpty() && line.decoding() == TextLines.Decoding.UNDECODABLE) {
          throw HarmattanException.sourceData(
              ProblemCode.BAD_ENCODING,
              file.path() + " line " + line.number() + ": " + line.undecodableMessage());
        }
        if (!line.text().isBlank()) {
          lines.add(line.text());
        }
      }
    } catch (IOException e) {
      throw SourceFile.unreadable(file.path(), e);
    }
    return lines;
  }

  /** The state of one read. */
  private final class Run {
    private final SourceFile file;
    private final FormatDetector.Detection detection;
    private final IngestSink sink;
    private final EventRowMapper mapper;
    private final Latin1Lines latin1 = new Latin1Lines();
    private Header header;
    private long rowsRead;
    private long accepted;
    private long rejected;

    Run(SourceFile file, FormatDetector.Detection detection, RowContext context, IngestSink sink) {
      this.file = file;
      this.detection = detection;
      this.sink = sink;
      this.mapper = detection.format().mapper(context, today);
    }

    void readCsv(LongConsumer progress) throws IOException {
      try (CsvRecords csv =
          new CsvRecords(TextLines.open(file.path(), progress), detection.delimiter())) {
        int skip = detection.hasHxlRow() ? 1 : 0;
        CsvRecords.CsvRecord record;
        while ((record = csv.next()) != null) {
          if (header == null) {
            header = header(record);
            continue;
          }
          if (skip > 0) {
            latin1.add(record.latin1Lines());
            header = new Header(header.names(), record.fields());
            skip--;
            continue;
          }
          row(record);
        }
      }
    }

    void readTabs(TextLines in) throws IOException {
      header = Header.of(detection.format().documentedColumns());
      TextLines.Line line;
      while ((line = in.next()) != null) {
        if (line.text().isEmpty() && !line.tooLong()) {
          continue;
        }
        List<String> fields = Arrays.asList(line.text().split("\t", -1));
        int badField = -1;
        if (line.decoding() == TextLines.Decoding.UNDECODABLE) {
          badField =
              (int)
                  line.text()
                      .substring(0, line.badCharIndex())
                      .chars()
                      .filter(c -> c == '\t')
                      .count();
        }
        row(
            new CsvRecords.CsvRecord(
                line.number(),
                line.number(),
                line.tooLong() ? List.of() : fields,
                fields.size(),
                line.tooLong() ? line.text().substring(0, CsvRecords.RAW_KEPT_CHARS) : line.text(),
                line.decoding() == TextLines.Decoding.WINDOWS_1252
                    ? List.of(line.number())
                    : List.of(),
                line.decoding() == TextLines.Decoding.UNDECODABLE ? line : null,
                badField,
                line.tooLong() ? line.tooLongMessage() : null,
                -1,
                false));
      }
    }

    /** The header record, checked: readable, no column named twice, every required column. */
    private Header header(CsvRecords.CsvRecord record) {
      String where = file.path() + " line " + record.firstLine();
      if (record.undecodable() != null) {
        throw HarmattanException.sourceData(
            ProblemCode.BAD_ENCODING,
            file.path()
                + " line "
                + record.undecodable().number()
                + " (the header): "
                + record.undecodable().undecodableMessage());
      }
      if (record.tooLong() != null || record.fieldCount() > CsvRecords.MAX_FIELDS) {
        throw HarmattanException.sourceData(
            ProblemCode.UNKNOWN_FORMAT,
            where
                + ": the header is not one ("
                + (record.tooLong() != null
                    ? record.tooLong()
                    : record.fieldCount() + " columns, more than " + CsvRecords.MAX_FIELDS)
                + ")");
      }
      latin1.add(record.latin1Lines());
      Header h = Header.of(record.fields());
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < h.names().size(); i++) {
        String name = h.names().get(i).strip();
        if (name.isEmpty()) {
          // Exports pad their header with unnamed columns (ACLED 2016): those are not names.
          continue;
        }
        Integer before = seen.putIfAbsent(Header.normalise(name), i);
        if (before != null) {
          throw HarmattanException.sourceData(
              ProblemCode.DUPLICATE_COLUMN,
              where
                  + ": the header names column \""
                  + name
                  + "\" twice (columns "
                  + (before + 1)
                  + " and "
                  + (i + 1)
                  + "); expected each column once: remove or rename one of them");
        }
      }
      List<String> missing = new ArrayList<>();
      for (List<String> names : mapper.requiredColumns()) {
        if (names.stream().noneMatch(h::has)) {
          missing.add(names.get(0));
        }
      }
      if (!missing.isEmpty()) {
        throw HarmattanException.sourceData(
            ProblemCode.MISSING_COLUMN,
            where
                + ": the header lacks the column"
                + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing)
                + ", which every "
                + detection.format().id()
                + " row needs (expected the source's header with "
                + mapper.requiredColumns().stream()
                    .map(n -> n.get(0))
                    .collect(Collectors.joining(", "))
                + ")");
      }
      return h;
    }

    private void row(CsvRecords.CsvRecord record) {
      rowsRead++;
      latin1.add(record.latin1Lines());
      List<Problem> problems = record.textProblems(header.names());
      if (!problems.isEmpty()) {
        reject(record, problems);
        return;
      }
      if (!detection.format().acceptsFieldCount(record.fieldCount(), header.size())) {
        reject(record, List.of(wrongCount(record)));
        return;
      }
      SourceRow row = new SourceRow(record.firstLine(), header, record.fields());
      if (row.isBlank()) {
        reject(record, List.of(Problem.ofRow(ProblemCode.EMPTY_ROW, "the row has no values")));
        return;
      }
      MapResult<Event> result = mapper.map(row);
      if (result instanceof MapResult.Mapped<Event> mapped) {
        sink.accepted(mapped.value(), new LineRange(record.firstLine(), record.lastLine()));
        accepted++;
      } else if (result instanceof MapResult.Rejected<Event> r) {
        reject(record, r.problems());
      }
    }

    private Problem wrongCount(CsvRecords.CsvRecord record) {
      List<String> fields = record.fields();
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
      if (record.quoteOpenedOn() >= 0) {
        hint +=
            "; a quote opened on line "
                + record.quoteOpenedOn()
                + " is closed on line "
                + record.lastLine()
                + ": the row spans "
                + record.lineCount()
                + " lines; a stray quote?";
      }
      return Problem.ofRow(
          ProblemCode.WRONG_COLUMN_COUNT,
          "the row has "
              + record.fieldCount()
              + " fields, expected "
              + detection.format().expectedFieldCount(header.size())
              + hint);
    }

    /** Hands a rejected row to the sink at once, with its verbatim text. */
    private void reject(CsvRecords.CsvRecord record, List<Problem> problems) {
      sink.rejected(
          new RejectedRow(
              file.dataset(),
              file.path().toString(),
              file.sha256(),
              record.firstLine(),
              problems,
              record.raw()));
      rejected++;
    }

    void finish() {
      if (header == null && detection.format().hasHeader()) {
        throw HarmattanException.sourceData(
            ProblemCode.EMPTY_FILE, file.path() + " has no header line");
      }
    }
  }
}

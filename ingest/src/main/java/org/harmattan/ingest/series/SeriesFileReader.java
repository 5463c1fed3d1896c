package org.harmattan.ingest.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.CsvRecords;
import org.harmattan.ingest.FormatDetector;
import org.harmattan.ingest.Latin1Lines;
import org.harmattan.ingest.RawLines;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.TextLines;
import org.harmattan.ingest.common.Countries;
import org.harmattan.ingest.row.Header;
import org.harmattan.ingest.row.SourceRow;

/**
 * Reads one series file, each line decoded on its own ({@link TextLines}): every data row becomes
 * exactly one point or one rejected row (with its verbatim text, recovered at the end). Months
 * missing inside a unit's span are reported as gaps, not rows.
 */
public final class SeriesFileReader {
  /** The system the VIEWS files' points cite. */
  public static final String VIEWS = "views";

  private SeriesFileReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws HarmattanException (SOURCE_DATA) when the file as a whole cannot be read or is not a
   *     series format
   */
  public static SeriesReadSummary read(SourceFile file, SeriesSink sink) {
    SeriesFormat format =
        SeriesFormat.detect(file)
            .orElseThrow(
                () ->
                    HarmattanException.sourceData(
                        ProblemCode.UNKNOWN_FORMAT,
                        file.path()
                            + ": not a series file Harmattan knows (expected a VIEWS"
                            + " country-month header with the columns "
                            + String.join(",", SeriesFormat.VIEWS_CM.columns())
                            + ")"));
    Run run = new Run(file, format, sink);
    try {
      run.read();
    } catch (IOException e) {
      throw SourceFile.unreadable(file.path(), e);
    } catch (UncheckedIOException e) {
      throw SourceFile.unreadable(file.path(), e.getCause());
    }
    return run.finish();
  }

  /** The state of one read. */
  private static final class Run {
    private final SourceFile file;
    private final SeriesFormat format;
    private final SeriesSink sink;
    private final ViewsCountryMonthMapper mapper;
    private final List<Rejected> rejects = new ArrayList<>();
    private final Latin1Lines latin1 = new Latin1Lines();

    /** Per unit, in the order units first appear: the line of each month's point. */
    private final Map<String, TreeMap<YearMonth, Long>> months = new LinkedHashMap<>();

    private final Map<String, SeriesPoint> firstPoint = new LinkedHashMap<>();
    private final Map<String, Long> bySourceColumn = new TreeMap<>();
    private Header header;
    private long rowsRead;
    private long accepted;
    private YearMonth first;
    private YearMonth last;

    Run(SourceFile file, SeriesFormat format, SeriesSink sink) {
      this.file = file;
      this.format = format;
      this.sink = sink;
      this.mapper =
          new ViewsCountryMonthMapper(
              new SourceRef(VIEWS, file.dataset(), file.sha256()), Countries.get());
    }

    void read() throws IOException {
      try (CsvRecords csv =
          new CsvRecords(TextLines.open(file.path()), FormatDetector.delimiterOf(file))) {
        CsvRecords.CsvRecord record;
        while ((record = csv.next()) != null) {
          latin1.add(record.latin1Lines());
          if (header == null) {
            header(record);
            continue;
          }
          row(record);
        }
      }
    }

    /** The header record, which must be readable text. */
    private void header(CsvRecords.CsvRecord record) {
      List<Problem> problems = record.textProblems(List.of());
      if (!problems.isEmpty()) {
        Problem p = problems.get(0);
        throw HarmattanException.sourceData(
            ProblemCode.findByCode(p.code()).orElse(ProblemCode.BAD_CSV),
            file.path() + " line " + record.firstLine() + " (the header): " + p.message());
      }
      header = Header.of(record.fields());
    }

    private void row(CsvRecords.CsvRecord record) {
      rowsRead++;
      LineRange lines = new LineRange(record.firstLine(), record.lastLine());
      List<Problem> problems = record.textProblems(header.names());
      if (!problems.isEmpty()) {
        rejects.add(new Rejected(lines, problems));
        return;
      }
      List<String> fields = record.fields();
      if (fields.size() != header.size()) {
        rejects.add(
            new Rejected(
                lines,
                List.of(
                    Problem.ofRow(
                        ProblemCode.WRONG_COLUMN_COUNT,
                        "the row has "
                            + fields.size()
                            + " fields, expected "
                            + header.size()
                            + " (the header's column count)"))));
        return;
      }
      SourceRow row = new SourceRow(record.firstLine(), header, fields);
      if (row.isBlank()) {
        rejects.add(
            new Rejected(
                lines, List.of(Problem.ofRow(ProblemCode.EMPTY_ROW, "the row has no values"))));
        return;
      }
      MapResult<SeriesPoint> result = mapper.map(row);
      if (result instanceof MapResult.Mapped<SeriesPoint> m) {
        accept(m.value());
      } else if (result instanceof MapResult.Rejected<SeriesPoint> r) {
        rejects.add(new Rejected(lines, r.problems()));
      }
      if (header.has("source")) {
        bySourceColumn.merge(row.get("source"), 1L, Long::sum);
      }
    }

    private void accept(SeriesPoint p) {
      sink.accepted(p);
      accepted++;
      months.computeIfAbsent(p.unitId(), k -> new TreeMap<>()).put(p.month(), p.line());
      firstPoint.putIfAbsent(p.unitId(), p);
      first = first == null || p.month().isBefore(first) ? p.month() : first;
      last = last == null || p.month().isAfter(last) ? p.month() : last;
    }

    SeriesReadSummary finish() {
      if (header == null) {
        throw HarmattanException.sourceData(
            ProblemCode.EMPTY_FILE, file.path() + " has no header line");
      }
      List<LineRange> ranges = new ArrayList<>(rejects.size());
      for (Rejected r : rejects) {
        ranges.add(r.lines());
      }
      Map<Long, String> raw = RawLines.read(file, ranges);
      for (Rejected r : rejects) {
        long line = r.lines().first();
        sink.rejected(
            new RejectedRow(
                file.dataset(),
                file.path().toString(),
                file.sha256(),
                line,
                r.problems(),
                raw.getOrDefault(line, "")));
      }
      List<String> notes = new ArrayList<>();
      latin1.note().ifPresent(notes::add);
      notes.addAll(mapper.notes());
      if (!bySourceColumn.isEmpty()) {
        List<String> counts = new ArrayList<>();
        bySourceColumn.forEach((k, v) -> counts.add((k.isEmpty() ? "(empty)" : k) + " " + v));
        notes.add("rows by the file's source column: " + String.join(", ", counts));
      }
      return new SeriesReadSummary(
          format, rowsRead, accepted, rejects.size(), months.size(), first, last, gaps(), notes);
    }

    /** Months missing between a unit's first and last month, unit by unit. */
    private List<SeriesGap> gaps() {
      List<SeriesGap> out = new ArrayList<>();
      for (Map.Entry<String, TreeMap<YearMonth, Long>> unit : months.entrySet()) {
        SeriesPoint p = firstPoint.get(unit.getKey());
        Map.Entry<YearMonth, Long> previous = null;
        for (Map.Entry<YearMonth, Long> e : unit.getValue().entrySet()) {
          if (previous != null && !previous.getKey().plusMonths(1).equals(e.getKey())) {
            out.add(
                new SeriesGap(
                    p.unitId(),
                    p.unitName(),
                    p.countryIso3(),
                    previous.getKey().plusMonths(1),
                    e.getKey().minusMonths(1),
                    previous.getValue(),
                    e.getValue()));
          }
          previous = e;
        }
      }
      return out;
    }
  }

  /** A rejected record: where it is and what is wrong with it. */
  private record Rejected(LineRange lines, List<Problem> problems) {}
}

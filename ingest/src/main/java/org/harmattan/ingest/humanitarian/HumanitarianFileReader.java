package org.harmattan.ingest.humanitarian;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.FormatDetector;
import org.harmattan.ingest.RawLines;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.TextLines;
import org.harmattan.ingest.hxl.HxlReader;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/**
 * Reads one humanitarian file (CSV or XLSX): finds the header and hashtag rows, recognises the
 * dataset, maps every non-blank row to observations (or admin units) or to a quarantined row.
 */
public final class HumanitarianFileReader {
  private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)");

  private HumanitarianFileReader() {}

  /**
   * Whether {@code file} is a humanitarian table rather than an event file: every spreadsheet, and
   * CSV files that no event format claims and a humanitarian dataset recognises.
   */
  public static boolean isHumanitarian(SourceFile file) {
    if (HxlReader.isSpreadsheet(file.path())) {
      return true;
    }
    List<String> lines = new ArrayList<>(2);
    try (TextLines in = TextLines.open(file.path())) {
      TextLines.Line line;
      while (lines.size() < 2 && (line = in.next()) != null) {
        if (!line.text().isBlank()) {
          lines.add(line.text());
        }
      }
    } catch (IOException e) {
      return false;
    }
    if (lines.isEmpty()
        || FormatDetector.detect(lines.get(0), lines.size() > 1 ? lines.get(1) : null)
            .isPresent()) {
      return false;
    }
    try {
      return HumanitarianDataset.recognise(HxlReader.readHead(file)).isPresent();
    } catch (HarmattanException e) {
      return false;
    }
  }

  /**
   * Reads {@code file}.
   *
   * @param reference the admin units known to the store (may be empty)
   * @param year the year the file describes, for datasets that do not state it (people in need,
   *     population); taken from the file name when empty
   * @throws HarmattanException (SOURCE_DATA) when the file as a whole cannot be read or recognised
   */
  public static HumanitarianReadSummary read(
      SourceFile file, AdminReference reference, OptionalInt year, HumanitarianSink sink) {
    HxlTable table = HxlReader.read(file);
    HumanitarianDataset dataset =
        HumanitarianDataset.recognise(table)
            .orElseThrow(
                () ->
                    HarmattanException.sourceData(
                        ProblemCode.UNKNOWN_DATASET,
                        file.shownAs()
                            + ": not a known humanitarian table; its header (line "
                            + table.headerLine()
                            + ") is "
                            + shorten(String.join(",", table.headers()))
                            + " (expected "
                            + HumanitarianDataset.expectations()
                            + ")"));
    DatasetMapper mapper = mapper(dataset, table, reference, year);
    List<String> notes = new ArrayList<>();
    table.encodingNote().ifPresent(notes::add);
    if (table.kind() == HxlTable.Kind.XLSX) {
      notes.add("sheet \"" + table.sheet() + "\", header on row " + table.headerLine());
    }
    if (table.hasHxlRow()) {
      notes.add("HXL hashtag row on line " + table.hxlLine());
    }
    if (table.blankRows() > 0) {
      notes.add(table.blankRows() + " blank rows skipped (not counted as read)");
    }
    long accepted = 0;
    long observations = 0;
    long units = 0;
    List<HxlRow> rejectedRows = new ArrayList<>();
    List<List<org.harmattan.domain.problem.Problem>> rejectedProblems = new ArrayList<>();
    for (HxlRow row : table.rows()) {
      // A cell that could not be read would be mapped as empty: the row goes aside with the cell.
      MapResult<ObservationRow> r =
          row.problems().isEmpty() ? mapper.map(row) : MapResult.rejected(row.problems());
      if (r instanceof MapResult.Mapped<ObservationRow> m) {
        sink.accepted(m.value());
        accepted++;
        observations += m.value().observations().size();
        units += m.value().units().size();
      } else if (r instanceof MapResult.Rejected<ObservationRow> x) {
        rejectedRows.add(row);
        rejectedProblems.add(x.problems());
      }
    }
    Map<Long, String> raw = Map.of();
    if (table.kind() == HxlTable.Kind.CSV && !rejectedRows.isEmpty()) {
      List<LineRange> ranges = new ArrayList<>();
      for (HxlRow row : rejectedRows) {
        ranges.add(new LineRange(row.line(), row.line()));
      }
      raw = RawLines.read(file, ranges);
    }
    for (int i = 0; i < rejectedRows.size(); i++) {
      HxlRow row = rejectedRows.get(i);
      String text = raw.getOrDefault(row.line(), row.toCsvLine());
      sink.rejected(
          new RejectedRow(
              file.dataset(),
              file.shownAs().toString(),
              file.sha256(),
              row.line(),
              rejectedProblems.get(i),
              text));
    }
    if (dataset != HumanitarianDataset.ADMIN_UNITS) {
      notes.add(
          reference.size() == 0
              ? "no admin reference in the store: P-codes normalised to the COD style but not"
                  + " checked for now (once the HDX P-code table is ingested, this table is placed"
                  + " again against it)"
              : "places checked against the admin reference (" + reference.size() + " units)");
    }
    notes.addAll(mapper.notes());
    return new HumanitarianReadSummary(
        file,
        dataset,
        table.rows().size(),
        accepted,
        rejectedRows.size(),
        table.blankRows(),
        observations,
        units,
        notes);
  }

  private static DatasetMapper mapper(
      HumanitarianDataset dataset, HxlTable table, AdminReference reference, OptionalInt year) {
    return switch (dataset) {
      case ADMIN_UNITS -> new AdminUnitsMapper(table, reference);
      case IOM_DTM -> new DtmMapper(table, reference);
      case IOM_DTM_SERIES -> new DtmSeriesMapper(table, reference);
      case CADRE_HARMONISE -> new CadreHarmoniseMapper(table, reference);
      case PEOPLE_IN_NEED -> new PeopleInNeedMapper(table, reference, year(table, dataset, year));
      case IDMC -> new IdmcMapper(table, reference);
      case POPULATION -> new PopulationMapper(table, reference, year(table, dataset, year));
    };
  }

  private static int year(HxlTable table, HumanitarianDataset dataset, OptionalInt given) {
    if (given.isPresent()) {
      return given.getAsInt();
    }
    Matcher m = YEAR_IN_NAME.matcher(table.file().dataset());
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    throw HarmattanException.userInput(
        ProblemCode.YEAR_NEEDED,
        table.file().shownAs()
            + ": a "
            + dataset.description()
            + " file does not state the year it describes, nor does its name; give it with"
            + " --year (e.g. --year 2021)");
  }

  /** Shortens a header for messages. */
  private static String shorten(String s) {
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  /** What a file holds, from its head, for tests and callers that need no rows. */
  public static Optional<HumanitarianDataset> recognise(SourceFile file) {
    return HumanitarianDataset.recognise(HxlReader.readHead(file));
  }
}

package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/** Maps the rows of one recognised table; columns are found once, in the constructor. */
abstract class DatasetMapper {
  final HxlTable table;
  final HumanitarianDataset dataset;
  final SourceRef source;
  final AdminReference reference;
  private final Map<String, Long> noteCounts = new LinkedHashMap<>();
  private final List<String> fileNotes = new ArrayList<>();

  DatasetMapper(HxlTable table, HumanitarianDataset dataset, AdminReference reference) {
    this.table = table;
    this.dataset = dataset;
    this.reference = reference;
    this.source = new SourceRef(dataset.system(), table.file().dataset(), table.file().sha256());
  }

  /** Maps one non-blank data row. */
  abstract MapResult<ObservationRow> map(HxlRow row);

  /** Remarks for the report, each with how many rows it concerns. */
  List<String> notes() {
    List<String> out = new ArrayList<>(fileNotes);
    noteCounts.forEach((k, v) -> out.add(v + (v == 1 ? " row: " : " rows: ") + k));
    return out;
  }

  /** A remark about the whole file. */
  void fileNote(String text) {
    fileNotes.add(text);
  }

  void note(String text) {
    noteCounts.merge(text, 1L, Long::sum);
  }

  /** The column by tag, else by header; empty when the file has neither. */
  OptionalInt column(String tag, String... headers) {
    OptionalInt byTag = tag == null ? OptionalInt.empty() : table.findByTag(tag);
    return byTag.isPresent() ? byTag : table.findByHeader(headers);
  }

  /** A column the dataset cannot be read without. */
  OptionalInt required(String what, String tag, String... headers) {
    OptionalInt c = column(tag, headers);
    if (c.isEmpty()) {
      StringBuilder expected = new StringBuilder();
      if (tag != null) {
        expected.append(tag);
      }
      for (String h : headers) {
        expected.append(expected.length() > 0 ? " or \"" : "\"").append(h).append('"');
      }
      throw HarmattanException.sourceData(
          ProblemCode.MISSING_COLUMN,
          table.file().shownAs()
              + ": recognised as "
              + dataset.id()
              + " but has no "
              + what
              + " column (expected "
              + expected
              + ")");
    }
    return c;
  }

  /** A note without its row's particulars, so that rows of one kind count together. */
  static String category(String note) {
    int cut = note.length();
    for (String stop : new String[] {":", " (", " cercle ML", " from cercle"}) {
      int i = note.indexOf(stop);
      if (i > 0 && i < cut) {
        cut = i;
      }
    }
    return note.substring(0, cut);
  }

  String recordId(long line, String suffix) {
    return dataset.id()
        + ":"
        + table.file().sha256().substring(0, 12)
        + ":"
        + line
        + (suffix.isEmpty() ? "" : ":" + suffix);
  }

  ObservationRecord observation(
      long line,
      String suffix,
      String edition,
      String indicator,
      String qualifier,
      String iso3,
      Place place,
      LocalDate vintage,
      double value) {
    Observation o =
        new Observation(
            recordId(line, suffix),
            dataset.id(),
            edition,
            indicator,
            qualifier,
            iso3,
            place.level(),
            place.pcode(),
            place.name(),
            vintage,
            value,
            "people",
            source,
            line);
    if (!place.note().isEmpty()) {
      note(category(place.note()));
    }
    return new ObservationRecord(o, place.sourcePcode(), place.note());
  }
}

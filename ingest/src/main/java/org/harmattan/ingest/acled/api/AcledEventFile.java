package org.harmattan.ingest.acled.api;

import static org.harmattan.ingest.acled.api.AcledAnswers.cannotWrite;
import static org.harmattan.ingest.acled.api.AcledAnswers.malformed;
import static org.harmattan.ingest.acled.api.AcledAnswers.sameNumber;
import static org.harmattan.ingest.acled.api.AcledAnswers.snippet;
import static org.harmattan.ingest.acled.api.AcledAnswers.text;
import static org.harmattan.ingest.acled.api.AcledAnswers.where;
import static org.harmattan.ingest.acled.api.AcledAnswers.wholeNumber;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.error.HarmattanException;

/**
 * The rows of a read, written to a temporary file as they arrive: the header from the first row,
 * every later row checked against it; the file is renamed to its name when the read is done ({@link
 * #finish}) and removed otherwise ({@link #abandon}).
 */
final class AcledEventFile {
  private final Path folder;
  private final String fileName;
  private final Path part;
  private final String isoFilter;
  private List<String> header;
  private Set<String> names;
  private CsvWriter csv;
  private long written;
  private Instant maxTimestamp;

  /**
   * @param name the file's name without {@code .csv}; the rows go to {@code .<name>.csv.part} in
   *     {@code folder} until the read is done
   */
  AcledEventFile(Path folder, String name, AcledQuery query) {
    this.folder = folder;
    this.fileName = name;
    this.part = folder.resolve("." + name + ".csv.part");
    this.isoFilter = query.parameters().get("iso");
  }

  /** The rows written so far. */
  long written() {
    return written;
  }

  /** The latest {@code timestamp} of the rows written so far, if any had one. */
  Optional<Instant> maxTimestamp() {
    return Optional.ofNullable(maxTimestamp);
  }

  void add(JsonNode data, int page, long offset, String what) {
    for (int i = 0; i < data.size(); i++) {
      String where = where(what, page, offset + i);
      JsonNode row = data.get(i);
      if (!row.isObject()) {
        throw malformed(where + " is " + snippet(row.toString()) + "; expected a JSON object");
      }
      if (header == null) {
        start(row, where);
      }
      List<String> cells = new ArrayList<>(header.size());
      for (String name : header) {
        JsonNode value = row.get(name);
        if (value == null) {
          throw malformed(
              where
                  + " lacks the field "
                  + name
                  + "; expected the fields of the first row: "
                  + String.join(", ", header));
        }
        if (value.isContainerNode()) {
          throw malformed(
              where
                  + ", field "
                  + name
                  + ": "
                  + snippet(value.toString())
                  + " is not a value; expected text or a number");
        }
        cells.add(text(value));
      }
      if (row.size() != header.size()) {
        Set<String> extra = new HashSet<>();
        row.fieldNames().forEachRemaining(extra::add);
        extra.removeAll(names);
        throw malformed(
            where
                + " has fields the first row lacks ("
                + String.join(", ", extra)
                + "); expected the fields of the first row");
      }
      String iso = text(row.get("iso")).strip();
      if (isoFilter != null && !iso.isEmpty() && !sameNumber(iso, isoFilter)) {
        throw malformed(
            where
                + " is of iso "
                + iso
                + ", not of the "
                + isoFilter
                + " asked for; expected only rows of the country asked for");
      }
      Long ts = wholeNumber(row.get("timestamp"));
      if (ts != null) {
        Instant t = Instant.ofEpochSecond(ts);
        maxTimestamp = maxTimestamp == null || t.isAfter(maxTimestamp) ? t : maxTimestamp;
      }
      try {
        csv.writeRecord(cells);
      } catch (UncheckedIOException e) {
        throw cannotWrite(part, e.getCause());
      }
      written++;
    }
  }

  private void start(JsonNode first, String where) {
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
      fields.add(it.next());
    }
    if (!fields.contains("event_id_cnty")) {
      throw malformed(
          where
              + " has no event_id_cnty (its fields: "
              + String.join(", ", fields)
              + "); expected an ACLED event with event_id_cnty, event_date, event_type, …");
    }
    header = List.copyOf(fields);
    names = Set.copyOf(fields);
    try {
      Path dir = part.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(part, StandardCharsets.UTF_8);
      csv.writeRecord(header);
    } catch (IOException | UncheckedIOException e) {
      throw cannotWrite(part, e);
    }
  }

  /**
   * Closes the file and renames it {@code <name>.csv} ({@code <name>-2.csv} and so on when that
   * exists); nothing when no row was written.
   */
  Optional<Path> finish() {
    close();
    return written == 0 ? Optional.empty() : Optional.of(moveInPlace());
  }

  private void close() {
    if (csv != null) {
      try {
        csv.close();
      } catch (IOException e) {
        throw cannotWrite(part, e);
      } finally {
        csv = null;
      }
    }
  }

  /** Closes and removes the temporary file, whatever happened. */
  void abandon() {
    try {
      close();
    } catch (HarmattanException e) {
      // Already failing, or the file was moved: nothing more to do with it.
    }
    try {
      Files.deleteIfExists(part);
    } catch (IOException e) {
      // A stray temporary file is named with a leading dot and never ingested as a result.
    }
  }

  /** Renames the finished temporary file to its name, never over another file. */
  private Path moveInPlace() {
    Path target = folder.resolve(fileName + ".csv");
    for (int n = 2; Files.exists(target); n++) {
      target = folder.resolve(fileName + "-" + n + ".csv");
    }
    try {
      return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw cannotWrite(target, e);
    }
  }
}

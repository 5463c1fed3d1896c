package org.harmattan.service.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.engine.Store;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.humanitarian.HumanitarianFileReader;
import org.harmattan.ingest.humanitarian.HumanitarianIngest;
import org.harmattan.ingest.hxl.HxlReader;
import org.harmattan.ingest.series.SeriesFormat;
import org.harmattan.ingest.series.SeriesIngest;

/**
 * Reads files into a store: event files (ACLED, UCDP, GDELT), humanitarian tables and monthly
 * series (the VIEWS country-month file), recognised from their first lines. A file that cannot be
 * read as a whole fails alone, whatever the others do.
 */
public final class IngestService {
  private final Store store;
  private final LocalDate today;

  /**
   * @param today the date against which event dates in the future are rejected
   */
  public IngestService(Store store, LocalDate today) {
    this.store = requireNonNull(store, "store");
    this.today = requireNonNull(today, "today");
  }

  /**
   * What to read a file as.
   *
   * @param format the event format the user named, or empty to detect the file's kind and format
   * @param year the year a humanitarian table describes when neither it nor its name says
   */
  public record Options(Optional<SourceFormat> format, OptionalInt year) {
    public Options {
      requireNonNull(format, "format");
      requireNonNull(year, "year");
    }

    /** Detect everything. */
    public static Options detect() {
      return new Options(Optional.empty(), OptionalInt.empty());
    }
  }

  /**
   * Reads one file. A file that cannot be read as a whole (unknown format, not found, not a file,
   * empty, binary, a humanitarian table whose year must be given) gives {@link FileOutcome.Failed};
   * the store is then as it was, and the next file can be read.
   *
   * @param progress receives the bytes of an event file read so far
   * @throws HarmattanException for faults that are not the file's (the store unavailable, an
   *     internal error)
   */
  public FileOutcome ingest(Path path, Options options, LongConsumer progress) {
    requireNonNull(path, "path");
    requireNonNull(options, "options");
    requireNonNull(progress, "progress");
    try {
      SourceFile source = HxlReader.inspect(path);
      if (options.format().isEmpty() && SeriesFormat.detect(source).isPresent()) {
        return new FileOutcome.Series(SeriesIngest.ingest(source, store.seriesWriter()));
      }
      if (options.format().isEmpty() && HumanitarianFileReader.isHumanitarian(source)) {
        return new FileOutcome.Humanitarian(
            HumanitarianIngest.ingest(source, options.year(), store.humanitarian()));
      }
      return new FileOutcome.Events(
          new EventIngest(today, ShippedCountryBoxes.get())
              .ingest(source, options.format(), store.events(), progress));
    } catch (HarmattanException e) {
      // The file's own errors (its data, or what the user must say about it, such as the year a
      // population table describes) fail it alone; the store's faults are not the file's.
      if (e.category() != ErrorCategory.SOURCE_DATA && e.category() != ErrorCategory.USER_INPUT) {
        throw e;
      }
      return new FileOutcome.Failed(path.toString(), e.code(), e.getMessage());
    }
  }
}

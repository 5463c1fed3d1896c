package org.harmattan.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;

/**
 * The large store of the brief and server benchmarks: the 9,000 real rows of the 2022 ACLED sample
 * in ../shared/data scaled up. Copy {@code k} of a row gets the event id {@code <id>x<k>} (every
 * row is a distinct event) and its {@code event_date} and {@code year} moved back by {@code k mod
 * 10} years (2022 → 2013..2022), so that one country-year holds about a tenth of the copies.
 * Nothing else changes; {@link #describe} says so for the benchmark's output.
 */
final class ScaledAcled {
  /** The sample, relative to the shared data folder. */
  static final String SAMPLE = "acled/acled_global_2022H1_sample9000__acledR.csv";

  /** The year of every row of the sample. */
  static final int SAMPLE_YEAR = 2022;

  /** How many years the copies are spread over, ending at {@link #SAMPLE_YEAR}. */
  static final int YEARS = 10;

  private static final Pattern ROW_START =
      Pattern.compile("^(\"[^\"]+)(\",)" + SAMPLE_YEAR + "(-\\d\\d-\\d\\d,)" + SAMPLE_YEAR + ",");

  private ScaledAcled() {}

  /**
   * The sample under {@code data}; prints what is missing and exits with 2 when it is absent (the
   * benchmarks have nothing to scale up then).
   */
  static Path sampleOrExit(Path data) {
    Path sample = data.resolve(SAMPLE);
    if (!Files.exists(sample)) {
      System.err.println(
          "bench: " + sample + " not found; the benchmark scales up real ACLED rows from it");
      System.exit(2);
    }
    return sample;
  }

  /**
   * Writes {@code rows} rows: the sample's rows again and again, copy {@code k} with the id {@code
   * <id>x<k>} and the date and year moved back by {@code k mod 10} years.
   *
   * @return the number of real rows in the sample
   */
  static int write(Path sample, Path out, long rows) throws IOException {
    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
    List<String> data = lines.subList(1, lines.size());
    // Every row must start with "<id>",2022-mm-dd,2022, for the rewriting to be exact.
    List<Matcher> starts = new ArrayList<>(data.size());
    for (String line : data) {
      Matcher m = ROW_START.matcher(line);
      if (!m.find()) {
        throw new IllegalStateException("unexpected row start in the sample: " + line);
      }
      starts.add(m);
    }
    String[] years = new String[YEARS];
    Arrays.setAll(years, i -> Integer.toString(SAMPLE_YEAR - i));
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(lines.get(0));
      w.newLine();
      long written = 0;
      for (int copy = 0; written < rows; copy++) {
        String year = years[copy % YEARS];
        String suffix = "x" + copy;
        for (int i = 0; i < data.size() && written < rows; i++) {
          String line = data.get(i);
          Matcher m = starts.get(i);
          w.write(m.group(1));
          w.write(suffix);
          w.write(m.group(2));
          w.write(year);
          w.write(m.group(3));
          w.write(year);
          w.write(',');
          w.write(line, m.end(), line.length() - m.end());
          w.newLine();
          written++;
        }
      }
    }
    return data.size();
  }

  /** The line that tells the reader how the input was made. */
  static String describe(long rows, int sampleRows) {
    return String.format(
        Locale.ROOT,
        "Input: %,d rows made by scaling up the %,d real rows of %s: copy k of a row gets the"
            + " event id <id>x<k> and its event_date and year moved back by k mod %d years"
            + " (%d..%d); nothing else changes",
        rows,
        sampleRows,
        SAMPLE,
        YEARS,
        SAMPLE_YEAR - YEARS + 1,
        SAMPLE_YEAR);
  }

  /** Ingests {@code csv} into a fresh DuckDB store at {@code storeFile}, which is closed again. */
  static IngestReport ingest(Path csv, Path storeFile, LocalDate today) {
    try (DuckDbStore store = DuckDbStore.open(storeFile)) {
      return new EventIngest(today)
          .ingest(SourceFile.inspect(csv), Optional.empty(), store.events(), b -> {});
    }
  }
}

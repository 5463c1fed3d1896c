package org.harmattan.ingest.acled;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.harmattan.ingest.EventFileReader;
import org.harmattan.ingest.ReadSummary;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.row.RowContext;

/** Reading files in tests: fixtures on the class path and the shared real data. */
final class TestFiles {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  static final Instant INGESTED_AT = Instant.parse("2026-11-26T08:00:00Z");
  static final String SHA = "0".repeat(64);

  private TestFiles() {}

  static RowContext context(String dataset) {
    return new RowContext(dataset, SHA, INGESTED_AT);
  }

  /** Reads {@code path} through the real reader, detecting its format. */
  static ReadSummary read(Path path, CollectingSink sink) {
    SourceFile file = SourceFile.inspect(path);
    return new EventFileReader(TODAY)
        .read(
            file,
            Optional.empty(),
            new RowContext(file.dataset(), file.sha256(), INGESTED_AT),
            sink,
            bytes -> {});
  }

  /** A fixture under {@code src/test/resources/fixtures/acled}. */
  static Path fixture(String name) {
    Path p = Path.of("src", "test", "resources", "fixtures", "acled", name).toAbsolutePath();
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("fixture missing: " + p);
    }
    return p;
  }
}

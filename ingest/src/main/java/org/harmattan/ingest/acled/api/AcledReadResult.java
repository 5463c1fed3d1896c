package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a read of ACLED's events endpoint produced.
 *
 * @param file the file in ACLED's export layout holding every row read; empty when the read found
 *     no row (no file is written then)
 * @param rows the rows written, the header not counted
 * @param pages the pages asked for, the last (short or empty) one included
 * @param maxTimestamp the latest ACLED {@code timestamp} (last change of an event) among the rows
 * @param requests the HTTP requests sent, token requests and retries included
 * @param retries the requests sent again after a 429, a 5xx or a timeout
 */
public record AcledReadResult(
    Optional<Path> file,
    long rows,
    int pages,
    Optional<Instant> maxTimestamp,
    int requests,
    int retries) {
  public AcledReadResult {
    requireNonNull(file, "file");
    requireNonNull(maxTimestamp, "maxTimestamp");
    if (rows < 0 || pages < 1 || requests < pages || retries < 0) {
      throw new IllegalArgumentException(
          "impossible counts: rows "
              + rows
              + ", pages "
              + pages
              + ", requests "
              + requests
              + ", retries "
              + retries);
    }
    if (file.isEmpty() != (rows == 0)) {
      throw new IllegalArgumentException("a file is written exactly when rows were read");
    }
  }
}

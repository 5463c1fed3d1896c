package org.harmattan.ingest.row;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.harmattan.domain.event.Provenance;

/**
 * What a mapper knows about the file it maps rows of.
 *
 * @param dataset the file name
 * @param fileSha256 the file's SHA-256
 * @param ingestedAt the moment this ingest started
 */
public record RowContext(String dataset, String fileSha256, Instant ingestedAt) {
  public RowContext {
    requireNonNull(dataset, "dataset");
    requireNonNull(fileSha256, "fileSha256");
    requireNonNull(ingestedAt, "ingestedAt");
  }

  /** Provenance for a record starting on {@code line}, with the source's version timestamp. */
  public Provenance provenance(long line, Instant sourceTimestamp) {
    return new Provenance(dataset, fileSha256, line, sourceTimestamp, ingestedAt);
  }
}

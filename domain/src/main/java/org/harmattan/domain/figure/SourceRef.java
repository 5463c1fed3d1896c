package org.harmattan.domain.figure;

import static java.util.Objects.requireNonNull;

/**
 * A source file records came from.
 *
 * @param system the coding organisation, e.g. {@code ACLED}
 * @param dataset the file name
 * @param sha256 the file's SHA-256
 */
public record SourceRef(String system, String dataset, String sha256) {
  public SourceRef {
    requireNonNull(system, "system");
    requireNonNull(dataset, "dataset");
    requireNonNull(sha256, "sha256");
  }
}

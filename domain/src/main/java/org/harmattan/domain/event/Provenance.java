package org.harmattan.domain.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Where an event record came from, so that every figure can be traced back to a file and a line.
 *
 * @param dataset the file name the record was read from
 * @param fileSha256 SHA-256 of the file's bytes, lower-case hex
 * @param lineNumber the 1-based line on which the record starts
 * @param sourceTimestamp the source's own version timestamp (ACLED {@code timestamp}), or null
 * @param ingestedAt when Harmattan read the record
 */
public record Provenance(
    String dataset,
    String fileSha256,
    long lineNumber,
    Instant sourceTimestamp,
    Instant ingestedAt) {
  public Provenance {
    requireNonNull(dataset, "dataset");
    requireNonNull(fileSha256, "fileSha256");
    requireNonNull(ingestedAt, "ingestedAt");
    if (!isLowerHex64(fileSha256)) {
      throw new IllegalArgumentException("fileSha256 must be 64 lower-case hex digits");
    }
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be >= 1, was " + lineNumber);
    }
  }

  private static boolean isLowerHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}

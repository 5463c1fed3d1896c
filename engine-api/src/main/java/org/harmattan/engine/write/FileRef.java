package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The file a write comes from, as an engine records it.
 *
 * @param path the file as the user named it
 * @param dataset the dataset name (the file name), as cited
 * @param sha256 the file's SHA-256, hex
 */
public record FileRef(String path, String dataset, String sha256) {
  public FileRef {
    requireNonNull(path, "path");
    requireNonNull(dataset, "dataset");
    requireNonNull(sha256, "sha256");
  }

  /** The error of a write of this file used after it was committed or closed (every engine's). */
  public HarmattanException writeClosed() {
    return new HarmattanException(
        ErrorCategory.INTERNAL,
        ProblemCode.WRITE_CLOSED,
        "the write of " + path + " was already committed or closed");
  }
}

package org.harmattan.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real public data in {@code shared/data} for real-data tests: the {@code
 * harmattan.shared.data} system property (set by the build), else the first {@code shared/data}
 * found walking up from the working directory. Tests skip when the data is not there, and fail
 * instead when {@code -Dharmattan.shared.data.required=true} (as CI sets it), so that a run that
 * should test real data cannot pass without it.
 */
public final class SharedData {
  /** The system property that turns a skip for missing data (or a missing tool) into a failure. */
  public static final String REQUIRED_PROPERTY = "harmattan.shared.data.required";

  private SharedData() {}

  public static Optional<Path> findRoot() {
    String configured = System.getProperty("harmattan.shared.data");
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether a missing data file or tool fails the calling test rather than skipping it. */
  public static boolean isRequired() {
    return Boolean.getBoolean(REQUIRED_PROPERTY);
  }

  /**
   * Skips the calling test when {@code available} is false, or fails it when {@link #isRequired()}.
   *
   * @param available whether what the test needs is there
   * @param missing what is missing and how to provide it, e.g. "shared/data not found (set
   *     -Dharmattan.shared.data=DIR)"
   */
  public static void requireAvailable(boolean available, String missing) {
    if (available) {
      return;
    }
    if (isRequired()) {
      fail(missing + " (-D" + REQUIRED_PROPERTY + "=true: failing instead of skipping)");
    }
    abort(missing + "; skipping");
  }

  /** The shared/data folder; skips the calling test when absent (fails when required). */
  public static Path requireRoot() {
    Optional<Path> root = findRoot();
    requireAvailable(
        root.isPresent(),
        "shared/data not found (set -Dharmattan.shared.data=DIR) for a real-data test");
    return root.orElseThrow();
  }

  /**
   * The file at {@code relative} under shared/data; skips the calling test when absent (fails when
   * required).
   */
  public static Path require(String relative) {
    Path file = requireRoot().resolve(relative);
    requireAvailable(
        Files.isRegularFile(file), file + " is absent for a real-data test on " + relative);
    return file;
  }

  /** A fixture under src/test/resources/fixtures, e.g. {@code ucdp/ucdp-ged-v23.csv}. */
  public static Path fixture(String relative) {
    URL url = SharedData.class.getResource("/fixtures/" + relative);
    if (url == null) {
      throw new IllegalStateException("fixture missing from the test classpath: " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

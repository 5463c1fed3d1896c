package org.harmattan.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real public data in {@code shared/data} for real-data tests: the {@code
 * harmattan.shared.data} system property (set by the build), else the first {@code shared/data}
 * found walking up from the working directory. Tests skip when the data is not there.
 */
public final class SharedData {
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

  /** The shared/data folder; skips the calling test when absent. */
  public static Path requireRoot() {
    Optional<Path> root = findRoot();
    assumeTrue(
        root.isPresent(),
        "shared/data not found (set -Dharmattan.shared.data=DIR); skipping real-data test");
    return root.get();
  }

  /** The file at {@code relative} under shared/data; skips the calling test when absent. */
  public static Path require(String relative) {
    Optional<Path> root = findRoot();
    assumeTrue(
        root.isPresent(),
        "shared/data not found (set -Dharmattan.shared.data=DIR); skipping real-data test");
    Path file = root.get().resolve(relative);
    assumeTrue(
        Files.isRegularFile(file), file + " is absent; skipping real-data test on " + relative);
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

package org.harmattan.forecast;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads LightGBM's native libraries from a folder of this process's own.
 *
 * <p>lightgbm4j writes its libraries to {@code java.io.tmpdir/lib_lightgbm.so} at every start, over
 * the file another process on the machine may have mapped: that process then dies of SIGBUS (a
 * running {@code harmattan serve} when a {@code harmattan brief} starts beside it). Pointing {@code
 * java.io.tmpdir} at a fresh folder while lightgbm4j loads gives each process its own copy; the
 * folder is removed when the process ends.
 */
final class NativeLightGbm {
  private static boolean loaded;

  private NativeLightGbm() {}

  /** Loads the libraries once per process; later calls return at once. */
  static synchronized void load() {
    if (loaded) {
      return;
    }
    String tmp = System.getProperty("java.io.tmpdir");
    try {
      Path own = Files.createTempDirectory("harmattan-lightgbm-");
      own.toFile().deleteOnExit();
      System.setProperty("java.io.tmpdir", own.toString());
      try {
        LGBMBooster.loadNative();
      } finally {
        System.setProperty("java.io.tmpdir", tmp);
      }
      File[] written = own.toFile().listFiles();
      if (written != null) {
        for (File f : written) {
          f.deleteOnExit();
        }
      }
      loaded = true;
    } catch (IOException e) {
      throw new UncheckedIOException("LightGBM's native libraries could not be written", e);
    }
  }
}

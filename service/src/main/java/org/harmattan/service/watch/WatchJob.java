package org.harmattan.service.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.harmattan.service.StoreWork;

/** One job of a watch: what it does each time it is due. */
public interface WatchJob {

  /** Its id, unique in the configuration. */
  String id();

  /** Its kind, the word of the configuration file (e.g. {@code drop-folder}). */
  String kind();

  /** How often it runs. */
  Duration every();

  /**
   * Runs the job once.
   *
   * @return what it did, in a line and in numbers
   * @throws org.harmattan.domain.error.HarmattanException when it fails (the watcher retries it)
   */
  Outcome run(StoreWork store, Clock clock);

  /**
   * What one run did.
   *
   * @param summary one line for the log, e.g. "2 files ingested, 1 failed"
   * @param counts the numbers behind it, for the journal, in the order given
   */
  record Outcome(String summary, Map<String, Long> counts) {
    public Outcome {
      java.util.Objects.requireNonNull(summary, "summary");
      counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
  }
}

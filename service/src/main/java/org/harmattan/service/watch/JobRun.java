package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a job, with its retries: what the journal keeps and the log prints.
 *
 * @param job the job's id
 * @param kind the job's kind
 * @param startedAt when the first attempt began
 * @param finishedAt when the last attempt ended
 * @param attempts the attempts made, 1 or more
 * @param ok whether the last attempt succeeded
 * @param summary what the run did (when ok) or why its last attempt failed
 * @param counts the numbers behind the summary (empty when it failed)
 * @param errors the failure of each failed attempt, in order ({@code code: message})
 */
public record JobRun(
    String job,
    String kind,
    Instant startedAt,
    Instant finishedAt,
    int attempts,
    boolean ok,
    String summary,
    Map<String, Long> counts,
    List<String> errors) {
  public JobRun {
    requireNonNull(job, "job");
    requireNonNull(kind, "kind");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
    requireNonNull(summary, "summary");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be 1 or more, got " + attempts);
    }
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    errors = List.copyOf(errors);
  }

  /** The run as one journal entry, keys in a fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("job", job);
    m.put("kind", kind);
    m.put("startedAt", startedAt.toString());
    m.put("finishedAt", finishedAt.toString());
    m.put("attempts", attempts);
    m.put("outcome", ok ? "ok" : "failed");
    m.put("summary", summary);
    m.put("counts", counts);
    m.put("errors", errors);
    return m;
  }
}

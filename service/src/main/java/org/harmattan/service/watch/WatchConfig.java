package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.alerts.YamlFiles;
import org.harmattan.alerts.deliver.RetryPolicy;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.reference.profile.CountryProfiles;

/**
 * A watch's configuration: a YAML file
 *
 * <pre>
 * journal: watch-journal.jsonl          # optional; default: CONFIG-NAME.journal.jsonl beside it
 * retry: {attempts: 3, delay: 1m, max_delay: 30m}   # optional; these are the defaults
 * jobs:
 *   - id: incoming
 *     kind: drop-folder
 *     every: 5m
 *     folder: incoming                   # files appearing here are ingested once
 *     settle: 10s                        # optional: left alone this long before they are taken
 *   - id: mali-rules
 *     kind: alerts
 *     every: 1h
 *     rules: rules.yaml
 *     subscriptions: subscriptions.yaml  # optional
 *     outbox: outbox                     # optional: CAP messages and the Atom feed
 *     backfill_days: 7                   # optional: days a rule that never ran starts from
 * </pre>
 *
 * Paths are relative to the configuration file. Intervals are {@code 30s}, {@code 5m}, {@code 1h},
 * {@code 1d} or ISO-8601 ({@code PT1H}). Every mistake ends in one line naming the file, the job
 * and the key, and what was expected.
 *
 * @param file the configuration file
 * @param jobs the jobs, in file order
 * @param retry attempts per run and the waits between them
 * @param journal the journal file
 */
public record WatchConfig(Path file, List<WatchJob> jobs, RetryPolicy retry, Path journal) {
  /** 3 attempts per run, 1 min then 2 min in between, never more than 30 min. */
  public static final RetryPolicy DEFAULT_RETRY =
      new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(30));

  /** How long a dropped file must be left alone before it is taken. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");
  private static final Set<String> KINDS = Set.of(DropFolderJob.KIND, AlertsJob.KIND);

  public WatchConfig {
    requireNonNull(file, "file");
    requireNonNull(retry, "retry");
    requireNonNull(journal, "journal");
    jobs = List.copyOf(jobs);
  }

  /** Reads a configuration file. */
  public static WatchConfig read(Path file, CountryProfiles profiles) {
    JsonNode root =
        YamlFiles.parse(
            YamlFiles.read(file, ProblemCode.BAD_WATCH_CONFIG), file, ProblemCode.BAD_WATCH_CONFIG);
    if (root == null || !root.isObject() || !root.path("jobs").isArray()) {
      throw fail(file, "expected a map with 'jobs', a list of jobs (id, kind, every, …)");
    }
    keys(root, Set.of("jobs", "journal", "retry"), file, "at the top");
    Path base = file.toAbsolutePath().getParent();
    RetryPolicy retry = DEFAULT_RETRY;
    if (root.has("retry")) {
      JsonNode r = root.get("retry");
      keys(r, Set.of("attempts", "delay", "max_delay"), file, "in retry");
      int attempts = r.path("attempts").asInt(DEFAULT_RETRY.maxAttempts());
      if (attempts < 1 || attempts > 20) {
        throw fail(file, "retry: 'attempts' must be 1 to 20, got " + r.path("attempts"));
      }
      Duration delay =
          r.has("delay")
              ? duration(r.get("delay"), file, "retry", "delay")
              : DEFAULT_RETRY.baseDelay();
      Duration max =
          r.has("max_delay")
              ? duration(r.get("max_delay"), file, "retry", "max_delay")
              : DEFAULT_RETRY.maxDelay();
      if (max.compareTo(delay) < 0) {
        throw fail(file, "retry: 'max_delay' " + max + " is shorter than 'delay' " + delay);
      }
      retry = new RetryPolicy(attempts, delay, max);
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path journal =
        root.has("journal")
            ? base.resolve(text(root, "journal", file, "the top"))
            : base.resolve((dot > 0 ? name.substring(0, dot) : name) + ".journal.jsonl");
    List<WatchJob> jobs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode n : root.get("jobs")) {
      i++;
      WatchJob job = job(n, i, file, base, profiles);
      if (!ids.add(job.id())) {
        throw fail(file, "job " + i + ": the id '" + job.id() + "' is used twice");
      }
      jobs.add(job);
    }
    if (jobs.isEmpty()) {
      throw fail(file, "'jobs' is empty: list at least one job");
    }
    return new WatchConfig(file, jobs, retry, journal);
  }

  private static WatchJob job(JsonNode n, int index, Path file, Path base, CountryProfiles p) {
    if (!n.isObject()) {
      throw fail(file, "job " + index + ": expected a map (id, kind, every, …)");
    }
    String id = text(n, "id", file, "job " + index);
    String at = "job " + index + " (" + id + ")";
    String kind = text(n, "kind", file, at);
    if (!KINDS.contains(kind)) {
      throw fail(
          file,
          at
              + ": kind '"
              + kind
              + "' is not one of "
              + String.join(", ", KINDS.stream().sorted().toList()));
    }
    Duration every = duration(required(n, "every", file, at), file, at, "every");
    switch (kind) {
      case DropFolderJob.KIND -> {
        keys(n, Set.of("id", "kind", "every", "folder", "settle"), file, at);
        Duration settle =
            n.has("settle") ? duration(n.get("settle"), file, at, "settle") : DEFAULT_SETTLE;
        return new DropFolderJob(id, every, base.resolve(text(n, "folder", file, at)), settle);
      }
      case AlertsJob.KIND -> {
        keys(
            n,
            Set.of("id", "kind", "every", "rules", "subscriptions", "outbox", "backfill_days"),
            file,
            at);
        int backfill = n.path("backfill_days").asInt(AlertsJob.DEFAULT_BACKFILL_DAYS);
        if (backfill < 1 || backfill > 3660) {
          throw fail(
              file, at + ": 'backfill_days' must be 1 to 3660, got " + n.path("backfill_days"));
        }
        return new AlertsJob(
            id,
            every,
            base.resolve(text(n, "rules", file, at)),
            n.hasNonNull("subscriptions") ? base.resolve(text(n, "subscriptions", file, at)) : null,
            n.hasNonNull("outbox") ? base.resolve(text(n, "outbox", file, at)) : null,
            backfill,
            p);
      }
      default -> throw new IllegalStateException("kind listed but not built: " + kind);
    }
  }

  /** An interval: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601; at least 1 s. */
  static Duration duration(JsonNode n, Path file, String at, String key) {
    String s = n.asText("").strip().toLowerCase(Locale.ROOT);
    Duration d = null;
    Matcher m = SHORT.matcher(s);
    if (m.matches()) {
      long v = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(v);
            case "m" -> Duration.ofMinutes(v);
            case "h" -> Duration.ofHours(v);
            default -> Duration.ofDays(v);
          };
    } else {
      try {
        d = Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw fail(
          file,
          at
              + ": '"
              + key
              + "' is "
              + (n.isTextual() ? "\"" + n.asText() + "\"" : n.toString())
              + " (expected an interval of at least 1 s: 30s, 5m, 1h, 1d or PT1H)");
    }
    return d;
  }

  private static JsonNode required(JsonNode n, String key, Path file, String at) {
    if (!n.hasNonNull(key)) {
      throw fail(file, at + ": '" + key + "' is missing");
    }
    return n.get(key);
  }

  private static String text(JsonNode n, String key, Path file, String at) {
    JsonNode v = required(n, key, file, at);
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw fail(file, at + ": '" + key + "' must be a non-empty text, got " + v);
    }
    return v.asText();
  }

  private static void keys(JsonNode n, Set<String> allowed, Path file, String at) {
    if (!n.isObject()) {
      throw fail(file, at + ": expected a map");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw fail(
            file,
            at
                + ": unknown key '"
                + k
                + "' (expected "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static HarmattanException fail(Path file, String what) {
    return YamlFiles.fail(ProblemCode.BAD_WATCH_CONFIG, file, what);
  }
}

package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.alerts.YamlFiles;
import org.harmattan.alerts.deliver.RetryPolicy;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.acled.api.AcledApiClient;
import org.harmattan.ingest.acled.api.AcledCredentials;
import org.harmattan.ingest.acled.api.AcledQuery;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.sync.AcledSync;

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
 *   - id: acled
 *     kind: acled-sync
 *     every: 1h
 *     countries: [MLI, BFA]
 *     from: 2017-01-01                   # optional: first date of a country never synced
 *     folder: acled-sync                 # optional: where the rows read are kept as files
 *     credentials: acled.properties      # optional: after ACLED_USERNAME / ACLED_PASSWORD;
 *                                        # default ~/.harmattan/acled.properties
 *     api: https://acleddata.com         # optional
 *   - id: advice
 *     kind: advisories
 *     every: 6h
 *     countries: [MLI]
 *     folder: advisories                 # each changed document kept as ISO3/GOV-TIME.EXT
 *     governments: [uk, us, de]          # optional: default all with a documented address
 *     feeds: {fr: https://…}             # optional: addresses instead of the documented ones
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
  private static final Set<String> KINDS =
      Set.of(DropFolderJob.KIND, AlertsJob.KIND, AcledSyncJob.KIND, AdvisoriesJob.KIND);

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
      case AcledSyncJob.KIND -> {
        keys(
            n,
            Set.of("id", "kind", "every", "countries", "from", "folder", "credentials", "api"),
            file,
            at);
        List<String> countries = new ArrayList<>();
        n.path("countries").forEach(c -> countries.add(c.asText()));
        if (countries.isEmpty()) {
          throw fail(file, at + ": 'countries' must list ISO3 codes, e.g. [MLI, BFA]");
        }
        for (String c : countries) {
          try {
            AcledQuery.of(c, AcledSync.ACLED_START, AcledSync.ACLED_START);
          } catch (HarmattanException e) {
            throw fail(file, at + ": countries: " + e.getMessage());
          }
        }
        LocalDate from = AcledSync.ACLED_START;
        if (n.hasNonNull("from")) {
          try {
            from = LocalDate.parse(n.get("from").asText());
          } catch (DateTimeParseException e) {
            throw fail(
                file, at + ": 'from' is \"" + n.get("from").asText() + "\" (expected yyyy-MM-dd)");
          }
        }
        Path folder =
            base.resolve(n.hasNonNull("folder") ? text(n, "folder", file, at) : "acled-sync");
        Path credentials =
            n.hasNonNull("credentials")
                ? base.resolve(text(n, "credentials", file, at))
                : AcledSync.defaultCredentialsFile();
        URI api =
            n.hasNonNull("api")
                ? address(text(n, "api", file, at), file, at + " api")
                : AcledApiClient.ACLED;
        return new AcledSyncJob(
            id,
            every,
            countries,
            from,
            folder,
            api,
            () -> AcledCredentials.resolve(System.getenv(), credentials));
      }
      case AdvisoriesJob.KIND -> {
        keys(
            n,
            Set.of("id", "kind", "every", "countries", "folder", "governments", "feeds"),
            file,
            at);
        List<String> countries = new ArrayList<>();
        n.path("countries")
            .forEach(c -> countries.add(c.asText().strip().toUpperCase(Locale.ROOT)));
        if (countries.isEmpty() || !countries.stream().allMatch(c -> c.matches("[A-Z]{3}"))) {
          throw fail(file, at + ": 'countries' must list ISO3 codes, e.g. [MLI]");
        }
        Set<Government> governments = EnumSet.allOf(Government.class);
        if (n.has("governments")) {
          governments = EnumSet.noneOf(Government.class);
          for (JsonNode g : n.get("governments")) {
            governments.add(government(g.asText(), file, at));
          }
        }
        Map<String, URI> feeds = new LinkedHashMap<>();
        if (n.has("feeds")) {
          keys(n.get("feeds"), Set.of("uk", "us", "de", "fr"), file, at + " feeds");
          for (Map.Entry<String, JsonNode> e : n.get("feeds").properties()) {
            feeds.put(
                e.getKey(), address(e.getValue().asText(), file, at + " feeds " + e.getKey()));
          }
        }
        return new AdvisoriesJob(
            id, every, countries, base.resolve(text(n, "folder", file, at)), governments, feeds);
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

  private static URI address(String text, Path file, String at) {
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      throw fail(file, at + ": not an address: " + e.getMessage());
    }
    if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
      throw fail(file, at + ": expected an http(s) address, got " + u);
    }
    return u;
  }

  private static Government government(String code, Path file, String at) {
    for (Government g : Government.values()) {
      if (g.code().equals(code)) {
        return g;
      }
    }
    throw fail(file, at + ": government '" + code + "' is not one of uk, us, de, fr");
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

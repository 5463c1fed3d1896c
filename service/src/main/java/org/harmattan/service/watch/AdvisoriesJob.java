package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.advisories.AdvisoryFetcher;
import org.harmattan.service.StoreWork;
import org.harmattan.service.advisories.AdvisoryFetches;

/**
 * The travel advice of every government on some countries, fetched on a schedule (through the
 * fetcher's HTTP cache) and archived: each document that differs from the last one kept for its
 * government and country is saved as {@code FOLDER/ISO3/GOV-yyyyMMddTHHmmssZ.EXT} (EXT {@code json}
 * or {@code xml} as the document is), so the folder holds the advice's history, which briefs
 * ({@code --advisories}) and the {@code advisory-change} rule read. A run in which no government
 * could be fetched fails (and is retried); one government down is a warning in the run's summary.
 *
 * @param id the job's id
 * @param every how often the advice is fetched
 * @param countries the countries (ISO3)
 * @param folder the archive; the fetcher's cache is its {@code cache} folder
 * @param governments the governments whose advice is fetched
 * @param feeds addresses by government code (uk, us, de, fr) instead of the documented ones
 */
public record AdvisoriesJob(
    String id,
    Duration every,
    List<String> countries,
    Path folder,
    Set<Government> governments,
    Map<String, URI> feeds)
    implements WatchJob {
  public static final String KIND = "advisories";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public AdvisoriesJob {
    requireNonNull(id, "id");
    requireNonNull(every, "every");
    requireNonNull(folder, "folder");
    countries = List.copyOf(countries);
    governments = Set.copyOf(governments);
    feeds = Map.copyOf(feeds);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Outcome run(StoreWork store, Clock clock) {
    AdvisoryFetcher fetcher =
        new AdvisoryFetcher(folder.resolve("cache"), AdvisoryFetcher.Settings.defaults(), clock);
    long fetched = 0;
    long archived = 0;
    long warnings = 0;
    StringBuilder notes = new StringBuilder();
    for (String iso3 : countries) {
      AdvisoryFetches.Result r = AdvisoryFetches.fetchAll(iso3, feeds, governments, fetcher);
      if (r.failure() != null) {
        throw r.failure();
      }
      for (AdvisoryFetches.Fetch f : r.fetches()) {
        fetched++;
        if (archive(iso3, f, clock)) {
          archived++;
        }
      }
      warnings += r.warnings().size();
      r.warnings().forEach(w -> notes.append("; ").append(iso3).append(' ').append(w));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("fetched", fetched);
    counts.put("newSnapshots", archived);
    counts.put("warnings", warnings);
    return new Outcome(
        String.format(
                Locale.ROOT,
                "%d document%s fetched, %d new snapshot%s",
                fetched,
                fetched == 1 ? "" : "s",
                archived,
                archived == 1 ? "" : "s")
            + notes,
        counts);
  }

  /** Saves the document unless the last one kept for its government and country is the same. */
  private boolean archive(String iso3, AdvisoryFetches.Fetch f, Clock clock) {
    Path dir = folder.resolve(iso3);
    String gov = f.government().code();
    byte[] body = f.fetched().body();
    try {
      Files.createDirectories(dir);
      Optional<Path> last = findLast(dir, gov);
      if (last.isPresent() && sha256(Files.readAllBytes(last.get())).equals(sha256(body))) {
        return false;
      }
      String ext = extension(body);
      Path target = dir.resolve(gov + "-" + STAMP.format(f.fetched().fetchedAt()) + ext);
      if (Files.exists(target)) {
        target = dir.resolve(gov + "-" + STAMP.format(clock.instant()) + ext);
      }
      Files.write(target, body);
      return true;
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.CANNOT_WRITE_WATCH_FILES,
          "cannot archive the advice of "
              + gov
              + " on "
              + iso3
              + " in "
              + dir
              + ": "
              + e.getMessage());
    }
  }

  /**
   * The extension readers of snapshot folders look for: {@code .json} for the content APIs, {@code
   * .xml} for the RSS feeds (the fetcher's cache names neither).
   */
  static String extension(byte[] body) {
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return ".json";
      }
      if (b == '<') {
        return ".xml";
      }
      if (!Character.isWhitespace(b)
          && (b & 0xff) != 0xef
          && (b & 0xff) != 0xbb
          && (b & 0xff) != 0xbf) {
        break;
      }
    }
    return ".txt";
  }

  /** The latest snapshot kept for {@code gov}: the names sort by time. */
  private static Optional<Path> findLast(Path dir, String gov) throws IOException {
    Path last = null;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, gov + "-*")) {
      for (Path p : files) {
        if (last == null
            || p.getFileName().toString().compareTo(last.getFileName().toString()) > 0) {
          last = p;
        }
      }
    }
    return Optional.ofNullable(last);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

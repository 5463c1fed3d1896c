package org.harmattan.service.advisories;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.advisories.AdvisoryFetcher;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.ingest.advisories.AdvisorySources;
import org.harmattan.ingest.advisories.AuswaertigesAmtReader;
import org.harmattan.ingest.common.Countries;

/**
 * The travel advice of every government on one country, fetched over HTTP through the fetcher's
 * cache: what {@code harmattan advisories --fetch} shows and the watch's advisory job archives.
 */
public final class AdvisoryFetches {
  private AdvisoryFetches() {}

  /**
   * One government's advice as fetched.
   *
   * @param government the government
   * @param fetched the document and where it came from
   * @param report what it says
   */
  public record Fetch(
      Government government, AdvisoryFetcher.Fetched fetched, AdvisoryReport report) {
    public Fetch {
      requireNonNull(government, "government");
      requireNonNull(fetched, "fetched");
      requireNonNull(report, "report");
    }
  }

  /**
   * What a fetch of every government gave.
   *
   * @param fetches the governments fetched, in {@link Government} order
   * @param previous the snapshots the fetched documents replaced in the cache, read
   * @param warnings one line per government that could not be fetched, or fetched with a warning
   * @param failure the last failure, when no government could be fetched; else null
   */
  public record Result(
      List<Fetch> fetches,
      List<AdvisoryReport> previous,
      List<String> warnings,
      HarmattanException failure) {
    public Result {
      fetches = List.copyOf(fetches);
      previous = List.copyOf(previous);
      warnings = List.copyOf(warnings);
    }

    /** The reports fetched, then the previous snapshots. */
    public List<AdvisoryReport> listReports() {
      List<AdvisoryReport> out = new ArrayList<>();
      fetches.forEach(f -> out.add(f.report()));
      out.addAll(previous);
      return out;
    }
  }

  /**
   * Fetches every government's advice on {@code iso3}: from {@code feeds} (by government code: uk,
   * us, de, fr) or the documented default address. A government that cannot be fetched gives a
   * warning, not a failure, unless none could be.
   */
  public static Result fetchAll(String iso3, Map<String, URI> feeds, AdvisoryFetcher fetcher) {
    return fetchAll(iso3, feeds, EnumSet.allOf(Government.class), fetcher);
  }

  /** As {@link #fetchAll(String, Map, AdvisoryFetcher)}, for {@code governments} only. */
  public static Result fetchAll(
      String iso3, Map<String, URI> feeds, Set<Government> governments, AdvisoryFetcher fetcher) {
    String name = Countries.get().findName(iso3).orElse(iso3);
    List<Fetch> fetches = new ArrayList<>();
    List<AdvisoryReport> previous = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    HarmattanException last = null;
    for (Government g : Government.values()) {
      if (!governments.contains(g)) {
        continue;
      }
      Optional<URI> url =
          Optional.ofNullable(feeds.get(g.code())).or(() -> AdvisorySources.findDefault(g, name));
      if (url.isEmpty()) {
        warnings.add(
            "no documented address for "
                + g.label()
                + "; give one with --feed "
                + g.code()
                + "=URL");
        continue;
      }
      try {
        AdvisoryFetcher.Fetched f = fetcher.fetch(url.get());
        if (g == Government.DE && !feeds.containsKey("de")) {
          // The list has no text; the country's own entry adds the areas.
          Optional<String> id =
              AuswaertigesAmtReader.findContentId(f.body(), url.get().toString(), iso3);
          if (id.isPresent()) {
            f = fetcher.fetch(URI.create(url.get() + "/" + id.get()));
          }
        }
        f.findWarning().ifPresent(warnings::add);
        String label = url.get() + " as of " + f.fetchedAt();
        AdvisoryReport report = AdvisoryFiles.read(f.body(), label, iso3);
        if (report.government() != g) {
          throw HarmattanException.sourceData(
              ProblemCode.ADVISORY_FORMAT,
              url.get()
                  + " holds "
                  + report.government().label()
                  + "'s format, not "
                  + g.label()
                  + "'s (check --feed "
                  + g.code()
                  + ")");
        }
        fetches.add(new Fetch(g, f, report));
        if (f.findPrevious().isPresent()) {
          previous.add(
              AdvisoryFiles.read(
                  Files.readAllBytes(f.findPrevious().get()),
                  url.get() + " (previous snapshot)",
                  iso3));
        }
      } catch (HarmattanException e) {
        warnings.add(g.code() + ": " + e.getMessage());
        last = e;
      } catch (IOException e) {
        warnings.add(g.code() + ": cannot read the previous snapshot (" + e.getMessage() + ")");
      }
    }
    return new Result(fetches, previous, warnings, fetches.isEmpty() ? last : null);
  }
}

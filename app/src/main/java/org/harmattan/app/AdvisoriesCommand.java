package org.harmattan.app;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.harmattan.analytics.advisories.AdvisoryChange;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.ingest.advisories.AdvisoryFetcher;
import org.harmattan.service.advisories.AdvisoryFetches;
import org.harmattan.service.advisories.AdvisoryViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code harmattan advisories}: governments' travel advice on one scale, and what changed. */
@Command(
    name = "advisories",
    mixinStandardHelpOptions = true,
    description = {
      "Show each government's travel advice for a country on one scale (1 normal precautions …"
          + " 4 do not travel) and the changes since its previous snapshot: level raised or"
          + " lowered, a call to leave, areas added, removed or changed.",
      "Read saved documents with --from-files, or fetch them with --fetch (cached in --cache)."
    })
final class AdvisoriesCommand implements Callable<Integer> {

  @Option(
      names = "--country",
      paramLabel = "ISO3",
      defaultValue = "MLI",
      description = "The country (ISO3 code; default MLI).")
  String country;

  @Option(
      names = "--from-files",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Saved advisory documents (GOV.UK content API JSON, State Department RSS, Auswärtiges"
              + " Amt JSON, France Diplomatie RSS), several snapshots per government allowed.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--fetch", description = "Fetch the advice over HTTP (through the cache).")
  boolean fetch;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      defaultValue = "advisory-cache",
      description = "Where fetched documents are kept (default ./advisory-cache).")
  Path cache;

  @Option(
      names = "--feed",
      paramLabel = "GOV=URL",
      description =
          "Fetch this government's advice from URL (uk, us, de, fr); France has no default.")
  Map<String, URI> feeds = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String iso3 = country.strip().toUpperCase(Locale.ROOT);
    if (!iso3.matches("[A-Z]{3}")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--country '" + country + "' is not an ISO3 code (expected e.g. MLI)");
    }
    if (files.isEmpty() && !fetch) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --from-files FILE… or --fetch");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<AdvisoryReport> reports = new ArrayList<>(AdvisoryViews.readAll(iso3, files));
    if (fetch) {
      reports.addAll(fetchAll(iso3, err));
    }
    AdvisoryPicture picture = AdvisoryPicture.of(iso3, reports);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(AdvisoryViews.picture(picture)));
    } else {
      printText(out, picture);
    }
    return 0;
  }

  private List<AdvisoryReport> fetchAll(String iso3, PrintWriter err) {
    AdvisoryFetcher fetcher =
        new AdvisoryFetcher(cache, AdvisoryFetcher.Settings.defaults(), Clock.systemUTC());
    AdvisoryFetches.Result r = AdvisoryFetches.fetchAll(iso3, feeds, fetcher);
    r.warnings().forEach(w -> err.println("harmattan: " + w));
    if (r.failure() != null && files.isEmpty()) {
      throw r.failure();
    }
    return r.listReports();
  }

  private static void printText(PrintWriter out, AdvisoryPicture p) {
    out.printf(
        Locale.ROOT,
        "Travel advice for %s (1 normal precautions … 4 do not travel):%n",
        p.countryIso3());
    for (Advisory a : p.current()) {
      out.printf(
          Locale.ROOT,
          "  %-34s level %d%s  %s  (%s, %s)%s%n",
          a.government().label(),
          a.level().rank(),
          a.hasHigherParts() ? ", parts at " + a.highest().rank() : "",
          String.join("; ", a.report().wording()),
          a.report().issued(),
          a.report().url(),
          a.leaveNow() ? "  LEAVE NOW: \"" + a.leaveNowPhrase() + "\"" : "");
    }
    if (p.changes().isEmpty()) {
      out.println("No change since the previous snapshots.");
      return;
    }
    out.printf(
        Locale.ROOT,
        "%d change%s since the previous snapshots:%n",
        p.changes().size(),
        p.changes().size() == 1 ? "" : "s");
    for (AdvisoryChange c : p.changes()) {
      out.printf(
          Locale.ROOT,
          "  %s  %-3s %-22s %s%n",
          c.date(),
          c.after().government().code(),
          c.kind().words(),
          c.description());
    }
  }
}

package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harmattan.briefs.claims.Claim;
import org.harmattan.briefs.claims.ClaimResult;
import org.harmattan.briefs.claims.ClaimsFile;
import org.harmattan.briefs.claims.Verdict;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.engine.Store;
import org.harmattan.service.claims.ClaimService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmattan check-claims FILE}: re-computes stated figures and gives a verdict each. */
@Command(
    name = "check-claims",
    mixinStandardHelpOptions = true,
    description = {
      "Re-compute the figures a text states and say whether the data supports them.",
      "FILE is YAML: claims: [{id, text, figure, country, from, to, value, tolerance, compare}],"
          + " where figure is a brief figure id such as"
          + " events.violence_against_civilians.state_forces or change.<id> (compare = the"
          + " comparison year, default the year before). Exit code 1 when a claim is"
          + " contradicted."
    })
final class CheckClaimsCommand implements Callable<Integer> {
  @Mixin StoreOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--source",
      paramLabel = "SYSTEM",
      defaultValue = "ACLED",
      description = "Source system to count (default: ${DEFAULT-VALUE}).")
  String source;

  @Parameters(paramLabel = "FILE", description = "Claims file (YAML).")
  Path file;

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    BriefOptions so = new BriefOptions();
    so.source = source;
    List<ClaimResult> results;
    var claims = ClaimsFile.read(file);
    try (Store store = options.openReadOnly()) {
      results = ClaimService.check(store, claims, so.sources(cli), LocalDate.now(ZoneOffset.UTC));
    }
    PrintWriter out = cli.getOut();
    if (options.json) {
      out.println(Json.write(ClaimService.toMap(results)));
    } else {
      for (ClaimResult r : results) {
        out.printf(
            Locale.ROOT,
            "%-14s %s: %s%n",
            r.verdict().word().toUpperCase(Locale.ROOT),
            r.claim().id(),
            r.claim().text().isEmpty() ? r.claim().figure() : r.claim().text());
        if (r.computed() != null && r.computed().value() != null) {
          out.printf(
              Locale.ROOT,
              "               computed %s (stated %s, tolerance %s); %d records%n",
              FigureFormat.ENGLISH.format(r.computed()),
              FigureFormat.ENGLISH.withUnit(r.claim().value(), r.computed().unit()),
              tolerance(r.claim(), r.computed().unit()),
              r.computed().citation().recordCount());
          if (r.verdict() == Verdict.STALE) {
            out.printf(Locale.ROOT, "               %s%n", r.reason());
          }
        } else {
          out.printf(Locale.ROOT, "               %s%n", r.reason());
        }
      }
    }
    // A stale claim is not contradicted: only a contradiction fails the run.
    boolean contradicted = results.stream().anyMatch(r -> r.verdict() == Verdict.CONTRADICTED);
    return contradicted ? 1 : 0;
  }

  /** "1 events", or "2 % (15 events)" for a tolerance relative to the stated value. */
  private static String tolerance(Claim c, String unit) {
    Claim.Tolerance t = c.tolerance();
    String around = FigureFormat.ENGLISH.withUnit(t.around(c.value()), unit);
    return t.relative()
        ? java.math.BigDecimal.valueOf(t.amount()).stripTrailingZeros().toPlainString()
            + " % ("
            + around
            + ")"
        : around;
  }
}

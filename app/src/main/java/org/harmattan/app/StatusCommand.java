package org.harmattan.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.service.store.StoreViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code harmattan status}: what the store holds. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show how many events the store holds, by source and by country.")
final class StatusCommand implements Callable<Integer> {
  @Mixin StoreOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StoreStatus s;
    List<StoreViews.CoverageRow> coverage;
    try (Store store = options.openReadOnly()) {
      s = store.status();
      coverage = StoreViews.coverage(store, s);
    }
    if (options.json) {
      out.println(Json.write(StoreViews.status(s, coverage)));
      return 0;
    }
    out.printf(Locale.ROOT, "store %s%n", options.storePath());
    out.printf(
        Locale.ROOT,
        "%,d events from %,d ingested files; %,d superseded versions in history; %,d rows in"
            + " quarantine; %,d events withdrawn by their source%n",
        s.events(),
        s.files(),
        s.history(),
        s.quarantined(),
        s.withdrawn());
    out.printf(
        Locale.ROOT,
        "%,d humanitarian observations; %,d admin units in the reference; %,d points of monthly"
            + " series%n",
        s.observations(),
        s.adminUnits(),
        s.seriesPoints());
    out.println("by source:");
    new java.util.TreeMap<>(s.bySource())
        .forEach((k, v) -> out.printf(Locale.ROOT, "  %-8s %,10d%n", k, v));
    out.println("by country (ISO3):");
    s.byCountry().entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(20)
        .forEach(e -> out.printf(Locale.ROOT, "  %-8s %,10d%n", e.getKey(), e.getValue()));
    if (s.byCountry().size() > 20) {
      out.printf(
          Locale.ROOT, "  … and %d more countries (see --json)%n", s.byCountry().size() - 20);
    }
    if (!coverage.isEmpty()) {
      out.println("dates covered, by country and source (first event – last event; read in on):");
      int shown = 0;
      for (StoreViews.CoverageRow r : coverage) {
        if (shown++ == 40) {
          out.printf(Locale.ROOT, "  … and %d more (see --json)%n", coverage.size() - 40);
          break;
        }
        Coverage c = r.coverage();
        out.printf(
            Locale.ROOT,
            "  %-4s %-6s %,10d  %s – %s%s%n",
            r.country(),
            r.source().name(),
            c.events(),
            c.first(),
            c.last(),
            c.accessed() == null ? "" : "; read in on " + c.accessed());
      }
    }
    return 0;
  }
}

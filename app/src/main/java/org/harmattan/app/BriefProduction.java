package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.assemble.BriefBuilder;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.ingest.common.Countries;

/**
 * Computes, assembles and writes one brief: the wiring shared by {@code brief} and {@code demo}.
 */
final class BriefProduction {
  private BriefProduction() {}

  /** What a brief needs. */
  record Request(
      String countryIso3,
      Period period,
      Period comparison,
      Set<SourceSystem> sources,
      boolean synthetic,
      String sourceNote,
      Path out,
      Scope scope) {}

  static BriefWriter.Written produce(
      AnalyticsEngine engine, ActorRegistry registry, Request r, LocalDate today) {
    Coverage coverage =
        engine.coverage(EventFilter.of(r.countryIso3(), r.period()).withSources(r.sources()));
    if (coverage.events() == 0) {
      throw HarmattanException.userInput(
          "no_data",
          "the store holds no "
              + String.join("/", r.sources().stream().map(Enum::name).sorted().toList())
              + " events for "
              + r.countryIso3()
              + "; ingest an export first (harmattan ingest FILE) or check --store");
    }
    SecurityRequest request =
        new SecurityRequest(
            r.countryIso3(), r.period(), r.comparison(), r.sources(), today, r.scope());
    String name = Countries.get().findName(r.countryIso3()).orElse(r.countryIso3());
    BriefBuilder builder =
        new BriefBuilder(
                SecurityIndicators.compute(engine, request), name, r.synthetic(), Instant.now())
            .canonicalActors(raw -> registry.match(raw).map(m -> m.actor().name()));
    CapitalAdvance.compute(engine, registry, request).ifPresent(builder::capital);
    Brief brief =
        builder
            .warnings(WarningIndicators.compute(engine, request))
            .sourceNote(r.sourceNote())
            .build();
    return BriefWriter.write(brief, r.out());
  }

  static void printWritten(PrintWriter out, BriefWriter.Written w) {
    out.printf(Locale.ROOT, "Brief written to %s%n", w.html().getParent());
    out.printf(Locale.ROOT, "  %s%n", w.html());
    out.printf(Locale.ROOT, "  %s%n", w.pdf());
    out.printf(Locale.ROOT, "  %s%n", w.markdown());
    out.printf(Locale.ROOT, "  %s%n", w.figuresJson());
    out.flush();
  }
}

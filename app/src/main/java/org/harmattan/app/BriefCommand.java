package org.harmattan.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.NameCount;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harmattan brief}: the crisis brief of a country and window. */
@Command(
    name = "brief",
    mixinStandardHelpOptions = true,
    description = {
      "Write the crisis brief of a country and window: brief.html, brief.pdf, brief.md,"
          + " figures.json and charts/*.svg. Every number is computed from the store and cited.",
      "Example: harmattan brief --country MLI --from 2018-01-01 --to 2018-12-31 --compare 2017"
          + " --out out/mali-2018"
    })
final class BriefCommand implements Callable<Integer> {
  @Mixin StoreOptions options;
  @Mixin BriefOptions brief;
  @Mixin ContextOptions context;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description = "Extra actor registry files (YAML) to add to the shipped Sahel registry.")
  List<Path> registries = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder to write into (default: brief-<ISO3>-<from>-<to> in the current folder).")
  Path out;

  @Option(
      names = "--admin1",
      paramLabel = "REGION",
      description = "Only events in this first-level region (repeatable), e.g. Mopti.")
  List<String> admin1 = new ArrayList<>();

  @Option(
      names = "--event-type",
      paramLabel = "TYPE",
      description = "Only events of this ACLED event type (repeatable), e.g. Battles.")
  List<String> eventTypes = new ArrayList<>();

  @Option(
      names = "--actor",
      paramLabel = "ID",
      description =
          "Only events naming this registry actor in any role, e.g. jnim (see harmattan actors).")
  String actor;

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    String iso3 = BriefOptions.iso3(cli, brief.country);
    Period period = brief.period(cli);
    Period comparison = brief.comparison(cli, period);
    Path dir =
        out != null ? out : Path.of("brief-" + iso3 + "-" + period.from() + "-" + period.to());
    ActorRegistry registry = ActorRegistry.load(registries);
    BriefWriter.Written written;
    try (DuckDbStore store = DuckDbStore.open(options.storePath())) {
      Scope scope = scope(cli, registry, store, iso3);
      written =
          BriefProduction.produce(
              store.analytics(),
              store.observations(),
              registry,
              new BriefProduction.Request(
                  iso3,
                  period,
                  comparison,
                  brief.sources(cli),
                  false,
                  "",
                  dir,
                  scope,
                  context.context()),
              LocalDate.now(ZoneOffset.UTC));
    }
    if (options.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("html", written.html().toString());
      m.put("pdf", written.pdf().toString());
      m.put("markdown", written.markdown().toString());
      m.put("figures", written.figuresJson().toString());
      cli.getOut().println(Json.write(m));
    } else {
      BriefProduction.printWritten(cli.getOut(), written);
    }
    return 0;
  }

  private Scope scope(CommandLine cli, ActorRegistry registry, DuckDbStore store, String iso3) {
    Set<EventType> types = null;
    if (!eventTypes.isEmpty()) {
      types = new HashSet<>();
      for (String t : eventTypes) {
        types.add(
            EventType.findByLabel(t)
                .orElseThrow(
                    () ->
                        new CommandLine.ParameterException(
                            cli,
                            "--event-type '"
                                + t
                                + "' is not an ACLED event type (expected Battles, Explosions/Remote"
                                + " violence, Violence against civilians, Protests, Riots or"
                                + " Strategic developments)")));
      }
    }
    String label = null;
    Set<String> names = Set.of();
    if (actor != null) {
      CanonicalActor a =
          registry
              .findActor(actor.strip())
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          cli,
                          "--actor '"
                              + actor
                              + "' is not a registry id (see harmattan actors; e.g. jnim)"));
      List<String> raw = new ArrayList<>();
      for (NameCount n :
          store
              .analytics()
              .listActorNames(
                  EventFilter.of(
                      iso3, new Period(LocalDate.of(1900, 1, 1), LocalDate.now(ZoneOffset.UTC))))) {
        raw.add(n.name());
      }
      names = registry.rawNamesOf(a.id(), raw);
      if (names.isEmpty()) {
        throw new CommandLine.ParameterException(
            cli,
            "--actor '" + actor + "' (" + a.name() + ") names no event in the store for " + iso3);
      }
      label = a.name();
    }
    return new Scope(new HashSet<>(admin1), types, label, names);
  }
}

package org.harmattan.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.Store;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.brief.Scopes;
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

  @Option(
      names = "--narrative",
      paramLabel = "FILE.md",
      description =
          "The analyst's key judgements, context and recommendations (Markdown), merged into the"
              + " brief in marked sections; a number written as [1,762 deaths](figure:ID) is"
              + " checked against the brief's figure.")
  Path narrative;

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
      names = "--sub-event-type",
      paramLabel = "TYPE",
      description =
          "Only events of this sub-event type as the source names it (repeatable), e.g. 'Armed"
              + " clash'.")
  List<String> subEventTypes = new ArrayList<>();

  @Option(
      names = "--actor",
      paramLabel = "ID",
      description =
          "Only events naming this registry actor in any role, e.g. jnim (see harmattan actors).")
  String actor;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "en",
      description =
          "Language of the brief: en or fr (default: ${DEFAULT-VALUE}). Prose, labels, charts,"
              + " maps, notes, dates and numbers follow it; figures.json keeps its shape.")
  String lang;

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    Language language;
    try {
      language = Language.parse(lang);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--lang: " + e.getMessage());
    }
    String iso3 = BriefOptions.iso3(cli, brief.country);
    Period period = brief.period(cli);
    Optional<Period> asked = brief.comparison(cli, period);
    Path dir =
        out != null ? out : Path.of("brief-" + iso3 + "-" + period.from() + "-" + period.to());
    BriefWriter.checkFolder(dir);
    ActorRegistry registry = ActorRegistry.load(registries);
    BriefWriter.Written written;
    Set<SourceSystem> sources = brief.sources(cli);
    try (Store store = options.openReadOnly()) {
      Period comparison = asked.orElse(null);
      if (brief.comparesByDefault()) {
        comparison =
            BriefService.defaultComparison(store.analytics(), iso3, period, sources).orElse(null);
        if (comparison == null && !options.json) {
          cli.getErr()
              .println(
                  "note: no comparison: the window spans two years, or the store's events of "
                      + iso3
                      + " do not go back to the same months of the year before (--compare YEAR"
                      + " chooses one)");
        }
      }
      Scope scope =
          Scopes.resolve(
              store.analytics(), registry, iso3, admin1, eventTypes, subEventTypes, actor);
      written =
          BriefService.produce(
              store.analytics(),
              store.observations(),
              registry,
              new BriefService.Request(
                  iso3,
                  period,
                  comparison,
                  sources,
                  false,
                  "",
                  dir,
                  scope,
                  context.context().withNarrative(narrative),
                  language),
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
      Written.print(cli.getOut(), written);
    }
    return 0;
  }
}

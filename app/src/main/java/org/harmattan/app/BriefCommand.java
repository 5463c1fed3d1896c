package org.harmattan.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.store.DuckDbStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harmattan brief}: the crisis brief of a country and window. */
@Command(
    name = "brief",
    mixinStandardHelpOptions = true,
    description = {
      "Write the security brief of a country and window: brief.html, brief.pdf, brief.md,"
          + " figures.json and charts/*.svg. Every number is computed from the store and cited.",
      "Example: harmattan brief --country MLI --from 2018-01-01 --to 2018-12-31 --compare 2017"
          + " --out out/mali-2018"
    })
final class BriefCommand implements Callable<Integer> {
  @Mixin StoreOptions options;
  @Mixin BriefOptions brief;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description = "Extra actor registry files (YAML) to add to the shipped Sahel registry.")
  java.util.List<Path> registries = new java.util.ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder to write into (default: brief-<ISO3>-<from>-<to> in the current folder).")
  Path out;

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    String iso3 = BriefOptions.iso3(cli, brief.country);
    Period period = brief.period(cli);
    Period comparison = brief.comparison(cli, period);
    Path dir =
        out != null ? out : Path.of("brief-" + iso3 + "-" + period.from() + "-" + period.to());
    BriefWriter.Written written;
    try (DuckDbStore store = DuckDbStore.open(options.storePath())) {
      written =
          BriefProduction.produce(
              store.analytics(),
              ActorRegistry.load(registries),
              new BriefProduction.Request(
                  iso3, period, comparison, brief.sources(cli), false, "", dir),
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
}

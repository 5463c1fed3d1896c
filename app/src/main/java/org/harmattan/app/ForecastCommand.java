package org.harmattan.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.forecast.ForecastCsv;
import org.harmattan.forecast.ForecastRun;
import org.harmattan.service.forecast.ForecastService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harmattan forecast}: draws of future monthly fatalities, per unit and month. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast monthly fatalities as draws from a predictive distribution, per unit and month:",
      "countries from a VIEWS country-month series in the store, or the admin-1 regions of one",
      "country from its events. Writes one CSV row per draw."
    })
final class ForecastCommand implements Callable<Integer> {
  @Mixin StoreOptions options;

  @Option(
      names = "--series",
      paramLabel = "SERIES",
      description = "views-cm (the stored VIEWS series; default without --country) or events.")
  String series;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      description =
          "country (the VIEWS countries, or --country's own series from events), admin1 (the"
              + " regions of --country from events) or h3 / h3-N (H3 cells of resolution 5 / N"
              + " of --country's located events). Default: country.")
  String level = "country";

  @Option(names = "--country", paramLabel = "ISO3", description = "The country, for events.")
  String country;

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      description =
          "For events: ACLED, UCDP or GDELT. Default: the store's one source for the country, or"
              + " ACLED among several (their deaths are not added up).")
  String eventSource;

  @Option(
      names = "--train-until",
      required = true,
      paramLabel = "YYYY-MM",
      description = "The last month of data the model may use.")
  String trainUntil;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First month.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last month.")
  String to;

  @Option(
      names = "--outcome",
      paramLabel = "OUTCOME",
      description = "fatalities (default) or, for events, events: what is counted and forecast.")
  String outcome = "fatalities";

  @Option(names = "--draws", paramLabel = "N", description = "Draws per unit and month (1000).")
  int draws = 1000;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "boosted-quantiles (the learned model, default) or a benchmark: conflictology, zero,"
              + " last-poisson, bootstrap.")
  String model = ForecastService.LEARNED;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed (1): same seed, same draws.")
  long seed = 1;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "views (month_id,country_id,draw,outcome) or units (month,<level>,draw,fatalities; default).")
  String format = "units";

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV to write.")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter print = spec.commandLine().getOut();
    String iso3 = country == null ? null : BriefOptions.iso3(spec.commandLine(), country);
    String source = series != null ? series : iso3 == null ? "views-cm" : "events";
    if (!format.equals("views") && !format.equals("units")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be views or units, not '" + format + "'");
    }
    Set<SourceSystem> asked = Set.of();
    if (eventSource != null) {
      try {
        asked = Set.of(SourceSystem.valueOf(eventSource.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--source '" + eventSource + "' is not one of ACLED, UCDP, GDELT");
      }
    }
    ForecastRun run;
    ForecastService.Options o;
    try (Store store = options.open()) {
      o =
          new ForecastService.Options(
              source,
              level,
              iso3,
              month("--train-until", trainUntil),
              month("--from", from),
              month("--to", to),
              draws,
              model,
              seed,
              source.equals("events") ? ForecastService.eventSources(store, iso3, asked) : Set.of(),
              outcome);
      run = ForecastService.run(store, o);
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      if (format.equals("views")) {
        ForecastCsv.writeViews(run, w);
      } else {
        ForecastCsv.writeUnits(run, level.startsWith("h3") ? "h3" : level, outcome, w);
      }
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.USER_INPUT,
          ProblemCode.CANNOT_WRITE_FORECAST,
          "cannot write " + out + ": " + e.getMessage(),
          e);
    }
    long units = run.forecasts().stream().map(f -> f.unit().id()).distinct().count();
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("model", run.model());
      json.put("sources", o.sources().stream().map(Enum::name).sorted().toList());
      json.put("units", units);
      json.put("forecasts", run.forecasts().size());
      json.put("out", out.toString());
      json.put(
          "skipped",
          run.skipped().stream()
              .map(
                  s -> Map.of("unit", s.unit().id(), "name", s.unit().name(), "reason", s.reason()))
              .toList());
      print.println(Json.write(json));
      return 0;
    }
    print.printf(
        Locale.ROOT,
        "%s%s: %d units x %d months, %d draws each, written to %s%n",
        run.model(),
        o.sources().isEmpty()
            ? ""
            : " ("
                + String.join(", ", o.sources().stream().map(Enum::name).sorted().toList())
                + " events)",
        units,
        java.time.temporal.ChronoUnit.MONTHS.between(o.from(), o.to()) + 1,
        draws,
        out);
    List<ForecastRun.Skipped> skipped = run.skipped();
    for (ForecastRun.Skipped s : skipped.subList(0, Math.min(20, skipped.size()))) {
      print.printf(
          Locale.ROOT, "  not forecast: %s (%s): %s%n", s.unit().name(), s.unit().id(), s.reason());
    }
    if (skipped.size() > 20) {
      print.printf(
          Locale.ROOT, "  … and %d more units not forecast (see --json)%n", skipped.size() - 20);
    }
    return 0;
  }

  private static YearMonth month(String option, String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD, option + " must be a month as YYYY-MM, not '" + value + "'");
    }
  }
}

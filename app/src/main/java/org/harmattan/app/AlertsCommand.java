package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleEvaluator;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.Stores;
import org.harmattan.service.alerts.AlertService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmattan alerts}: alert rules and what they raise. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = "Alert rules: back-test them on the store's history.",
    subcommands = {AlertsCommand.Test.class})
final class AlertsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code harmattan alerts test RULES.yaml --from DATE --to DATE}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "List the alerts the rules would have raised on each day of a period, without sending"
            + " anything.",
        "RULES is YAML: rules: [{id, kind, countries: [ISO3…], admin1, severity, suppress_days,"
            + " sources, …}], kind one of acled-surge, acled-threat, acled-change, hdx-signals,"
            + " anomaly, capital-radius (see the README)."
      })
  static final class Test implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RULES", description = "Rule file (YAML).")
    Path rules;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day.")
    String to;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      LocalDate f = BriefOptions.date(cli, "--from", from);
      LocalDate t = BriefOptions.date(cli, "--to", to);
      if (t.isBefore(f)) {
        throw new CommandLine.ParameterException(cli, "--to " + t + " is before --from " + f);
      }
      List<Rule> parsed = RuleFile.read(rules);
      RuleEvaluator.Result result;
      try (Store store = Stores.open(options.storePath())) {
        result =
            AlertService.test(
                store,
                parsed,
                new Period(f, t),
                CountryProfiles.shipped(),
                LocalDate.now(ZoneOffset.UTC));
      }
      PrintWriter out = cli.getOut();
      if (options.json) {
        out.println(Json.write(AlertService.toJson(result, false)));
        return 0;
      }
      List<Alert> alerts = result.alerts();
      for (Alert a : alerts) {
        out.printf(
            Locale.ROOT,
            "%s  %-8s  %-14s  %s%n            %s%n",
            a.date(),
            a.severity().word(),
            a.kind(),
            a.headline(),
            a.text());
      }
      for (String note : result.notes()) {
        out.println("note: " + note);
      }
      out.printf(
          Locale.ROOT,
          "%d alert%s from %d rule%s, %s to %s.%n",
          alerts.size(),
          alerts.size() == 1 ? "" : "s",
          parsed.size(),
          parsed.size() == 1 ? "" : "s",
          f,
          t);
      return 0;
    }
  }
}

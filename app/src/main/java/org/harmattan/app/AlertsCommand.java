package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.deliver.Delivery;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleEvaluator;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.alerts.watch.AlertRun;
import org.harmattan.alerts.watch.Subscriptions;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.reference.profile.CountryProfiles;
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
    description = "Alert rules: back-test them on the store's history, or run them and tell.",
    subcommands = {AlertsCommand.Test.class, AlertsCommand.Run.class})
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
            + " anomaly, capital-radius, forecast-fatalities, corridor-status (roads: DIR, the"
            + " road graph's folder), advisory-change (advisories: [FILE or DIR…], travel-advice"
            + " snapshots); paths are relative to RULES (see the README)."
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
      try (Store store = options.open()) {
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
            Terminal.escape(a.headline()),
            Terminal.escape(a.text()));
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

  /** {@code harmattan alerts run RULES.yaml [--subscriptions FILE] [--outbox DIR]}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Evaluate the rules on the days since each last ran, record new alerts in the store and"
            + " deliver them to the subscriptions (webhook, e-mail); with --outbox, also write a"
            + " CAP 1.2 message per new alert and an Atom feed.",
        "An alert already recorded (same rule, area and day) is never raised or sent twice."
      })
  static final class Run implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RULES", description = "Rule file (YAML).")
    Path rules;

    @Option(
        names = "--subscriptions",
        paramLabel = "FILE",
        description = "Who is told, and how (YAML; see the README). Without it alerts are logged.")
    Path subscriptions;

    @Option(
        names = "--through",
        paramLabel = "DATE",
        description = "The last day to evaluate (default: today, UTC).")
    String through;

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description = "The first day for a rule that never ran (default: 6 days before --through).")
    String from;

    @Option(
        names = "--outbox",
        paramLabel = "DIR",
        description = "Folder for CAP messages (cap/ID.xml) and the Atom feed (alerts.atom).")
    Path outbox;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      Clock clock = Clock.systemUTC();
      LocalDate t =
          through == null ? LocalDate.now(clock) : BriefOptions.date(cli, "--through", through);
      LocalDate f = from == null ? t.minusDays(6) : BriefOptions.date(cli, "--from", from);
      if (t.isBefore(f)) {
        throw new CommandLine.ParameterException(cli, "--through " + t + " is before --from " + f);
      }
      List<Rule> parsed = RuleFile.read(rules);
      Subscriptions subs =
          subscriptions == null ? Subscriptions.none() : Subscriptions.read(subscriptions);
      AlertRun.Report report;
      try (Store store = options.open()) {
        report =
            AlertService.run(
                store, parsed, subs, f, t, outbox, CountryProfiles.shipped(), clock, false);
      }
      PrintWriter out = cli.getOut();
      if (options.json) {
        out.println(Json.write(AlertService.toJson(report)));
        return 0;
      }
      for (Alert a : report.raised()) {
        out.printf(
            Locale.ROOT,
            "%s  %-8s  %s%n",
            a.date(),
            a.severity().word(),
            Terminal.escape(a.headline()));
      }
      for (Delivery d : report.deliveries()) {
        out.printf(
            Locale.ROOT,
            "%-11s %-8s %s  %s%s%n",
            d.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
            d.channel().name().toLowerCase(Locale.ROOT),
            d.recipient(),
            d.alertId(),
            d.lastError() == null ? "" : " (" + d.lastError() + ")");
      }
      for (String note : report.notes()) {
        out.println("note: " + note);
      }
      long dead =
          report.deliveries().stream()
              .filter(d -> d.outcome() == Delivery.Outcome.DEAD_LETTER)
              .count();
      out.printf(
          Locale.ROOT,
          "%d new alert%s, %d deliver%s (%d dead letter%s).%n",
          report.raised().size(),
          report.raised().size() == 1 ? "" : "s",
          report.deliveries().size(),
          report.deliveries().size() == 1 ? "y" : "ies",
          dead,
          dead == 1 ? "" : "s");
      return dead == 0 ? 0 : 1;
    }
  }
}

package org.harmattan.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.harmattan.alerts.Severity;
import org.harmattan.alerts.deliver.MailConfig;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.alerts.watch.AlertRun;
import org.harmattan.alerts.watch.Subscriptions;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.demo.SyntheticContext;
import org.harmattan.demo.SyntheticScenario;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.server.HarmattanServer;
import org.harmattan.service.Stores;
import org.harmattan.service.alerts.AlertService;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code harmattan demo}: the whole path on a fresh machine. Generates a seeded synthetic Sahel
 * scenario as an ACLED export, ingests it like a user's file, and writes the brief.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic Sahel scenario as an ACLED-format CSV, ingest it through the same path"
          + " as a real export, and write the brief (marked SYNTHETIC on every page); then serve"
          + " the dashboard of its store on http://127.0.0.1:8080/ to visitors without an account"
          + " until Ctrl-C (--no-serve stops after the brief).",
      "With --data DIR, ingest the event files in DIR instead and brief on them."
    })
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ContextOptions context;

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description = "Extra actor registry files (YAML) to add to the shipped Sahel registry.")
  java.util.List<Path> registries = new java.util.ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "harmattan-demo",
      description = "Folder for the scenario, the store and the brief (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Brief on the event files in DIR (ACLED, UCDP, GDELT) instead of the scenario.")
  Path data;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the synthetic scenario (default: the scenario's own).")
  Long seed;

  @Option(names = "--country", paramLabel = "ISO3", description = "With --data: the country.")
  String country;

  @Option(names = "--year", paramLabel = "YEAR", description = "With --data: the year to brief.")
  Integer year;

  @Option(
      names = "--no-serve",
      description = "Write the brief and stop, without serving the dashboard (for scripts and CI).")
  boolean noServe;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description =
          "Port of the dashboard on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "en",
      description = "Language of the brief: en or fr (default: ${DEFAULT-VALUE}).")
  String lang;

  @Override
  public Integer call() throws IOException, InterruptedException {
    CommandLine cli = spec.commandLine();
    PrintWriter console = cli.getOut();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Files.createDirectories(out);
    Path storeFile = out.resolve("store.duckdb");
    Files.deleteIfExists(storeFile);
    Files.deleteIfExists(out.resolve("store.duckdb.wal"));
    List<Path> files = new ArrayList<>();
    boolean synthetic = data == null;
    SyntheticContext.Files contextFiles = null;
    SyntheticScenario.ScenarioSpec scenario = SyntheticScenario.defaultSpec();
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    if (synthetic) {
      Path csv = out.resolve("data").resolve("acled-synthetic-sahel.csv");
      Files.createDirectories(csv.getParent());
      new SyntheticScenario(scenario).write(csv);
      SyntheticScenario.writeRoads(out.resolve("data").resolve("roads"));
      contextFiles = SyntheticContext.write(out.resolve("data").resolve("context"), scenario);
      console.printf(
          Locale.ROOT,
          "Generated a SYNTHETIC Sahel scenario (seed %d) as an ACLED export: %s%n",
          scenario.seed(),
          csv);
      files.add(csv);
    } else {
      files.addAll(listFiles(cli, data));
    }
    BriefService.Request request;
    try (Store store = Stores.open(storeFile)) {
      IngestService ingest = new IngestService(store, today);
      for (Path f : files) {
        FileOutcome outcome = ingest.ingest(f, IngestService.Options.detect(), b -> {});
        if (outcome instanceof FileOutcome.Events e) {
          IngestReport r = e.report();
          console.printf(
              Locale.ROOT,
              "Ingested %s (%s): %,d rows, %,d inserted, %,d updated, %,d merged, %,d"
                  + " quarantined%n",
              f.getFileName(),
              r.format().id(),
              r.rowsRead(),
              r.inserted(),
              r.updated(),
              r.merged(),
              r.quarantined());
        } else if (outcome instanceof FileOutcome.Humanitarian h) {
          printHumanitarian(console, f, h.report());
        } else if (outcome instanceof FileOutcome.Failed failed) {
          console.printf(
              Locale.ROOT,
              "Skipped %s: %s%n",
              Terminal.escape(String.valueOf(f.getFileName())),
              Terminal.escape(failed.message()));
        }
      }
      if (contextFiles != null) {
        for (Path p : contextFiles.humanitarian()) {
          FileOutcome outcome = ingest.ingest(p, IngestService.Options.detect(), b -> {});
          if (outcome instanceof FileOutcome.Humanitarian h) {
            printHumanitarian(console, p, h.report());
          } else {
            throw new IllegalStateException(
                "the demo's own table " + p + " was not read: " + outcome.toMap());
          }
        }
      }
      request =
          (synthetic
                  ? syntheticRequest(scenario, contextFiles.advisories())
                  : dataRequest(cli, store, today))
              .withLanguage(language(cli));
      BriefWriter.Written written =
          BriefService.produce(
              store.analytics(),
              store.observations(),
              ActorRegistry.load(registries),
              request,
              today);
      Written.print(console, written);
      console.printf(Locale.ROOT, "Open %s in a browser.%n", written.html().toAbsolutePath());
      if (synthetic) {
        alerts(console, store, scenario);
      }
    }
    if (noServe) {
      return 0;
    }
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(
          cli, "--port " + port + " is not a port (expected 0 to 65535)");
    }
    // Visitors on this machine see the dashboard as viewers, without an account.
    return ServeCommand.serve(
        Stores.Config.embedded(storeFile),
        new HarmattanServer.Settings(
            "127.0.0.1",
            port,
            out.resolve("server"),
            ActorRegistry.load(registries),
            request.context(),
            synthetic,
            Role.VIEWER),
        request,
        console);
  }

  /** The demo mailbox's one address. */
  static final String DEMO_DESK = "security-desk@harmattan.invalid";

  /**
   * The demo's alert rules: one of each kind, on the scenario's country; the corridors on the
   * scenario's road graph and the travel advice from its snapshots, beside the rule file's folder.
   */
  static final String DEMO_RULES =
      """
      rules:
        - {id: surge, kind: acled-surge, countries: [ISO3], severity: severe}
        - {id: threat, kind: acled-threat, countries: [ISO3], severity: moderate}
        - {id: change, kind: acled-change, countries: [ISO3], severity: moderate}
        - {id: hdx, kind: hdx-signals, countries: [ISO3], severity: severe}
        - {id: anomaly, kind: anomaly, countries: [ISO3], severity: minor}
        - {id: capital, kind: capital-radius, countries: [ISO3], severity: extreme,
           radius_km: 100, quiet_months: 3}
        - {id: outlook, kind: forecast-fatalities, countries: [ISO3], severity: severe}
        - {id: corridors, kind: corridor-status, countries: [ISO3], severity: severe,
           roads: ../data/roads, to: [blocked]}
        - {id: advice, kind: advisory-change, countries: [ISO3], severity: severe,
           advisories: [../data/context]}
      """;

  /**
   * Runs the demo's rules over the scenario's last year into the store's alert log, with CAP
   * messages and an Atom feed in {@code out/alerts}; the dashboard's server then serves them.
   */
  private void alerts(PrintWriter console, Store store, SyntheticScenario.ScenarioSpec s)
      throws IOException {
    Path dir = out.resolve("alerts");
    Files.createDirectories(dir);
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, DEMO_RULES.replace("ISO3", s.countryIso3()));
    AlertRun.Report report;
    int[] calls;
    int mails;
    try (DemoReceivers receivers = new DemoReceivers(dir, DEMO_DESK)) {
      // Every alert to the webhook; the gravest (extreme and severe) by e-mail as well.
      Subscriptions subscriptions =
          new Subscriptions(
              List.of(
                  new Subscriptions.Subscription(
                      "demo-webhook",
                      Set.of("*"),
                      Severity.MINOR,
                      receivers.webhookUrl(),
                      receivers.secret(),
                      List.of()),
                  new Subscriptions.Subscription(
                      "demo-desk",
                      Set.of("capital", "hdx", "outlook", "corridors", "advice"),
                      Severity.SEVERE,
                      null,
                      null,
                      List.of(DEMO_DESK))),
              MailConfig.of(
                  "127.0.0.1", receivers.smtpPort(), "alerts@harmattan.invalid", null, null, false),
              URI.create("http://127.0.0.1:" + port + "/unsubscribe"));
      report =
          AlertService.run(
              store,
              RuleFile.read(rules),
              subscriptions,
              LocalDate.of(s.lastYear(), 1, 1),
              LocalDate.of(s.lastYear(), 12, 31),
              dir,
              CountryProfiles.shipped(),
              Clock.systemUTC(),
              true);
      calls = receivers.webhookCalls();
      mails = receivers.saveMail();
    }
    Map<String, Long> byKind = new java.util.TreeMap<>();
    report.raised().forEach(a -> byKind.merge(a.kind(), 1L, Long::sum));
    List<String> kinds = new ArrayList<>();
    byKind.forEach((k, n) -> kinds.add(k + " " + n));
    console.printf(
        Locale.ROOT,
        "Alerts: %d raised in %d by the rules of %s (%s); CAP messages and an Atom feed in %s,"
            + " and in the API at /api/v1/alerts.%n",
        report.raised().size(),
        s.lastYear(),
        rules,
        String.join(", ", kinds),
        dir);
    console.printf(
        Locale.ROOT,
        "Delivered: %d webhook calls to the demo's receiver (%d with a valid signature), bodies in"
            + " %s; %d e-mails to %s in the demo's mailbox, in %s.%n",
        calls[0],
        calls[1],
        dir.resolve("webhook"),
        mails,
        DEMO_DESK,
        dir.resolve("mailbox"));
    report.raised().stream()
        .filter(a -> a.date().isAfter(LocalDate.of(s.lastYear(), 12, 31).minusDays(s.surgeDays())))
        .forEach(
            a ->
                console.printf(
                    Locale.ROOT, "  %s  %-8s  %s%n", a.date(), a.severity().word(), a.headline()));
  }

  private Language language(CommandLine cli) {
    try {
      return Language.parse(lang);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--lang: " + e.getMessage());
    }
  }

  private BriefService.Request syntheticRequest(
      SyntheticScenario.ScenarioSpec s, List<Path> advisories) {
    Period period =
        new Period(LocalDate.of(s.lastYear(), 1, 1), LocalDate.of(s.lastYear(), 12, 31));
    return new BriefService.Request(
        s.countryIso3(),
        period,
        period.inYear(s.lastYear() - 1),
        Set.of(SourceSystem.ACLED),
        true,
        BriefTexts.of(language(spec.commandLine()))
            .t("brief.demo.source_note", Long.toString(s.seed())),
        out.resolve("brief"),
        Scope.ALL,
        syntheticContext(advisories));
  }

  private BriefService.Request dataRequest(CommandLine cli, Store store, LocalDate today) {
    Map<String, Long> byCountry = store.status().byCountry();
    if (byCountry.isEmpty()) {
      throw HarmattanException.userInput(
          ProblemCode.NO_DATA, "no events could be read from " + data + "; see the messages above");
    }
    String iso3 =
        country != null
            ? BriefOptions.iso3(cli, country)
            : byCountry.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow();
    Coverage cov =
        store
            .analytics()
            .coverage(
                EventFilter.of(iso3, Period.upTo(today)).withSources(Set.of(SourceSystem.ACLED)));
    if (cov.first() == null) {
      throw HarmattanException.userInput(
          ProblemCode.NO_DATA, "the files in " + data + " hold no ACLED events for " + iso3);
    }
    int y = year != null ? year : lastFullYear(cov);
    Period period = new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    Period comparison = cov.first().getYear() < y ? period.inYear(y - 1) : null;
    return new BriefService.Request(
        iso3,
        period,
        comparison,
        Set.of(SourceSystem.ACLED),
        false,
        "",
        out.resolve("brief"),
        Scope.ALL,
        context.context());
  }

  /**
   * The user's context options, with the scenario's own road graph unless --roads names one, and
   * the scenario's advisory snapshots after the user's.
   */
  private BriefService.Context syntheticContext(List<Path> scenarioAdvisories) {
    BriefService.Context c = context.context();
    List<Path> advisories = new ArrayList<>(c.advisories());
    advisories.addAll(scenarioAdvisories);
    return new BriefService.Context(
            c.profiles(),
            c.roads() != null ? c.roads() : out.resolve("data").resolve("roads"),
            c.timeline(),
            advisories)
        .withNarrative(c.narrative());
  }

  private static void printHumanitarian(PrintWriter console, Path p, HumanitarianIngestReport r) {
    console.printf(
        Locale.ROOT,
        "Ingested %s (%s): %,d rows, %,d inserted, %,d quarantined%n",
        p.getFileName(),
        r.dataset(),
        r.rowsRead(),
        r.inserted(),
        r.quarantined());
  }

  /** The latest calendar year the data covers to at least its last month. */
  private static int lastFullYear(Coverage cov) {
    int y = cov.last().getYear();
    return cov.last().getMonthValue() == 12 || cov.first().getYear() == y ? y : y - 1;
  }

  private static List<Path> listFiles(CommandLine cli, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(cli, "--data " + dir + " is not a folder");
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.(csv|tsv|txt)"))
          .sorted()
          .toList();
    }
  }
}

package org.harmattan.app;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.harmattan.engine.Store;
import org.harmattan.ingest.acled.api.AcledApiClient;
import org.harmattan.ingest.acled.api.AcledCredentials;
import org.harmattan.service.StoreWork;
import org.harmattan.service.Stores;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.sync.AcledSync;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmattan sync acled COUNTRY…}: reads what changed in ACLED's live API into the store. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = "Read what changed in a live source into the store.",
    subcommands = {SyncCommand.Acled.class})
final class SyncCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a source: sync acled");
  }

  @Command(
      name = "acled",
      mixinStandardHelpOptions = true,
      description = {
        "Read ACLED's API (OAuth; ACLED_USERNAME and ACLED_PASSWORD, or an owner-only"
            + " credentials file): the events of each country changed since the store's latest,"
            + " all of them for a country the store does not hold, and the events ACLED withdrew"
            + " since the last sync.",
        "The rows read are kept as ACLED-layout CSV files in --folder and ingested as any export;"
            + " running it again asks only for what changed and changes nothing more."
      })
  static final class Acled implements Callable<Integer> {
    @Mixin StoreOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        arity = "1..*",
        paramLabel = "COUNTRY",
        description = "Countries, by ISO3 code (MLI) or name.")
    List<String> countries = new ArrayList<>();

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description =
            "First event date of a country the store holds nothing of (default 1997-01-01).")
    String from;

    @Option(
        names = "--folder",
        paramLabel = "DIR",
        description = "Where the rows read are kept (default: acled-sync beside the store).")
    Path folder;

    @Option(
        names = "--credentials",
        paramLabel = "FILE",
        description =
            "Credentials file (username=, password=; chmod 600), read when ACLED_USERNAME and"
                + " ACLED_PASSWORD are not set (default ~/.harmattan/acled.properties).")
    Path credentials;

    @Option(
        names = "--api",
        paramLabel = "URL",
        description = "The API's address (default https://acleddata.com).")
    URI api;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      LocalDate first =
          from == null ? AcledSync.ACLED_START : BriefOptions.date(cli, "--from", from);
      Path storePath = options.storePath();
      Path dir = folder != null ? folder : storePath.toAbsolutePath().resolveSibling("acled-sync");
      Clock clock = Clock.systemUTC();
      AcledCredentials who =
          AcledCredentials.resolve(
              System.getenv(),
              credentials != null ? credentials : AcledSync.defaultCredentialsFile());
      AcledApiClient client =
          new AcledApiClient(
              api != null ? api : AcledApiClient.ACLED,
              who,
              AcledApiClient.Settings.defaults(),
              clock,
              AcledApiClient.Sleeper.system());
      AcledSync.Report report;
      try (Store store = Stores.open(options.config())) {
        report = AcledSync.sync(StoreWork.of(store), client, countries, first, dir, clock);
      }
      PrintWriter out = cli.getOut();
      if (options.json) {
        out.println(Json.write(toMap(report)));
        return 0;
      }
      for (AcledSync.CountryResult c : report.countries()) {
        out.printf(
            Locale.ROOT,
            "%s  %s: %d rows in %d pages%s%n",
            c.iso3(),
            c.changedAfter().map(t -> "changed after " + t).orElse("full read from " + first),
            c.read().rows(),
            c.read().pages(),
            c.ingest()
                .map(o -> " -> " + o.toMap().get("path") + " " + counts(o))
                .orElse(" (nothing new)"));
      }
      out.printf(
          Locale.ROOT,
          "withdrawals since %s: %d read, %d withdrawn now, %d already, %d of events not held%n",
          report.deletionsSince(),
          report.deletionsRead(),
          report.withdrawals().withdrawn(),
          report.withdrawals().alreadyWithdrawn(),
          report.withdrawals().notHeld());
      return 0;
    }

    private static String counts(FileOutcome o) {
      Map<String, Object> m = o.toMap();
      return String.format(
          Locale.ROOT,
          "(%s inserted, %s updated, %s unchanged, %s quarantined)",
          m.get("inserted"),
          m.get("updated"),
          m.get("unchanged"),
          m.get("quarantined"));
    }

    static Map<String, Object> toMap(AcledSync.Report r) {
      Map<String, Object> m = new LinkedHashMap<>();
      List<Map<String, Object>> countries = new ArrayList<>();
      for (AcledSync.CountryResult c : r.countries()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("country", c.iso3());
        o.put("changedAfter", c.changedAfter().map(Object::toString).orElse(null));
        o.put("rows", c.read().rows());
        o.put("pages", c.read().pages());
        o.put("requests", c.read().requests());
        o.put("retries", c.read().retries());
        o.put("ingest", c.ingest().map(FileOutcome::toMap).orElse(null));
        countries.add(o);
      }
      m.put("countries", countries);
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("since", r.deletionsSince().toString());
      w.put("read", r.deletionsRead());
      w.put("withdrawn", r.withdrawals().withdrawn());
      w.put("alreadyWithdrawn", r.withdrawals().alreadyWithdrawn());
      w.put("notHeld", r.withdrawals().notHeld());
      w.put("outdated", r.withdrawals().outdated());
      m.put("withdrawals", w);
      return m;
    }
  }
}

package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.service.actors.ActorNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harmattan actors}: the raw actor names in the store and their canonical actors. */
@Command(
    name = "actors",
    mixinStandardHelpOptions = true,
    description = {
      "List the raw actor names of the stored events, most frequent first, with the canonical"
          + " actor each matches in the actor registry.",
      "With --unmatched, list only the names that match nothing: the gaps to fill with a"
          + " --registry file."
    })
final class ActorsCommand implements Callable<Integer> {
  @Mixin StoreOptions options;

  @Option(names = "--unmatched", description = "Only the names that match no canonical actor.")
  boolean unmatched;

  @Option(
      names = "--country",
      paramLabel = "ISO3",
      description = "Only events in this country (ISO3 code, e.g. MLI).")
  String country;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First event date, yyyy-MM-dd (default: all time).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last event date, yyyy-MM-dd (default: today).")
  LocalDate to;

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Extra actor registry YAML files, read after the shipped one, that add actors or"
              + " aliases.")
  List<Path> registryFiles = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    EventFilter filter = EventFilter.of(country(), period());
    ActorRegistry registry =
        registryFiles.isEmpty() ? ActorRegistry.shipped() : ActorRegistry.load(registryFiles);
    List<ActorNames.Row> all;
    try (Store store = options.openReadOnly()) {
      all = ActorNames.list(store.analytics(), registry, filter, false);
    }
    List<ActorNames.Row> rows =
        unmatched ? all.stream().filter(r -> r.match() == null).toList() : all;
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(Json.write(ActorNames.toMap(rows)));
      return 0;
    }
    printText(out, all.size(), rows, filter);
    return 0;
  }

  private void printText(
      PrintWriter out, int total, List<ActorNames.Row> rows, EventFilter filter) {
    if (total == 0) {
      out.printf(
          Locale.ROOT, "no events in the store %s for %s%n", options.storePath(), describe(filter));
      return;
    }
    if (unmatched) {
      out.printf(
          Locale.ROOT,
          "%,d of %,d raw actor names match no canonical actor (%s):%n",
          rows.size(),
          total,
          describe(filter));
    } else {
      long matched = rows.stream().filter(r -> r.match() != null).count();
      out.printf(
          Locale.ROOT,
          "%,d raw actor names, %,d matched to a canonical actor (%s):%n",
          total,
          matched,
          describe(filter));
    }
    out.printf(Locale.ROOT, "%8s  %-60s  %s%n", "events", "raw name", "canonical actor");
    for (ActorNames.Row r : rows) {
      String match =
          r.match() == null
              ? "-"
              : r.match().actor().id()
                  + " ("
                  + r.match().kind().name().toLowerCase(Locale.ROOT)
                  + ")";
      out.printf(
          Locale.ROOT,
          "%,8d  %-60s  %s%n",
          r.name().events(),
          Terminal.escape(r.name().name()),
          match);
    }
  }

  private static String describe(EventFilter filter) {
    return (filter.countryIso3() == null ? "all countries" : filter.countryIso3())
        + ", "
        + filter.period();
  }

  private String country() {
    if (country == null) {
      return null;
    }
    String c = country.strip().toUpperCase(Locale.ROOT);
    if (!c.matches("[A-Z]{3}")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--country '" + country + "' is not an ISO3 country code (expected e.g. MLI)");
    }
    return c;
  }

  private Period period() {
    LocalDate start = from != null ? from : Period.EARLIEST;
    LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
    if (end.isBefore(start)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--to " + end + " is before --from " + start + " (expected --from on or before --to)");
    }
    return new Period(start, end);
  }
}

package org.harmattan.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harmattan.engine.Store;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.service.store.StoreViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harmattan quarantine}: the rows kept aside, with what is wrong with each. */
@Command(
    name = "quarantine",
    mixinStandardHelpOptions = true,
    description = "List quarantined rows: file, line, problems and the raw text as read.")
final class QuarantineCommand implements Callable<Integer> {
  @Mixin StoreOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Show at most N rows (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit must be at least 1, was " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<RejectedRow> rows;
    try (Store store = options.openReadOnly()) {
      if (options.json) {
        out.println(Json.write(StoreViews.quarantine(store, limit)));
        return 0;
      }
      rows = store.listQuarantine(limit);
    }
    if (rows.isEmpty()) {
      out.println("The quarantine is empty.");
      return 0;
    }
    for (RejectedRow r : rows) {
      out.printf(Locale.ROOT, "%s%n", Terminal.escape(r.message()));
      String raw = r.raw().length() > 300 ? r.raw().substring(0, 297) + "..." : r.raw();
      // A row over several lines is shown on several lines; each line's own text is escaped.
      out.printf(
          Locale.ROOT, "    raw: %s%n", String.join("\n         ", Terminal.escapeLines(raw)));
    }
    out.printf(Locale.ROOT, "%d rows shown.%n", rows.size());
    return 0;
  }
}

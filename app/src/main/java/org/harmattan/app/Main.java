package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.harmattan.domain.error.HarmattanException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code harmattan} command. */
@Command(
    name = "harmattan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Crisis monitoring and early warning from conflict-event and humanitarian data.",
    subcommands = {
      IngestCommand.class,
      StatusCommand.class,
      QuarantineCommand.class,
      BriefCommand.class,
      CheckClaimsCommand.class,
      CaseFileCommand.class,
      DemoCommand.class,
      ActorsCommand.class,
      AdvisoriesCommand.class,
      ServeCommand.class,
      ForecastCommand.class,
      UsersCommand.class,
      AlertsCommand.class,
      WatchCommand.class,
      SyncCommand.class
    })
public final class Main implements Runnable {

  /** Exit code for a failed file or bad source data. */
  static final int EXIT_SOURCE_DATA = 1;

  /** Exit code for a usage error (picocli's convention). */
  static final int EXIT_USAGE = 2;

  /** Exit code when a resource such as the store is unavailable (sysexits EX_TEMPFAIL). */
  static final int EXIT_UNAVAILABLE = 75;

  /** Exit code for a bug (sysexits EX_SOFTWARE). */
  static final int EXIT_INTERNAL = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required: demo, ingest, status, quarantine, brief, check-claims, actors,"
            + " advisories, serve or users");
  }

  /** The level of the Log4j API's simple logger, through which POI and PDFBox log. */
  static final String LIBRARY_LOG_LEVEL = "org.apache.logging.log4j.simplelog.level";

  public static void main(String[] args) {
    // Apache POI and PDFBox log through the Log4j API; without a Log4j backend on the class path
    // it would warn on every run. Its simple logger is turned off: it printed POI's complaints
    // with a stack trace (a workbook whose document properties are damaged, though its sheets are
    // read), and Harmattan reports what goes wrong with a file itself.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty(
          "log4j2.loggerContextFactory",
          "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
    if (System.getProperty(LIBRARY_LOG_LEVEL) == null) {
      System.setProperty(LIBRARY_LOG_LEVEL, "OFF");
    }
    System.exit(run(args, stdout(), stderr()));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("harmattan: " + Terminal.escape(ex.getMessage()));
          err.println("Try '" + ex.getCommandLine().getCommandName() + " --help'.");
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof HarmattanException h) {
            // Messages may quote a file's text (its first line, a value): escaped for the terminal,
            // line by line, so that a message listing several problems keeps its lines.
            err.println("harmattan: " + String.join("\n", Terminal.escapeLines(h.getMessage())));
            err.flush();
            return exitCode(h);
          }
          err.println(
              "harmattan: internal error, please report it: "
                  + ex.getClass().getName()
                  + ": "
                  + Terminal.escape(ex.getMessage()));
          err.flush();
          return EXIT_INTERNAL;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (RuntimeException | Error e) {
      // Picocli hands exceptions to the handler above; errors such as a broken installation
      // (a class missing from the jar) arrive here. One line, never a stack trace.
      err.println(
          "harmattan: internal error, please report it: "
              + e.getClass().getName()
              + ": "
              + Terminal.escape(e.getMessage()));
      err.flush();
      code = EXIT_INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }

  static int exitCode(HarmattanException e) {
    return switch (e.category()) {
      case USER_INPUT -> EXIT_USAGE;
      case SOURCE_DATA -> EXIT_SOURCE_DATA;
      case UNAVAILABLE -> EXIT_UNAVAILABLE;
      case INTERNAL -> EXIT_INTERNAL;
    };
  }

  @SuppressForbidden(reason = "the entry point hands the console to the commands")
  private static PrintWriter stdout() {
    return new PrintWriter(System.out, true, StandardCharsets.UTF_8);
  }

  @SuppressForbidden(reason = "the entry point hands the console to the commands")
  private static PrintWriter stderr() {
    return new PrintWriter(System.err, true, StandardCharsets.UTF_8);
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"harmattan " + (v == null ? "development build" : v)};
    }
  }
}

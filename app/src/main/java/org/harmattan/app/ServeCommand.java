package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.HarmattanServer;
import org.harmattan.service.Stores;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.watch.WatchConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code harmattan serve}: the REST API over a store, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the store over HTTP: the REST API under /api/v1 (OpenAPI at /api/openapi.json, docs"
          + " at /api/docs). Every call needs an API token (harmattan users add) except"
          + " /api/v1/health. Ctrl-C or SIGTERM stops it after the requests in flight.",
      "Example: harmattan serve --store store.duckdb --port 8080"
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin StoreOptions options;
  @Mixin ContextOptions context;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it"
              + " to the network).")
  String bind;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where briefs and uploads are kept (default: beside the store, STORE.server).")
  Path data;

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description = "Extra actor registry files (YAML) to add to the shipped Sahel registry.")
  List<Path> registries = new ArrayList<>();

  @Option(
      names = "--anonymous",
      paramLabel = "ROLE",
      description =
          "Let visitors without an account use the dashboard and API with this role, e.g. viewer"
              + " (a wall display or kiosk); default: every call needs an account.")
  String anonymous;

  @Option(
      names = "--watch",
      paramLabel = "CONFIG",
      description =
          "Run the jobs of this watch configuration beside the server (see harmattan watch); its"
              + " jobs and rule files are then served under /api/v1/watch and"
              + " /api/v1/alerts/rules.")
  Path watch;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port " + port + " is not a port (expected 0 to 65535)");
    }
    Role anonymousRole = anonymousRole(spec.commandLine(), anonymous);
    Path store = options.storePath();
    Path dataDir = data != null ? data : store.resolveSibling(store.getFileName() + ".server");
    PrintWriter out = spec.commandLine().getOut();
    return serve(
        options.config(),
        new HarmattanServer.Settings(
            bind,
            port,
            dataDir,
            ActorRegistry.load(registries),
            context.context(),
            false,
            anonymousRole,
            watch == null ? null : WatchConfig.read(watch, context.context().profiles())),
        null,
        out);
  }

  /** The role named by {@code --anonymous}, or null when the option is absent. */
  static Role anonymousRole(CommandLine cli, String word) {
    if (word == null) {
      return null;
    }
    return Role.find(word)
        .filter(r -> r != Role.ADMIN)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    cli,
                    "--anonymous '"
                        + word
                        + "' is not a role visitors may have (expected viewer or analyst)"));
  }

  /**
   * Serves {@code storePath} until the process is told to stop; shared with {@code demo}.
   *
   * @param view the view whose dashboard address to print, its figures computed ahead (the demo's
   *     brief), or null for the dashboard's root (the server's opening view)
   */
  static int serve(
      Stores.Config config,
      HarmattanServer.Settings settings,
      BriefService.Request view,
      PrintWriter out)
      throws InterruptedException {
    Path storePath = config.location();
    Store store = Stores.open(config);
    HarmattanServer server;
    try {
      server = HarmattanServer.start(store, settings);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  store.close();
                  stopped.countDown();
                },
                "harmattan-stop"));
    String base = "http://" + settings.bind() + ":" + server.port();
    if (view != null) {
      server.computeAhead(
          view.countryIso3(),
          view.period(),
          view.comparison() == null ? null : view.comparison().from().getYear());
    }
    out.println("Harmattan dashboard on " + base + address(view) + " (store " + storePath + ")");
    out.println(
        "  "
            + (settings.anonymous() == null
                ? "sign in with an account (harmattan users add NAME --role viewer)"
                : "open to visitors without an account as " + settings.anonymous().word() + "s"));
    out.println("  API " + base + "/api/v1, docs " + base + "/api/docs");
    out.println("  Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }

  /** The dashboard's address of {@code view}, from the server's root ("/" for none). */
  static String address(BriefService.Request view) {
    if (view == null) {
      return "/";
    }
    StringBuilder b =
        new StringBuilder("/?country=")
            .append(view.countryIso3())
            .append("&from=")
            .append(view.period().from())
            .append("&to=")
            .append(view.period().to());
    if (view.comparison() != null) {
      b.append("&compare=").append(view.comparison().from().getYear());
    }
    return b.toString();
  }
}

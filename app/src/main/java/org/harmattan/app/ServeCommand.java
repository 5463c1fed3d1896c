package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.engine.Store;
import org.harmattan.server.HarmattanServer;
import org.harmattan.service.Stores;
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

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port " + port + " is not a port (expected 0 to 65535)");
    }
    Path store = options.storePath();
    Path dataDir = data != null ? data : store.resolveSibling(store.getFileName() + ".server");
    PrintWriter out = spec.commandLine().getOut();
    return serve(
        store,
        new HarmattanServer.Settings(
            bind, port, dataDir, ActorRegistry.load(registries), context.context(), false),
        out);
  }

  /** Serves {@code storePath} until the process is told to stop; shared with {@code demo}. */
  static int serve(Path storePath, HarmattanServer.Settings settings, PrintWriter out)
      throws InterruptedException {
    Store store = Stores.open(storePath);
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
    out.println("Harmattan API on " + base + "/api/v1 (store " + storePath + ")");
    out.println("  docs " + base + "/api/docs, health " + base + "/api/v1/health");
    out.println("  Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}

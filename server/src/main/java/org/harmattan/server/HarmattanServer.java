package org.harmattan.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.api.Api;
import org.harmattan.server.api.ApiRoute;
import org.harmattan.server.api.Routes;
import org.harmattan.server.api.StoreAccess;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Json;
import org.harmattan.server.http.Problems;
import org.harmattan.server.openapi.OpenApiDocument;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.watch.WatchConfig;
import org.harmattan.service.watch.WatchJournal;
import org.harmattan.service.watch.Watcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code harmattan serve}: the API over one store. Requests in flight finish on {@link #close()}
 * (up to {@link #STOP_TIMEOUT_MS}); new ones are refused meanwhile.
 */
public final class HarmattanServer implements AutoCloseable {
  /** The longest wait for requests in flight when stopping. */
  public static final long STOP_TIMEOUT_MS = 30_000;

  /** The largest request body accepted (uploads included). */
  public static final long MAX_BODY_BYTES = 512L * 1024 * 1024;

  /** The largest refused JSON or YAML body read to its end before the refusal is sent. */
  private static final long DRAINED_BODY_BYTES = 16L * 1024 * 1024;

  /** The largest JSON or YAML body accepted. */
  public static final long MAX_JSON_BODY_BYTES = 1024L * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(HarmattanServer.class);
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * How to serve.
   *
   * @param bind the address to listen on (127.0.0.1 unless the user opens it up)
   * @param port the port, or 0 for any free one
   * @param dataDir where briefs and uploads are kept
   * @param registry the actor registry
   * @param context the reference inputs of briefs (profiles, roads, advisories)
   * @param synthetic whether the store holds a synthetic scenario
   * @param anonymous the role of visitors without credentials (a wall display, a kiosk), or null
   *     when every request needs credentials
   * @param watch a watch to run beside the server (its jobs write through the server's lock), or
   *     null
   */
  public record Settings(
      String bind,
      int port,
      Path dataDir,
      ActorRegistry registry,
      BriefService.Context context,
      boolean synthetic,
      Role anonymous,
      WatchConfig watch) {
    public Settings {
      requireNonNull(bind, "bind");
      requireNonNull(dataDir, "dataDir");
      requireNonNull(registry, "registry");
      requireNonNull(context, "context");
    }

    /** Settings without a watch. */
    public Settings(
        String bind,
        int port,
        Path dataDir,
        ActorRegistry registry,
        BriefService.Context context,
        boolean synthetic,
        Role anonymous) {
      this(bind, port, dataDir, registry, context, synthetic, anonymous, null);
    }
  }

  private final Javalin app;
  private final Routes routes;
  private final String openApi;
  private final AtomicInteger inFlight;
  private Watching watching;

  /** A watch running on its own thread beside the server, and the journal it holds. */
  private record Watching(Watcher watcher, Thread thread, WatchJournal journal) {}

  private HarmattanServer(Javalin app, Routes routes, String openApi, AtomicInteger inFlight) {
    this.app = app;
    this.routes = routes;
    this.openApi = openApi;
    this.inFlight = inFlight;
  }

  /** Starts serving {@code store}; the caller keeps the store and closes it after the server. */
  public static HarmattanServer start(Store store, Settings settings) {
    Api api =
        new Api(
            store,
            settings.registry(),
            settings.context(),
            settings.dataDir(),
            Clock.systemUTC(),
            settings.synthetic(),
            settings.anonymous(),
            settings.watch());
    Routes routes = new Routes(api);
    String openApi = Json.write(OpenApiDocument.of(routes.all(), version()));
    String docs = resource("docs.html");
    String dashboard = resource("dashboard/index.html");
    String docsScript = resource("docs.js");
    AtomicInteger inFlight = new AtomicInteger();
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.http.maxRequestSize = MAX_BODY_BYTES;
              cfg.http.prefer405over404 = true;
              // Bodies are compressed where it pays and once (the figures, per store version),
              // not on every response.
              cfg.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
              cfg.jetty.host = settings.bind();
              cfg.jetty.port = settings.port();
              cfg.jetty.multipartConfig.cacheDirectory(
                  settings.dataDir().resolve("uploads").toString());
              cfg.jetty.multipartConfig.maxFileSize(
                  MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxTotalRequestSize(
                  MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
              cfg.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(STOP_TIMEOUT_MS);
                    server.setStopAtShutdown(false);
                    // Counts a request until its response is written out, so stopping waits
                    // for the last byte and refuses new requests meanwhile. Javalin puts its
                    // servlet handler inside this wrapper.
                    server.setHandler(new GracefulHandler());
                  });
              // The dashboard and its pinned front-end packages (webjars from Maven Central).
              cfg.staticFiles.add(
                  s -> {
                    s.hostedPath = "/assets";
                    s.directory = "/org/harmattan/server/dashboard";
                    s.location = Location.CLASSPATH;
                  });
              cfg.staticFiles.add(
                  s -> {
                    s.hostedPath = "/assets/leaflet";
                    s.directory = "/META-INF/resources/webjars/leaflet/1.9.4";
                    s.location = Location.CLASSPATH;
                  });
              cfg.staticFiles.add(
                  s -> {
                    s.hostedPath = "/assets/markercluster";
                    s.directory = "/META-INF/resources/webjars/leaflet-markercluster/1.4.1";
                    s.location = Location.CLASSPATH;
                  });
              cfg.staticFiles.add(
                  s -> {
                    s.hostedPath = "/api/docs/assets";
                    s.directory = "/META-INF/resources/webjars/swagger-ui/5.34.1";
                    s.location = Location.CLASSPATH;
                  });
              cfg.routes.before(
                  ctx -> {
                    inFlight.incrementAndGet();
                    secure(ctx);
                  });
              cfg.routes.after(ctx -> inFlight.decrementAndGet());
              cfg.routes.exception(ApiProblem.class, (e, ctx) -> Problems.write(ctx, e));
              cfg.routes.exception(
                  HarmattanException.class, (e, ctx) -> Problems.write(ctx, Problems.of(e)));
              cfg.routes.exception(
                  Exception.class, (e, ctx) -> Problems.write(ctx, Problems.internal(e)));
              cfg.routes.error(
                  404,
                  ctx -> {
                    String type = ctx.res().getContentType();
                    if (type == null || !type.startsWith(Problems.MEDIA_TYPE)) {
                      Problems.write(
                          ctx, ApiProblem.notFound("nothing is served at " + ctx.path()));
                    }
                  });
              cfg.routes.error(
                  405,
                  ctx ->
                      Problems.write(
                          ctx,
                          new ApiProblem(
                              405,
                              ProblemCode.METHOD_NOT_ALLOWED,
                              ctx.method().name() + " is not allowed on " + ctx.path())));
              cfg.routes.error(
                  413,
                  ctx ->
                      Problems.write(
                          ctx,
                          new ApiProblem(
                              413,
                              ProblemCode.BODY_TOO_LARGE,
                              "the request body is over " + MAX_BODY_BYTES + " bytes")));
              for (ApiRoute r : routes.all()) {
                cfg.routes.addHttpHandler(r.method(), r.path(), routes.guarded(r));
              }
              cfg.routes.get(
                  "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
              cfg.routes.get("/api/docs", ctx -> ctx.html(docs));
              cfg.routes.get("/", ctx -> ctx.html(dashboard));
              cfg.routes.get(
                  "/api/docs/init.js",
                  ctx -> ctx.contentType("text/javascript").result(docsScript));
            });
    try {
      app.start();
    } catch (io.javalin.util.JavalinBindException e) {
      routes.close();
      throw HarmattanException.userInput(
          ProblemCode.PORT_IN_USE,
          "cannot listen on "
              + settings.bind()
              + ":"
              + settings.port()
              + " (another program uses it, or the address is not this machine's); choose"
              + " another with --port N, or --port 0 for any free port");
    }
    LOG.info("Harmattan API on http://{}:{}/api/v1", settings.bind(), app.port());
    HarmattanServer server = new HarmattanServer(app, routes, openApi, inFlight);
    routes.start();
    if (settings.watch() != null) {
      try {
        server.watching = watch(settings.watch(), api.store());
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
    return server;
  }

  /**
   * Starts the watch on its own thread; its jobs reach the store through the server's lock, so a
   * job's writes never run beside a request's.
   */
  private static Watching watch(WatchConfig config, StoreAccess store) {
    WatchJournal journal = WatchJournal.open(config.journal());
    Watcher watcher =
        new Watcher(
            config.jobs(),
            store,
            Clock.systemUTC(),
            Watcher.Waiter.system(),
            config.retry(),
            journal,
            run ->
                LOG.info(
                    "watch job {}: {} {}", run.job(), run.ok() ? "ok" : "FAILED", run.summary()));
    Thread thread =
        new Thread(
            () -> {
              try {
                watcher.runUntilStopped();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "harmattan-watch");
    thread.setDaemon(true);
    thread.start();
    return new Watching(watcher, thread, journal);
  }

  /**
   * Computes the figures of the dashboard view of {@code country} over {@code period}, against the
   * same months of {@code compareYear} (or null), in the background now and after every write, as
   * the opening views are: for a view the caller announces, so that its first visitor does not
   * wait.
   */
  public void computeAhead(String country, Period period, Integer compareYear) {
    routes.computeAhead(country, period, compareYear);
  }

  /** Whether a request is being answered now. */
  public boolean requestsInFlight() {
    return inFlight.get() > 0;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Every route of the API, as registered. */
  public List<ApiRoute> routes() {
    return new ArrayList<>(routes.all());
  }

  /** The OpenAPI document served at {@code /api/openapi.json}. */
  public String openApi() {
    return openApi;
  }

  /** Stops accepting requests, lets those in flight finish, then stops. */
  @Override
  public void close() {
    Watching w = watching;
    if (w != null) {
      // The job in flight ends before the store is left to its owner to close.
      w.watcher().stop();
      try {
        w.thread().join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      w.journal().close();
      watching = null;
    }
    app.stop();
    routes.close();
  }

  private static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (ctx.path().startsWith("/api/v1")) {
      ctx.header("Cache-Control", "no-store");
    }
    String type = ctx.contentType();
    boolean textBody =
        type != null
            && (type.startsWith("application/json") || type.startsWith("application/yaml"));
    if (textBody && ctx.contentLength() > MAX_JSON_BODY_BYTES) {
      // A body left unread makes the server close the connection, and a client still sending
      // it may then lose the answer in the reset: a body of modest size is read and dropped
      // first, so that the client reads why it was refused.
      if (ctx.contentLength() <= DRAINED_BODY_BYTES) {
        try {
          ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
          // The client went away: nobody is left to answer.
        }
      }
      throw new ApiProblem(
          413,
          ProblemCode.BODY_TOO_LARGE,
          "a JSON or YAML body may have at most " + MAX_JSON_BODY_BYTES + " bytes",
          "body",
          "at most " + MAX_JSON_BODY_BYTES + " bytes");
    }
  }

  private static String version() {
    String v = HarmattanServer.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  private static String resource(String name) {
    try (InputStream in = HarmattanServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the server jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(name + " cannot be read", e);
    }
  }
}

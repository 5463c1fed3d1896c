package org.harmattan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.model.Brief;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.ingest.IngestReport;
import org.harmattan.server.HarmattanServer;
import org.harmattan.service.Stores;
import org.harmattan.service.accounts.AccountService;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.brief.Scopes;

/**
 * The API under load: an in-process server on a loopback port over a large store, and a load
 * generator of {@code CLIENTS} concurrent clients mixing figure queries, filtered event pages,
 * GeoJSON and two references (the health endpoint and a static problem-type page) of the same
 * server, all in the same run. Each kind's p95 is reported against the health endpoint's.
 *
 * <p>The store is the 2022 ACLED sample scaled up by {@link ScaledAcled}. The clients run a closed
 * loop: each sends its next request as soon as the previous one has answered (no think time), over
 * a kept-alive HTTP/1.1 connection; a latency runs from sending the request to the last byte of the
 * body. The run stops at a request count or a time limit, whichever comes first. The load generator
 * runs in the server's JVM and shares its cores, as a client on the same machine would.
 *
 * <p>Before the load: the first request of each kind is timed alone (the first figure query of a
 * window computes the brief, which is then kept until the next ingest), and the figure {@code
 * events.total} of the API is checked against {@link BriefService#assemble} over the same store.
 */
public final class ServerBenchmark {
  private static final double GOAL_P95_MS = 50;
  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 5;
  private static final int IDLE_RUNS = 10;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final String ANALYST = "bench-analyst";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The country-years asked about: years the scaled store holds from copies 4, 3 and 1. */
  private static final List<Window> WINDOWS =
      List.of(
          new Window("MLI", 2018, 2017),
          new Window("BFA", 2019, 2018),
          new Window("NGA", 2021, 2020));

  private ServerBenchmark() {}

  /** A country-year and the year its figures are compared with. */
  private record Window(String iso3, int year, int compareYear) {
    Period period() {
      return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    Period comparison() {
      return period().inYear(compareYear);
    }

    String query() {
      return "country=" + iso3 + "&from=" + year + "-01-01&to=" + year + "-12-31";
    }

    String figures() {
      return "/api/v1/figures?" + query() + "&compare=" + compareYear;
    }

    String eventPage(int page) {
      return "/api/v1/events?"
          + query()
          + "&eventType="
          + EventType.BATTLES.label()
          + "&limit="
          + PAGE_SIZE
          + "&page="
          + page;
    }

    String label() {
      return iso3 + " " + year;
    }
  }

  /** Latencies and outcomes of one kind of request, or of one target within a kind. */
  private static final class Recorder {
    final long[] nanos;
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();

    Recorder(long capacity) {
      nanos = new long[(int) Math.min(capacity, Integer.MAX_VALUE - 8)];
    }

    void record(long latencyNanos, long size, String error) {
      int i = count.getAndIncrement();
      if (i < nanos.length) {
        nanos[i] = latencyNanos;
      }
      bytes.addAndGet(size);
      if (error != null) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, error);
      }
    }

    /** Adds what {@code other} recorded (after the load, when nothing records any more). */
    void addAll(Recorder other) {
      int n = Math.min(other.count.get(), other.nanos.length);
      for (int i = 0; i < n; i++) {
        int j = count.getAndIncrement();
        if (j < nanos.length) {
          nanos[j] = other.nanos[i];
        }
      }
      errors.addAndGet(other.errors.get());
      bytes.addAndGet(other.bytes.get());
    }

    /** The recorded latencies in milliseconds, sorted. */
    double[] sortedMillis() {
      int n = Math.min(count.get(), nanos.length);
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        ms[i] = nanos[i] / 1e6;
      }
      Arrays.sort(ms);
      return ms;
    }
  }

  /** One address of a kind, e.g. the figures of Mali 2018. */
  private record Target(String label, String path) {}

  /** A kind of request: its share of the mix, its addresses, and whether the server serves it. */
  private static final class Kind {
    final String name;
    final int weight;
    final List<Target> targets;
    final boolean perTargetRows;
    Recorder recorder;
    List<Recorder> targetRecorders = List.of();
    String unavailable;

    Kind(String name, int weight, List<Target> targets, boolean perTargetRows) {
      this.name = name;
      this.weight = weight;
      this.targets = targets;
      this.perTargetRows = perTargetRows;
    }

    boolean available() {
      return unavailable == null;
    }
  }

  /** What one load phase did. */
  private record Phase(long requests, double seconds, boolean timeLimitHit, boolean clientsStuck) {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_500_000L;
    Path data = args.length > 1 ? Path.of(args[1]) : Path.of("../shared/data");
    long requests = args.length > 2 ? Long.parseLong(args[2]) : 20_000L;
    Duration limit = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 120L);
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    Path sample = ScaledAcled.sampleOrExit(data);
    Path work = Files.createTempDirectory("harmattan-server-bench");
    int rc;
    try {
      rc = run(rows, sample, requests, limit, clients, work);
    } finally {
      BenchSupport.deleteTree(work);
    }
    if (rc != 0) {
      System.exit(rc);
    }
  }

  private static int run(
      long rows, Path sample, long requests, Duration limit, int clients, Path work)
      throws Exception {
    Path csv = work.resolve("acled-scaled.csv");
    int sampleRows = ScaledAcled.write(sample, csv, rows);
    System.out.println(ScaledAcled.describe(rows, sampleRows));
    Path storeFile = work.resolve("store.duckdb");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long t0 = System.nanoTime();
    IngestReport report = ScaledAcled.ingest(csv, storeFile, today);
    Files.delete(csv);
    System.out.printf(
        Locale.ROOT,
        "Ingest into a fresh store (not timed against anything): %.1f s; %,d inserted, %,d"
            + " quarantined%n",
        BenchSupport.seconds(t0),
        report.inserted(),
        report.quarantined());

    try (Store store = Stores.open(storeFile)) {
      List<Window> windows = new ArrayList<>();
      List<Target> eventPages = new ArrayList<>();
      List<Target> geoJson = new ArrayList<>();
      for (Window w : WINDOWS) {
        EventFilter all =
            EventFilter.of(w.iso3(), w.period()).withSources(Set.of(SourceSystem.ACLED));
        long events = store.analytics().coverage(all).events();
        long battles =
            store.analytics().coverage(all.withEventTypes(Set.of(EventType.BATTLES))).events();
        if (events == 0) {
          System.out.printf(
              Locale.ROOT, "Window %s: no events in this store; left out of the mix%n", w.label());
          continue;
        }
        windows.add(w);
        int pages = (int) Math.max(1, Math.min(MAX_PAGES, (battles + PAGE_SIZE - 1) / PAGE_SIZE));
        for (int p = 1; p <= pages; p++) {
          eventPages.add(new Target(w.label() + " p" + p, w.eventPage(p)));
        }
        geoJson.add(new Target(w.label(), w.eventPage(1) + "&format=geojson"));
        System.out.printf(
            Locale.ROOT,
            "Window %s against %d: %,d ACLED events, %,d Battles (event pages 1..%d of %d)%n",
            w.label(),
            w.compareYear(),
            events,
            battles,
            pages,
            PAGE_SIZE);
      }
      if (windows.isEmpty()) {
        System.err.println(
            "bench: the store holds none of the benchmark's country-years; use at least 90,000"
                + " rows so that every year 2013..2022 is present");
        return 2;
      }
      List<Target> figures = new ArrayList<>();
      for (Window w : windows) {
        figures.add(new Target(w.label() + " vs " + w.compareYear(), w.figures()));
      }
      List<Kind> kinds =
          List.of(
              new Kind("figures", 45, figures, true),
              new Kind("events page", 25, eventPages, false),
              new Kind("events GeoJSON", 15, geoJson, false),
              new Kind(
                  "health (reference)", 10, List.of(new Target("health", "/api/v1/health")), false),
              new Kind(
                  "problem type (static)",
                  5,
                  List.of(new Target("bad_parameter", "/api/problems/bad_parameter")),
                  false));

      String token =
          new AccountService(store.accounts(), Clock.systemUTC())
              .add(ANALYST, Role.ANALYST, null)
              .token();
      HarmattanServer.Settings settings =
          new HarmattanServer.Settings(
              "127.0.0.1",
              0,
              work.resolve("server-data"),
              ActorRegistry.shipped(),
              BriefService.Context.defaults(),
              false,
              null);
      try (HarmattanServer server = HarmattanServer.start(store, settings);
          Client http =
              new Client(URI.create("http://127.0.0.1:" + server.port()), token, clients)) {
        URI base = http.base;
        System.out.printf(
            Locale.ROOT,
            "Server: HarmattanServer in this JVM on %s, account %s (analyst) with a bearer"
                + " token%n",
            base,
            ANALYST);

        JsonNode firstFigures = coldRequests(http, kinds);
        boolean checked = check(store, windows.get(0), firstFigures, today);

        long warmRequests = Math.min(2_000, Math.max(2L * clients, requests / 10));
        Phase warm = load(http, kinds, clients, warmRequests, Duration.ofSeconds(60), 1L, true);
        System.out.printf(
            Locale.ROOT,
            "Warm-up: %,d requests of the mix in %.1f s with %d clients (not counted)%n",
            warm.requests(),
            warm.seconds(),
            clients);

        idle(http, kinds);

        Phase measured = load(http, kinds, clients, requests, limit, 2L, false);
        System.out.printf(
            Locale.ROOT,
            "%nLoad: %d concurrent clients, closed loop (no think time), HTTP/1.1 keep-alive,"
                + " Apache HttpClient 5 (blocking, pooled connections); stopped %s after %,d requests in %.1f s (limits:"
                + " %,d requests, %d s)%s%n",
            clients,
            measured.timeLimitHit() ? "by the time limit" : "by the request count",
            measured.requests(),
            measured.seconds(),
            requests,
            limit.toSeconds(),
            measured.clientsStuck() ? "; some clients were still waiting and were cut off" : "");
        System.out.printf(
            Locale.ROOT,
            "Mix by weight: %s%n",
            String.join(
                ", ",
                kinds.stream().filter(Kind::available).map(k -> k.name + " " + k.weight).toList()));
        table(kinds, measured);

        // The same clients asking only for figures (and health as the reference): what a
        // dashboard's readers see when nobody pages through raw events at the same time.
        List<Kind> figuresOnly =
            List.of(
                new Kind("figures", 90, figures, true),
                new Kind(
                    "health (reference)",
                    10,
                    List.of(new Target("health", "/api/v1/health")),
                    false));
        Phase alone = load(http, figuresOnly, clients, requests, limit, 3L, false);
        System.out.printf(
            Locale.ROOT,
            "%nLoad of figure queries alone: %d clients; stopped %s after %,d requests in %.1f s%n",
            clients,
            alone.timeLimitHit() ? "by the time limit" : "by the request count",
            alone.requests(),
            alone.seconds());
        table(figuresOnly, alone);
        return checked ? 0 : 1;
      }
    }
  }

  /**
   * Sends the first request of every target, one at a time, and marks the kinds the server does not
   * serve; returns the first figures response.
   */
  private static JsonNode coldRequests(Client http, List<Kind> kinds) throws IOException {
    System.out.println("\nFirst requests, one at a time on an otherwise idle server:");
    JsonNode firstFigures = null;
    for (Kind k : kinds) {
      for (Target t : k.targets) {
        long s = System.nanoTime();
        Answer r = http.get(t.path(), false, Integer.MAX_VALUE);
        double ms = (System.nanoTime() - s) / 1e6;
        if (r.status() == 404 && k.name.startsWith("events")) {
          k.unavailable =
              "not available: "
                  + path(t.path())
                  + " answers 404 (no events endpoint in this build)";
          System.out.printf(Locale.ROOT, "  %-22s %s%n", k.name, k.unavailable);
          break;
        }
        if (r.status() / 100 != 2) {
          k.unavailable = "not available: " + describe(t.path(), r.status(), r.kept());
          System.out.printf(Locale.ROOT, "  %-22s %s%n", k.name, k.unavailable);
          break;
        }
        if (k.perTargetRows || t.equals(k.targets.get(0))) {
          long s2 = System.nanoTime();
          Answer again = http.get(t.path(), false, 0);
          double ms2 = (System.nanoTime() - s2) / 1e6;
          System.out.printf(
              Locale.ROOT,
              "  %-22s %-20s first %,9.1f ms, second %,7.1f ms, %,7d KB%s%n",
              k.name,
              k.perTargetRows ? t.label() : "",
              ms,
              ms2,
              r.size() >> 10,
              again.status() / 100 == 2 ? "" : " (second: HTTP " + again.status() + ")");
        }
        if (firstFigures == null && k.name.equals("figures")) {
          firstFigures = JSON.readTree(r.kept());
        }
      }
    }
    if (firstFigures == null) {
      throw new IllegalStateException("no figures response: the figures endpoint did not answer");
    }
    System.out.println(
        "  (the first figure query of a window computes its brief; the server keeps the figures"
            + " until the next ingest)");
    return firstFigures;
  }

  /**
   * Times {@link #IDLE_RUNS} requests of the first target of every kind (every figures target), one
   * at a time after the warm-up: what a request costs when it waits for nothing.
   */
  private static void idle(Client http, List<Kind> kinds) throws IOException {
    System.out.printf(
        Locale.ROOT, "One client alone after the warm-up (median of %d requests):%n", IDLE_RUNS);
    for (Kind k : kinds) {
      if (!k.available()) {
        continue;
      }
      for (Target t : k.perTargetRows ? k.targets : k.targets.subList(0, 1)) {
        double[] ms = new double[IDLE_RUNS];
        for (int i = 0; i < IDLE_RUNS; i++) {
          long s = System.nanoTime();
          http.get(t.path(), false, 0);
          ms[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf(
            Locale.ROOT,
            "  %-22s %-20s %,9.1f ms%n",
            k.name,
            k.perTargetRows ? t.label() : "",
            BenchSupport.median(ms));
      }
    }
  }

  /** Whether the API's events.total of {@code w} equals BriefService.assemble's over the store. */
  private static boolean check(Store store, Window w, JsonNode response, LocalDate today) {
    Double api = null;
    for (JsonNode f : response.path("figures")) {
      if (f.path("id").asText().equals(FigureIds.EVENTS_TOTAL)) {
        api = f.path("value").isNumber() ? f.path("value").asDouble() : null;
      }
    }
    ActorRegistry registry = ActorRegistry.shipped();
    Scope scope =
        Scopes.resolve(
            store.analytics(), registry, w.iso3(), List.of(), List.of(), List.of(), null);
    Brief brief =
        BriefService.assemble(
            store.analytics(),
            store.observations(),
            registry,
            new BriefService.Request(
                w.iso3(),
                w.period(),
                w.comparison(),
                Set.of(SourceSystem.ACLED),
                false,
                "",
                null,
                scope,
                BriefService.Context.defaults()),
            today);
    Double direct = null;
    for (Figure f : brief.figures()) {
      if (f.id().equals(FigureIds.EVENTS_TOTAL)) {
        direct = f.value();
      }
    }
    boolean equal = api != null && api.equals(direct);
    System.out.printf(
        Locale.ROOT,
        "Check: %s of %s from the API %s, from BriefService.assemble over the same store %s:"
            + " %s%n",
        FigureIds.EVENTS_TOTAL,
        w.label(),
        api == null ? "absent" : String.format(Locale.ROOT, "%,.0f", api),
        direct == null ? "absent" : String.format(Locale.ROOT, "%,.0f", direct),
        equal ? "equal" : "FAIL: they differ");
    return equal;
  }

  /**
   * Runs {@code clients} clients until {@code requests} have been sent or {@code limit} has passed;
   * a warm-up records into throw-away recorders.
   */
  private static Phase load(
      Client http,
      List<Kind> kinds,
      int clients,
      long requests,
      Duration limit,
      long seed,
      boolean warmUp)
      throws InterruptedException {
    List<Kind> live = kinds.stream().filter(Kind::available).toList();
    for (Kind k : live) {
      k.recorder = new Recorder(requests);
      List<Recorder> rs = new ArrayList<>();
      for (int t = 0; t < k.targets.size(); t++) {
        rs.add(k.perTargetRows && !warmUp ? new Recorder(requests) : null);
      }
      k.targetRecorders = rs;
    }
    int totalWeight = live.stream().mapToInt(k -> k.weight).sum();
    AtomicLong issued = new AtomicLong();
    AtomicLong done = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    long t0 = System.nanoTime();
    long deadline = t0 + limit.toNanos();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            clients,
            r -> {
              Thread t = new Thread(r, "bench-client");
              t.setDaemon(true);
              return t;
            });
    for (int c = 0; c < clients; c++) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + c);
      pool.execute(
          () -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            while (System.nanoTime() - deadline < 0 && issued.getAndIncrement() < requests) {
              int pick = random.nextInt(totalWeight);
              int i = 0;
              while (pick >= live.get(i).weight) {
                pick -= live.get(i).weight;
                i++;
              }
              Kind kind = live.get(i);
              int ti = random.nextInt(kind.targets.size());
              Target t = kind.targets.get(ti);
              long s = System.nanoTime();
              long size = 0;
              String error = null;
              // Clients ask for gzip as browsers and curl --compressed do; the body is read to its
              // last byte and counted as sent, not kept (figure responses are large).
              try {
                Answer r = http.get(t.path(), true, 0);
                size = r.size();
                if (r.status() / 100 != 2) {
                  error = describe(t.path(), r.status(), r.kept());
                }
              } catch (IOException e) {
                error = path(t.path()) + ": " + e;
              }
              long latency = System.nanoTime() - s;
              kind.recorder.record(latency, size, error);
              Recorder byTarget = kind.targetRecorders.get(ti);
              if (byTarget != null) {
                byTarget.record(latency, size, error);
              }
              done.incrementAndGet();
            }
          });
    }
    start.countDown();
    pool.shutdown();
    boolean finished =
        pool.awaitTermination(limit.plus(REQUEST_TIMEOUT).toSeconds() + 10, TimeUnit.SECONDS);
    if (!finished) {
      pool.shutdownNow();
    }
    double seconds = BenchSupport.seconds(t0);
    return new Phase(done.get(), seconds, done.get() < requests, !finished);
  }

  private static void table(List<Kind> kinds, Phase phase) {
    double healthP95 = Double.NaN;
    for (Kind k : kinds) {
      if (k.name.startsWith("health") && k.available() && k.recorder.count.get() > 0) {
        healthP95 = percentile(k.recorder.sortedMillis(), 0.95);
      }
    }
    String header =
        String.format(
            Locale.ROOT,
            "%-30s %7s %6s %8s %8s %8s %8s %8s %8s %10s",
            "kind",
            "count",
            "errors",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "KB/resp",
            "p95/health");
    System.out.println();
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    Recorder all = new Recorder(phase.requests());
    for (Kind k : kinds) {
      if (!k.available()) {
        System.out.printf(Locale.ROOT, "%-30s %s%n", k.name, k.unavailable);
        continue;
      }
      boolean split = k.perTargetRows && k.targets.size() > 1;
      if (split) {
        for (int t = 0; t < k.targets.size(); t++) {
          row(
              "  " + k.name + " " + k.targets.get(t).label(),
              k.targetRecorders.get(t),
              phase.seconds(),
              healthP95);
        }
      }
      row(k.name + (split ? " (all)" : ""), k.recorder, phase.seconds(), healthP95);
      all.addAll(k.recorder);
    }
    System.out.println("-".repeat(header.length()));
    row("all requests", all, phase.seconds(), healthP95);
    System.out.println();
    for (Kind k : kinds) {
      if (k.available() && k.recorder.firstError.get() != null) {
        System.out.printf(
            Locale.ROOT, "First error of %s: %s%n", k.name, k.recorder.firstError.get());
      }
    }
    for (Kind k : kinds) {
      if (k.name.equals("figures") && k.recorder.count.get() > 0) {
        double p95 = percentile(k.recorder.sortedMillis(), 0.95);
        System.out.printf(
            Locale.ROOT,
            "Figure queries of a country-year: p95 %.1f ms -> %s the %.0f ms goal%n",
            p95,
            p95 < GOAL_P95_MS ? "meets" : "does NOT meet",
            GOAL_P95_MS);
      }
    }
  }

  private static void row(String name, Recorder r, double seconds, double healthP95) {
    int n = r.count.get();
    if (n == 0) {
      System.out.printf(Locale.ROOT, "%-30s %7d   (no requests in this run)%n", name, 0);
      return;
    }
    double[] ms = r.sortedMillis();
    double p95 = percentile(ms, 0.95);
    System.out.printf(
        Locale.ROOT,
        "%-30s %7d %6d %8.1f %8.1f %8.1f %8.1f %8.1f %8d %9.2fx%n",
        name,
        n,
        r.errors.get(),
        n / seconds,
        percentile(ms, 0.50),
        p95,
        percentile(ms, 0.99),
        ms[ms.length - 1],
        (r.bytes.get() / n) >> 10,
        p95 / healthP95);
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** A response: its status, the bytes of its body as sent, and the first of them kept, as text. */
  private record Answer(int status, long size, String kept) {}

  /**
   * The clients' HTTP client: Apache HttpClient 5's classic API, blocking I/O on pooled kept-alive
   * HTTP/1.1 connections, one per client (the JDK's {@code java.net.http.HttpClient}, which hands
   * every response through its own selector thread, capped this machine at about 1,500 requests a
   * second, where a bare-socket client had the health endpoint answer 13,800). Bodies are read as
   * sent: compressed when asked so.
   */
  private static final class Client implements AutoCloseable {
    final URI base;
    private final String authorization;
    private final CloseableHttpClient http;

    Client(URI base, String token, int connections) {
      this.base = base;
      this.authorization = "Bearer " + token;
      this.http =
          HttpClients.custom()
              .setConnectionManager(
                  PoolingHttpClientConnectionManagerBuilder.create()
                      .setMaxConnTotal(connections + 1)
                      .setMaxConnPerRoute(connections + 1)
                      .setDefaultConnectionConfig(
                          ConnectionConfig.custom()
                              .setConnectTimeout(Timeout.ofSeconds(10))
                              .setSocketTimeout(Timeout.of(REQUEST_TIMEOUT))
                              .build())
                      .build())
              .disableContentCompression()
              .disableAutomaticRetries()
              .disableRedirectHandling()
              .disableCookieManagement()
              .build();
    }

    /**
     * Sends a GET of {@code path} with the bearer token, asking for gzip when {@code gzip}; reads
     * the body to its last byte and keeps its first {@code keep} bytes (of an error, at least 4 KB
     * to describe it).
     */
    Answer get(String path, boolean gzip, int keep) throws IOException {
      HttpGet get = new HttpGet(base.resolve(path));
      get.setHeader("Authorization", authorization);
      if (gzip) {
        get.setHeader("Accept-Encoding", "gzip");
      }
      return http.execute(
          get,
          response -> {
            HttpEntity entity = response.getEntity();
            int limit = response.getCode() / 100 == 2 ? keep : Math.max(keep, 4096);
            long size = 0;
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            if (entity != null) {
              byte[] buffer = new byte[64 * 1024];
              try (InputStream in = entity.getContent()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  size += n;
                  int room = limit - kept.size();
                  if (room > 0) {
                    kept.write(buffer, 0, Math.min(room, n));
                  }
                }
              }
            }
            return new Answer(response.getCode(), size, kept.toString(StandardCharsets.UTF_8));
          });
    }

    @Override
    public void close() throws IOException {
      http.close();
    }
  }

  /** A non-2xx answer in one line: path, status and the problem's detail when there is one. */
  private static String describe(String path, int status, String body) {
    String detail = body;
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.hasNonNull("detail")) {
        detail = n.get("detail").asText();
      }
    } catch (IOException e) {
      // Not a problem document: the body itself, shortened, says what happened.
    }
    if (detail.length() > 160) {
      detail = detail.substring(0, 160) + "...";
    }
    return path(path) + " answers HTTP " + status + (detail.isBlank() ? "" : ": " + detail);
  }

  private static String path(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }
}

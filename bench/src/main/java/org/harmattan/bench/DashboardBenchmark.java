package org.harmattan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.ingest.IngestReport;
import org.harmattan.server.HarmattanServer;
import org.harmattan.service.Stores;
import org.harmattan.service.brief.BriefService;
import org.harmattan.testsupport.Chromium;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium over a large store: how long the page takes to show its
 * counts, its map and the brief's key figures from the start of navigation (Navigation and User
 * Timing: the page marks {@code harmattan-counts}, {@code -map} and {@code -figures}), and the
 * API's share of it (each request's own time, Resource Timing): first for a first visitor (an
 * address naming no view opens on the server's opening view), then for the Mali 2018 view, and how
 * long a filter change takes to show new counts and figures. The reference, measured in the same
 * run and browser: a navigation to the server's health endpoint (one JSON answer, no script).
 *
 * <p>The loads start once the server has computed its opening views (the health answer says so).
 * The first load of another window computes its brief (then kept until the next ingest); the loads
 * after it are reported apart. Filter changes run through the six event types twice: the first pass
 * computes each type's brief, the second finds it kept.
 */
public final class DashboardBenchmark {
  private static final double GOAL_PAINT_MS = 2_000;
  private static final double GOAL_INTERACTION_MS = 300;
  private static final String VIEW = "/?country=MLI&from=2018-01-01&to=2018-12-31&compare=2017";
  private static final List<String> TYPES =
      List.of(
          "Battles",
          "Violence against civilians",
          "Explosions/Remote violence",
          "Protests",
          "Riots",
          "Strategic developments");

  private DashboardBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args rows, the shared data folder, page loads
   */
  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  private static int run(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_500_000L;
    Path data = Path.of(args.length > 1 ? args[1] : "../shared/data");
    int loads = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    if (!Chromium.isInstalled()) {
      System.err.println(
          "bench: Chromium and ChromeDriver not found at /usr/bin (apt-get install chromium"
              + " chromium-driver)");
      return 2;
    }
    Path sample = ScaledAcled.sampleOrExit(data);
    Path work = Files.createTempDirectory("harmattan-dashboard-bench");
    try {
      Path csv = work.resolve("acled-scaled.csv");
      int sampleRows = ScaledAcled.write(sample, csv, rows);
      System.out.println("Store: " + ScaledAcled.describe(rows, sampleRows));
      Path storeFile = work.resolve("store.duckdb");
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      long t0 = System.nanoTime();
      IngestReport report = ScaledAcled.ingest(csv, storeFile, today);
      System.out.printf(
          Locale.ROOT,
          "Ingest: %.1f s, %,d events inserted%n",
          BenchSupport.seconds(t0),
          report.inserted());
      Files.delete(csv);
      try (Store store = Stores.open(storeFile);
          HarmattanServer server =
              HarmattanServer.start(
                  store,
                  new HarmattanServer.Settings(
                      "127.0.0.1",
                      0,
                      work.resolve("server-data"),
                      ActorRegistry.shipped(),
                      BriefService.Context.defaults(),
                      false,
                      Role.VIEWER))) {
        String base = "http://127.0.0.1:" + server.port();
        long s0 = System.nanoTime();
        String opening = awaitOpening(base);
        System.out.printf(
            Locale.ROOT,
            "Opening view (computed by the server after it starts): %s, %.1f s after the start;"
                + " the loads below start then%n",
            opening,
            BenchSupport.seconds(s0));
        WebDriver driver =
            Chromium.start(Files.createDirectories(work.resolve("profile")), 1600, 1100);
        try {
          return measure(driver, base, loads);
        } finally {
          driver.quit();
        }
      }
    } finally {
      BenchSupport.deleteTree(work);
    }
  }

  /** Waits until the server has computed its opening view; returns the health answer's view. */
  private static String awaitOpening(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    while (true) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      JsonNode opening = json.readTree(body).get("opening");
      if (!opening.get("state").asText().equals("computing")) {
        return opening.get("view")
            + " "
            + opening.get("state").asText()
            + "; the opening views of "
            + opening.get("ready")
            + " computed";
      }
      Thread.sleep(100);
    }
  }

  private static int measure(WebDriver driver, String base, int loads) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // The reference: a navigation to one small JSON answer of the same server.
    double[] reference = new double[Math.max(3, loads)];
    for (int i = 0; i < reference.length; i++) {
      driver.get(base + "/api/v1/health");
      reference[i] =
          number(
              js.executeScript(
                  "const n = performance.getEntriesByType('navigation')[0];"
                      + " return n.responseEnd - n.startTime;"));
    }
    // The first visitor: the address names no view, so the page opens on the server's opening view.
    driver.get("about:blank");
    driver.get(base + "/");
    new WebDriverWait(driver, Duration.ofMinutes(5))
        .until(d -> marks(js, "harmattan-figures") > 0 && marks(js, "harmattan-map") > 0);
    Map<String, Double> opened = timings(js);
    System.out.println("Opening view on screen: " + driver.getCurrentUrl());
    List<Map<String, Double>> paints = new ArrayList<>();
    for (int i = 0; i < loads; i++) {
      driver.get("about:blank");
      driver.get(base + VIEW);
      new WebDriverWait(driver, Duration.ofMinutes(5))
          .until(d -> marks(js, "harmattan-figures") > 0 && marks(js, "harmattan-map") > 0);
      Map<String, Double> p = timings(js);
      paints.add(p);
      if (i == 0) {
        System.out.println(
            "View: "
                + base
                + VIEW
                + ", "
                + js.executeScript("return document.getElementById('count-events').textContent;")
                + " events on screen");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nReference: navigation to /api/v1/health, median %.1f ms of %d%n",
        BenchSupport.median(reference),
        reference.length);
    System.out.println(
        "Page load of the view (ms from navigation start): counts, map, key figures; the API's"
            + " own time of the overview (the brief), series and points requests");
    System.out.printf(
        Locale.ROOT,
        "  %-28s %8s %8s %8s %10s %8s %8s%n",
        "",
        "counts",
        "map",
        "figures",
        "overview",
        "series",
        "points");
    print("opening view, first visitor", opened);
    print("first (computes the brief)", paints.get(0));
    List<Map<String, Double>> warm = paints.subList(1, paints.size());
    Map<String, Double> median = new LinkedHashMap<>();
    for (String k : paints.get(0).keySet()) {
      median.put(k, BenchSupport.median(warm.stream().mapToDouble(m -> m.get(k)).toArray()));
    }
    print("later (median of " + warm.size() + ")", median);
    double ref = BenchSupport.median(reference);
    double firstPaint = paints.get(0).get("figures");
    double warmPaint = median.get("figures");
    System.out.printf(
        Locale.ROOT,
        "Key figures on screen: first %.0f ms (%.1f× the reference; the overview request %.0f %%"
            + " of it), later %.0f ms (%.1f×; %.0f %%). Goal %.0f ms: %s first, %s later%n",
        firstPaint,
        firstPaint / ref,
        100 * paints.get(0).get("overview") / firstPaint,
        warmPaint,
        warmPaint / ref,
        100 * median.get("overview") / warmPaint,
        GOAL_PAINT_MS,
        firstPaint < GOAL_PAINT_MS ? "met" : "NOT met",
        warmPaint < GOAL_PAINT_MS ? "met" : "NOT met");

    // Filter changes: the event-type select, as a user changes it.
    for (int pass = 1; pass <= 2; pass++) {
      double[] counts = new double[TYPES.size()];
      double[] map = new double[TYPES.size()];
      double[] figures = new double[TYPES.size()];
      double[] overview = new double[TYPES.size()];
      for (int i = 0; i < TYPES.size(); i++) {
        long before = marks(js, "harmattan-figures");
        long beforeCounts = marks(js, "harmattan-counts");
        long beforeMap = marks(js, "harmattan-map");
        double start =
            number(
                js.executeScript(
                    "const s = document.getElementById('f-eventType'); s.value = arguments[0];"
                        + " const t = performance.now();"
                        + " s.dispatchEvent(new Event('change')); return t;",
                    TYPES.get(i)));
        new WebDriverWait(driver, Duration.ofMinutes(5))
            .until(
                d ->
                    marks(js, "harmattan-figures") > before
                        && marks(js, "harmattan-counts") > beforeCounts
                        && marks(js, "harmattan-map") > beforeMap);
        counts[i] = last(js, "harmattan-counts") - start;
        map[i] = last(js, "harmattan-map") - start;
        figures[i] = last(js, "harmattan-figures") - start;
        overview[i] = lastRequest(js, "/api/v1/overview");
      }
      double countsP95 = percentile(counts, 95);
      double mapP95 = percentile(map, 95);
      double figuresP95 = percentile(figures, 95);
      System.out.printf(
          Locale.ROOT,
          "Filter change, pass %d (%s): new counts p95 %.0f ms (median %.0f), new map p95 %.0f ms"
              + " (median %.0f), new key figures p95 %.0f ms (median %.0f; the overview request"
              + " p95 %.0f ms, median %.0f); goal p95 %.0f ms: counts %s, map %s, figures %s%n",
          pass,
          pass == 1 ? "each type's brief computed" : "each type's brief kept",
          countsP95,
          BenchSupport.median(counts),
          mapP95,
          BenchSupport.median(map),
          figuresP95,
          BenchSupport.median(figures),
          percentile(overview, 95),
          BenchSupport.median(overview),
          GOAL_INTERACTION_MS,
          countsP95 < GOAL_INTERACTION_MS ? "met" : "NOT met",
          mapP95 < GOAL_INTERACTION_MS ? "met" : "NOT met",
          figuresP95 < GOAL_INTERACTION_MS ? "met" : "NOT met");
    }
    return 0;
  }

  /** When the page's counts, map and figures appeared, and the API's own time of its requests. */
  private static Map<String, Double> timings(JavascriptExecutor js) {
    @SuppressWarnings("unchecked")
    Map<String, Object> t =
        (Map<String, Object>)
            js.executeScript(
                "const at = (n) => performance.getEntriesByName(n)[0].startTime;"
                    + " const api = (p) => performance.getEntriesByType('resource')"
                    + ".filter((r) => r.name.includes(p))"
                    + ".map((r) => r.responseEnd - r.startTime)[0];"
                    + " return {counts: at('harmattan-counts'), map: at('harmattan-map'),"
                    + " figures: at('harmattan-figures'), overview: api('/api/v1/overview'),"
                    + " series: api('/api/v1/series'), points: api('/api/v1/events/points')};");
    Map<String, Double> p = new LinkedHashMap<>();
    for (String k : List.of("counts", "map", "figures", "overview", "series", "points")) {
      p.put(k, number(t.get(k)));
    }
    return p;
  }

  private static void print(String label, Map<String, Double> p) {
    System.out.printf(
        Locale.ROOT,
        "  %-28s %8.0f %8.0f %8.0f %10.0f %8.0f %8.0f%n",
        label,
        p.get("counts"),
        p.get("map"),
        p.get("figures"),
        p.get("overview"),
        p.get("series"),
        p.get("points"));
  }

  private static long marks(JavascriptExecutor js, String name) {
    return (long)
        number(js.executeScript("return performance.getEntriesByName(arguments[0]).length;", name));
  }

  private static double last(JavascriptExecutor js, String name) {
    return number(
        js.executeScript(
            "const e = performance.getEntriesByName(arguments[0]); return e[e.length - 1].startTime;",
            name));
  }

  /** The time of the last request whose address holds {@code path}, from its start to its end. */
  private static double lastRequest(JavascriptExecutor js, String path) {
    return number(
        js.executeScript(
            "const r = performance.getEntriesByType('resource')"
                + ".filter((e) => e.name.includes(arguments[0]));"
                + " return r.length === 0 ? null : r[r.length - 1].responseEnd"
                + " - r[r.length - 1].startTime;",
            path));
  }

  private static double number(Object o) {
    return o == null ? Double.NaN : ((Number) o).doubleValue();
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}

package org.harmattan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.BreakdownRow;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.MonthPoint;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.assemble.BriefBuilder;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.common.Countries;

/**
 * Brief generation for one country-year on a large store against a pandas script computing the same
 * key figures from the same CSV, both timed in the same run.
 *
 * <p>The input is the 2022 ACLED sample scaled up by {@link ScaledAcled} (event ids rewritten,
 * years spread over 2013..2022); the benchmark says so in its output.
 *
 * <p>The country is the one with the most rows in the sample; the year is the one of copy 1 (2021)
 * against the year of copy 2 (2020). The figures of the two sides must be equal, or the benchmark
 * fails: it doubles as a cross-check of the indicators against an independent implementation.
 */
public final class BriefBenchmark {
  static final int YEAR = ScaledAcled.SAMPLE_YEAR - 1;
  static final int COMPARE_YEAR = ScaledAcled.SAMPLE_YEAR - 2;
  private static final int WARM_RUNS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SCALAR_IDS = {
    FigureIds.EVENTS_TOTAL,
    FigureIds.FATALITIES_TOTAL,
    FigureIds.EVENTS_POLITICAL_VIOLENCE,
    FigureIds.FATALITIES_POLITICAL_VIOLENCE,
    FigureIds.EVENTS_VAC,
    FigureIds.FATALITIES_VAC,
    FigureIds.EVENTS_VAC_STATE,
    FigureIds.FATALITIES_VAC_STATE
  };

  private BriefBenchmark() {}

  /** The figures of one computation. */
  record Computed(SecurityIndicators security, WarningIndicators warnings) {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_500_000L;
    Path data = args.length > 1 ? Path.of(args[1]) : Path.of("../shared/data");
    String python = args.length > 2 ? args[2] : "python3";
    Path script = args.length > 3 ? Path.of(args[3]) : Path.of("bench/brief-pandas.py");
    Path sample = ScaledAcled.sampleOrExit(data);
    Path work = Files.createTempDirectory("harmattan-brief-bench");
    try {
      run(rows, sample, python, script, work);
    } finally {
      BenchSupport.deleteTree(work);
    }
  }

  private static void run(long rows, Path sample, String python, Path script, Path work)
      throws Exception {
    Path csv = work.resolve("acled-scaled.csv");
    int sampleRows = ScaledAcled.write(sample, csv, rows);
    System.out.println(ScaledAcled.describe(rows, sampleRows));
    System.out.printf(Locale.ROOT, "File: %s, %,d MB%n", csv, Files.size(csv) >> 20);

    String[] country = topCountry(sample);
    String name = country[0];
    String iso3 =
        Countries.get()
            .findIso3ByNumeric(Integer.parseInt(country[1]))
            .orElseThrow(() -> new IllegalStateException("no ISO3 for iso " + country[1]));
    System.out.printf(
        Locale.ROOT,
        "Brief: %s (%s, the country with most rows in the sample), %d against %d; pandas"
            + " filters country == \"%s\", Harmattan country_iso3 = %s (from the iso column)%n",
        name,
        iso3,
        YEAR,
        COMPARE_YEAR,
        name,
        iso3);

    Path storeFile = work.resolve("store.duckdb");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long t0 = System.nanoTime();
    IngestReport report = ScaledAcled.ingest(csv, storeFile, today);
    System.out.printf(
        Locale.ROOT,
        "Ingest into a fresh store (not part of the comparison): %.1f s; %,d inserted, %,d"
            + " quarantined%n",
        BenchSupport.seconds(t0),
        report.inserted(),
        report.quarantined());

    SecurityRequest request =
        new SecurityRequest(
            iso3,
            new Period(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)),
            new Period(LocalDate.of(COMPARE_YEAR, 1, 1), LocalDate.of(COMPARE_YEAR, 12, 31)),
            Set.of(SourceSystem.ACLED),
            today);
    ActorRegistry registry = ActorRegistry.shipped();
    String countryName = Countries.get().findName(iso3).orElse(iso3);
    Computed computed;
    double cold;
    double warm;
    double briefFirst;
    double briefWarm;
    int briefFiles;
    double[] briefStages = new double[3];
    // The store is closed and reopened so that the first computation starts from a cold DuckDB.
    try (DuckDbStore store = DuckDbStore.open(storeFile)) {
      AnalyticsEngine engine = store.analytics();
      long c0 = System.nanoTime();
      computed = compute(engine, request);
      cold = BenchSupport.seconds(c0);
      long events = engine.coverage(EventFilter.of(iso3, request.period())).events();
      System.out.printf(
          Locale.ROOT,
          "Store holds %,d %s events in all years; %s %d: %,.0f events, %d figures (security)"
              + " + %d (early warning)%n",
          events,
          iso3,
          iso3,
          YEAR,
          computed.security().getFigure(FigureIds.EVENTS_TOTAL).getValue(),
          computed.security().listFigures().size(),
          computed.warnings().listFigures().size());
      double[] runs = new double[WARM_RUNS];
      for (int i = 0; i < WARM_RUNS; i++) {
        long s = System.nanoTime();
        compute(engine, request);
        runs[i] = BenchSupport.seconds(s);
      }
      warm = BenchSupport.median(runs);
      long b0 = System.nanoTime();
      double[] stages = new double[3];
      BriefWriter.Written first =
          brief(engine, registry, request, countryName, work.resolve("brief-0"), stages);
      briefFirst = BenchSupport.seconds(b0);
      briefFiles = first.all().size();
      double[][] stageRuns = new double[3][WARM_RUNS];
      for (int i = 0; i < WARM_RUNS; i++) {
        long s = System.nanoTime();
        brief(engine, registry, request, countryName, work.resolve("brief-" + (i + 1)), stages);
        runs[i] = BenchSupport.seconds(s);
        for (int k = 0; k < 3; k++) {
          stageRuns[k][i] = stages[k];
        }
      }
      for (int k = 0; k < 3; k++) {
        briefStages[k] = BenchSupport.median(stageRuns[k]);
      }
      briefWarm = BenchSupport.median(runs);
    }
    System.out.printf(
        Locale.ROOT,
        "Harmattan figures (SecurityIndicators + WarningIndicators): cold %.3f s, warm %.3f s"
            + " (median of %d)%n",
        cold,
        warm,
        WARM_RUNS);
    System.out.printf(
        Locale.ROOT,
        "Harmattan full brief (figures + BriefBuilder + BriefWriter: HTML, PDF, Markdown,"
            + " figures.json, %d files): first %.3f s, warm %.3f s (median of %d; stage medians:"
            + " figures %.3f s, assembly %.3f s, writing %.3f s)%n",
        briefFiles,
        briefFirst,
        briefWarm,
        WARM_RUNS,
        briefStages[0],
        briefStages[1],
        briefStages[2]);

    long p0 = System.nanoTime();
    JsonNode pandas = runPandas(python, script, csv, name);
    double pandasWall = BenchSupport.seconds(p0);
    JsonNode secs = pandas.get("seconds");
    double read = secs.get("read").asDouble();
    double readCompute = secs.get("read_compute").asDouble();
    double computeFirst = secs.get("compute_first").asDouble();
    double computeMedian = secs.get("compute_median").asDouble();
    System.out.printf(
        Locale.ROOT,
        "pandas %s: read_csv %.2f s (%,d rows), compute %.3f s first, %.3f s median of 5;"
            + " read + compute %.2f s (%.2f s with interpreter start and import)%n",
        pandasVersion(python),
        read,
        pandas.get("rows").asLong(),
        computeFirst,
        computeMedian,
        readCompute,
        pandasWall);

    Map<String, Object> ours = flatten(harmattanFigures(computed.security()));
    Map<String, Object> theirs = flatten(pandas.get("figures"));
    List<String> differences = differences(ours, theirs);
    if (!differences.isEmpty()) {
      System.err.println(
          "bench: FAIL: Harmattan and pandas disagree on "
              + differences.size()
              + " of "
              + ours.size()
              + " key figures:");
      differences.stream().limit(40).forEach(d -> System.err.println("  " + d));
      System.exit(1);
    }
    System.out.printf(
        Locale.ROOT,
        "Cross-check: all %d key figures equal between Harmattan and pandas%n",
        ours.size());
    double ratio = readCompute / warm;
    System.out.printf(
        Locale.ROOT,
        "Ratio pandas (read + compute) / Harmattan warm figures: %.1fx (target: at least 10x)"
            + " -> %s%n",
        ratio,
        ratio >= 10 ? "met" : "NOT met");
    System.out.printf(
        Locale.ROOT,
        "Ratio pandas compute only (data already in memory) / Harmattan warm figures: %.2fx%n",
        computeMedian / warm);
    System.out.printf(
        Locale.ROOT,
        "Warm full brief %.3f s: %s one second%n",
        briefWarm,
        briefWarm < 1.0 ? "under" : "NOT under");
  }

  static Computed compute(AnalyticsEngine engine, SecurityRequest request) {
    return new Computed(
        SecurityIndicators.compute(engine, request), WarningIndicators.compute(engine, request));
  }

  /**
   * The wiring of the app's brief production, with the shipped actor registry; {@code stages}
   * receives the seconds of figures, assembly and writing.
   */
  private static BriefWriter.Written brief(
      AnalyticsEngine engine,
      ActorRegistry registry,
      SecurityRequest request,
      String countryName,
      Path out,
      double[] stages) {
    long t0 = System.nanoTime();
    Computed c = compute(engine, request);
    long t1 = System.nanoTime();
    Brief brief =
        new BriefBuilder(c.security(), countryName, false, Instant.now())
            .canonicalActors(raw -> registry.match(raw).map(m -> m.actor().name()))
            .warnings(c.warnings())
            .sourceNote(
                "Benchmark input: real ACLED rows scaled up, event ids rewritten, years shifted.")
            .build();
    long t2 = System.nanoTime();
    BriefWriter.Written written = BriefWriter.write(brief, out);
    long t3 = System.nanoTime();
    stages[0] = (t1 - t0) / 1e9;
    stages[1] = (t2 - t1) / 1e9;
    stages[2] = (t3 - t2) / 1e9;
    return written;
  }

  /** The key figures in the shape brief-pandas.py prints them. */
  private static ObjectNode harmattanFigures(SecurityIndicators s) {
    ObjectNode out = JSON.createObjectNode();
    for (String id : SCALAR_IDS) {
      out.put(id, s.getFigure(id).getValue());
      out.put(FigureIds.compare(id), s.getFigure(FigureIds.compare(id)).getValue());
      Optional<Double> change = s.getFigure(FigureIds.change(id)).findValue();
      if (change.isPresent()) {
        out.put(FigureIds.change(id), change.get());
      } else {
        out.putNull(FigureIds.change(id));
      }
    }
    breakdown(out.putArray("by_event_type"), s, s.byEventType());
    breakdown(out.putArray("by_admin1"), s, s.byAdmin1());
    breakdown(out.putArray("by_actor1"), s, s.byActor1());
    months(out.putArray("monthly"), s, s.monthly());
    months(out.putArray("compare_monthly"), s, s.compareMonthly());
    return out;
  }

  private static void breakdown(ArrayNode out, SecurityIndicators s, List<BreakdownRow> rows) {
    for (BreakdownRow r : rows) {
      ObjectNode o = out.addObject();
      o.put("label", r.label());
      o.put("events", s.getFigure(r.eventsFigure()).getValue());
      o.put("fatalities", s.getFigure(r.fatalitiesFigure()).getValue());
      o.put("compare_events", s.getFigure(r.compareEventsFigure()).getValue());
    }
  }

  private static void months(ArrayNode out, SecurityIndicators s, List<MonthPoint> months) {
    for (MonthPoint m : months) {
      ObjectNode o = out.addObject();
      o.put("month", m.month().toString());
      o.put("events", s.getFigure(m.eventsFigure()).getValue());
      o.put("fatalities", s.getFigure(m.fatalitiesFigure()).getValue());
    }
  }

  /** Paths to values; numbers as doubles (so 3 and 3.0 are equal), text as text, null as null. */
  private static Map<String, Object> flatten(JsonNode node) {
    Map<String, Object> out = new TreeMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, Object> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(path.isEmpty() ? e.getKey() : path + "/" + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      out.put(path + "/size", (double) node.size());
      for (int i = 0; i < node.size(); i++) {
        flatten(String.format(Locale.ROOT, "%s/%02d", path, i), node.get(i), out);
      }
    } else if (node.isNumber()) {
      out.put(path, node.asDouble());
    } else if (node.isNull()) {
      out.put(path, null);
    } else {
      out.put(path, node.asText());
    }
  }

  private static List<String> differences(Map<String, Object> ours, Map<String, Object> theirs) {
    List<String> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>(ours.keySet());
    keys.addAll(theirs.keySet());
    for (String k : keys) {
      Object a = ours.getOrDefault(k, "(absent)");
      Object b = theirs.getOrDefault(k, "(absent)");
      if (!Objects.equals(a, b)) {
        out.add(k + ": Harmattan " + a + ", pandas " + b);
      }
    }
    return out;
  }

  private static JsonNode runPandas(String python, Path script, Path csv, String country)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                python,
                script.toString(),
                csv.toString(),
                country,
                Integer.toString(YEAR),
                Integer.toString(COMPARE_YEAR))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] stdout;
    try (InputStream in = p.getInputStream()) {
      stdout = in.readAllBytes();
    }
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException(python + " " + script + " failed with exit code " + rc);
    }
    return JSON.readTree(new String(stdout, StandardCharsets.UTF_8));
  }

  private static String pandasVersion(String python) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(python, "-c", "import pandas; print(pandas.__version__)")
            .redirectErrorStream(true)
            .start();
    String v;
    try (InputStream in = p.getInputStream()) {
      v = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    p.waitFor();
    return v;
  }

  /** The country name and numeric iso with most rows in the sample. */
  static String[] topCountry(Path sample) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement p =
            c.prepareStatement(
                "SELECT country, CAST(iso AS VARCHAR), count(*) FROM read_csv(?, header = true)"
                    + " GROUP BY ALL ORDER BY 3 DESC, 1 LIMIT 1")) {
      p.setString(1, sample.toString());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }
}

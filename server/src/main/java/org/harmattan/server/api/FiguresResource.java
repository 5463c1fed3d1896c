package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.date;
import static org.harmattan.server.api.ApiRoute.Param.query;
import static org.harmattan.server.api.ApiRoute.Param.requiredQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.render.FiguresJson;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Params;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.brief.Scopes;

/**
 * The brief's figures for a country and window, each the figure object of figures.json with its
 * citation. Computing them takes the brief's whole analysis; the result is kept until the next
 * ingest (figures of a window do not change between ingests).
 */
final class FiguresResource {
  static final List<ApiRoute.Param> WINDOW =
      List.of(
          requiredQuery("country", "string", "Country as ISO3 code or name, e.g. MLI"),
          date("from", true, "First day, e.g. 2018-01-01"),
          date("to", true, "Last day, e.g. 2018-12-31"),
          query("compare", "integer", "Compare with the same months of this year, e.g. 2017"),
          query("source", "string", "Source system: ACLED (default), UCDP or GDELT"),
          query("admin1", "string", "Only events in these first-level regions (comma-separated)"),
          query("eventType", "string", "Only events of these ACLED event types (comma-separated)"),
          query("actor", "string", "Only events naming this registry actor, e.g. jnim"));

  /**
   * The figures of one window, as computed at one store generation, with the list response already
   * written (the body is the same for every caller until the next ingest).
   */
  private static final class Computed {
    private final long generation;
    private final List<Figure> figures;
    private final boolean synthetic;
    private final byte[] body;
    private final byte[] gzipped;

    Computed(long generation, List<Figure> figures, boolean synthetic, byte[] body) {
      this.generation = generation;
      this.figures = List.copyOf(figures);
      this.synthetic = synthetic;
      this.body = body;
      this.gzipped = gzip(body);
    }

    long generation() {
      return generation;
    }

    List<Figure> figures() {
      return figures;
    }

    boolean synthetic() {
      return synthetic;
    }

    /** The list response; never changed after it is made. */
    byte[] body() {
      return body;
    }

    /** The list response, gzip-compressed. */
    byte[] gzipped() {
      return gzipped;
    }
  }

  /** What identifies a window's figures. */
  record Key(
      String country,
      Period period,
      Period comparison,
      Set<SourceSystem> sources,
      List<String> admin1,
      List<String> eventTypes,
      String actor) {}

  private final Api api;
  private final Map<Key, Computed> cache = new ConcurrentHashMap<>();
  private final Map<Key, Object> computing = new ConcurrentHashMap<>();

  FiguresResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/figures",
            Role.VIEWER,
            "figures",
            "Every figure of the brief of a country and window, each with value, unit, query and"
                + " citation (the objects of figures.json)",
            WINDOW,
            null,
            "FigureList",
            this::list),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/figures/{id}",
            Role.VIEWER,
            "figures",
            "One figure of the brief of a country and window, by id",
            concat(List.of(ApiRoute.Param.path("id", "A figure id, e.g. events_total")), WINDOW),
            null,
            "FigureOne",
            this::one));
  }

  static List<ApiRoute.Param> concat(List<ApiRoute.Param> a, List<ApiRoute.Param> b) {
    List<ApiRoute.Param> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private void list(Context ctx) {
    Key key = key(ctx);
    Computed c = compute(key);
    ctx.header("X-Attribution", Licences.header(key.sources()));
    ctx.header("Vary", "Accept-Encoding");
    ctx.contentType("application/json");
    String accepted = ctx.header("Accept-Encoding");
    if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
      // Compressed once per window and store version, not per request: the citations' event ids
      // make the body large and very compressible.
      ctx.header("Content-Encoding", "gzip").result(c.gzipped());
    } else {
      ctx.result(c.body());
    }
  }

  private static byte[] gzip(byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 8 + 64);
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("a response could not be compressed", e);
    }
    return out.toByteArray();
  }

  private static String body(Key key, List<Figure> figures, boolean synthetic) {
    List<ObjectNode> nodes = new ArrayList<>();
    for (Figure f : figures) {
      nodes.add(FiguresJson.toNode(f, synthetic));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("figures", nodes);
    m.put("attribution", Licences.attribution(key.sources()));
    return org.harmattan.server.http.Json.write(m);
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    Key key = key(ctx);
    Computed c = compute(key);
    Figure f =
        c.figures().stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "the brief of "
                            + key.country()
                            + " "
                            + key.period().from()
                            + " to "
                            + key.period().to()
                            + " has no figure '"
                            + id
                            + "' (GET /api/v1/figures lists them)"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("figure", FiguresJson.toNode(f, c.synthetic()));
    m.put("attribution", Licences.attribution(key.sources()));
    ctx.header("X-Attribution", Licences.header(key.sources()));
    SystemResource.ok(ctx, m);
  }

  static Key key(Context ctx) {
    String country = Params.country(ctx);
    Period period = Params.period(ctx);
    Period comparison = Params.comparison(ctx, period);
    String actor = ctx.queryParam("actor");
    return new Key(
        country,
        period,
        comparison,
        Params.sources(ctx),
        Params.list(ctx, "admin1"),
        Params.list(ctx, "eventType"),
        actor == null || actor.isBlank() ? null : actor.strip());
  }

  private Computed compute(Key key) {
    Computed known = cache.get(key);
    if (known != null && known.generation() == api.store().generation()) {
      return known;
    }
    // One computation per window at a time: callers arriving together wait for the first.
    synchronized (computing.computeIfAbsent(key, k -> new Object())) {
      known = cache.get(key);
      if (known != null && known.generation() == api.store().generation()) {
        return known;
      }
      return computeNow(key);
    }
  }

  private Computed computeNow(Key key) {
    long generation = api.store().generation();
    Brief brief =
        api.store()
            .read(
                store -> {
                  Scope scope =
                      Scopes.resolve(
                          store.analytics(),
                          api.registry(),
                          key.country(),
                          key.admin1(),
                          key.eventTypes(),
                          key.actor());
                  return BriefService.assemble(
                      store.analytics(),
                      store.observations(),
                      api.registry(),
                      request(api, key, scope, null),
                      api.today());
                });
    byte[] body =
        body(key, brief.figures(), brief.synthetic())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Computed c = new Computed(generation, brief.figures(), brief.synthetic(), body);
    cache.put(key, c);
    return c;
  }

  static BriefService.Request request(Api api, Key key, Scope scope, java.nio.file.Path out) {
    return new BriefService.Request(
        key.country(),
        key.period(),
        key.comparison(),
        key.sources(),
        api.synthetic(),
        api.synthetic() ? "synthetic demo scenario" : "",
        out,
        scope,
        api.context());
  }
}

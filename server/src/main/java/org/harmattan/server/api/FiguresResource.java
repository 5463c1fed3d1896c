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
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.render.FiguresJson;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.CsvBody;
import org.harmattan.server.http.Formats;
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
          query(
              "subEventType",
              "string",
              "Only events of these sub-event types (comma-separated), e.g. Armed clash"),
          query("actor", "string", "Only events naming this registry actor, e.g. jnim"),
          query("lang", "string", "Language of labels, notes and documents: en (default) or fr"));

  /** What identifies a window's figures. */
  record Key(
      String country,
      Period period,
      Period comparison,
      Set<SourceSystem> sources,
      List<String> admin1,
      List<String> eventTypes,
      List<String> subEventTypes,
      String actor,
      Language language) {}

  private final BriefCache briefs;

  FiguresResource(BriefCache briefs) {
    this.briefs = briefs;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
                HandlerType.GET,
                "/api/v1/figures",
                Role.VIEWER,
                "figures",
                "Every figure of the brief of a country and window, each with value, unit, query and"
                    + " citation (the objects of figures.json); or, with format=csv, one row per"
                    + " figure with an HXL hashtag row",
                concat(WINDOW, List.of(query("format", "string", "json (default) or csv"))),
                null,
                "FigureList",
                this::list)
            .withMedia(List.of("application/json", "text/csv")),
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
    Formats.Format format = Formats.choose(ctx, List.of(Formats.Format.JSON, Formats.Format.CSV));
    Key key = key(ctx);
    BriefCache.Computed c = briefs.get(key);
    if (format == Formats.Format.CSV) {
      ctx.header("X-Attribution", Licences.header(key.sources()));
      ctx.contentType("text/csv; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"figures.csv\"")
          .result(c.body("figures.csv", b -> csv(key, b.figures())));
      return;
    }
    byte[] body = c.body("figures", b -> body(key, b.figures(), b.synthetic()));
    ctx.header("X-Attribution", Licences.header(key.sources()));
    send(ctx, body, () -> c.body("figures.gz", b -> gzip(body)));
  }

  /**
   * Sends a JSON body made once per window and store version, compressed (also once) for clients
   * that accept gzip: figures and overviews are large and very compressible.
   */
  static void send(Context ctx, byte[] body, java.util.function.Supplier<byte[]> gzipped) {
    ctx.header("Vary", "Accept-Encoding");
    ctx.contentType("application/json");
    String accepted = ctx.header("Accept-Encoding");
    if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
      ctx.header("Content-Encoding", "gzip").result(gzipped.get());
    } else {
      ctx.result(body);
    }
  }

  static byte[] gzip(byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 8 + 64);
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("a response could not be compressed", e);
    }
    return out.toByteArray();
  }

  /** The columns of the figures' CSV with their HXL hashtags. */
  private static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "label",
          "value",
          "unit",
          "from",
          "to",
          "comparison_from",
          "comparison_to",
          "filters",
          "query",
          "records",
          "sources",
          "accessed",
          "vintage",
          "note");

  private static final List<String> CSV_TAGS =
      List.of(
          "#indicator+code",
          "#indicator+name",
          "#indicator+num",
          "#indicator+unit",
          "#date+start",
          "#date+end",
          "#date+start+comparison",
          "#date+end+comparison",
          "#meta+filters",
          "#meta+query",
          "#meta+records+num",
          "#meta+source",
          "#date+accessed",
          "#date+reference",
          "#meta+note");

  /** One row per figure, the source files of its citation named by dataset and SHA-256. */
  private static byte[] csv(Key key, List<Figure> figures) {
    CsvBody b = new CsvBody();
    for (SourceSystem s : key.sources()) {
      b.comment(Licences.terms(s));
    }
    b.row(CSV_COLUMNS).row(CSV_TAGS);
    for (Figure f : figures) {
      List<String> filters = new ArrayList<>();
      f.filters().forEach((k, v) -> filters.add(k + "=" + v));
      List<String> sources = new ArrayList<>();
      f.citation().sources().forEach(s -> sources.add(s.dataset() + " (" + s.sha256() + ")"));
      b.row(
          java.util.Arrays.asList(
              f.id(),
              f.label(),
              f.findValue().map(FiguresResource::number).orElse(""),
              f.unit(),
              f.period().from().toString(),
              f.period().to().toString(),
              f.comparison() == null ? "" : f.comparison().from().toString(),
              f.comparison() == null ? "" : f.comparison().to().toString(),
              String.join("; ", filters),
              f.query(),
              Long.toString(f.citation().recordCount()),
              String.join("; ", sources),
              f.citation().accessed().toString(),
              f.findVintage().map(Object::toString).orElse(""),
              f.note() == null ? "" : f.note()));
    }
    return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A value as a plain number: whole numbers without ".0", others as Java prints them. */
  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static byte[] body(Key key, List<Figure> figures, boolean synthetic) {
    List<ObjectNode> nodes = new ArrayList<>();
    for (Figure f : figures) {
      nodes.add(FiguresJson.toNode(f, synthetic));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("figures", nodes);
    m.put("attribution", Licences.attribution(key.sources()));
    return org.harmattan.server.http.Json.write(m)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    Key key = key(ctx);
    Brief brief = briefs.get(key).brief();
    Figure f =
        brief.figures().stream()
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
    m.put("figure", FiguresJson.toNode(f, brief.synthetic()));
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
        Params.list(ctx, "subEventType"),
        actor == null || actor.isBlank() ? null : actor.strip(),
        Params.language(ctx));
  }

  /** The scope of a view: its regions, event types, sub-types and actor, resolved in the store. */
  static Scope scope(Api api, AnalyticsEngine engine, Key key) {
    return Scopes.resolve(
        engine,
        api.registry(),
        key.country(),
        key.admin1(),
        key.eventTypes(),
        key.subEventTypes(),
        key.actor());
  }

  /**
   * The brief request of a view; with {@code outlook} false, without the forecasts (the dashboard's
   * figures and overview: they take seconds; {@code /api/v1/forecasts} serves them).
   */
  static BriefService.Request request(
      Api api, Key key, Scope scope, java.nio.file.Path out, boolean outlook) {
    return new BriefService.Request(
        key.country(),
        key.period(),
        key.comparison(),
        key.sources(),
        api.synthetic(),
        api.synthetic() ? "synthetic demo scenario" : "",
        out,
        scope,
        outlook ? api.context() : api.context().withoutOutlook(),
        key.language());
  }
}

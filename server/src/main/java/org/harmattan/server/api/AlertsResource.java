package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.path;
import static org.harmattan.server.api.ApiRoute.Param.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.harmattan.alerts.AlertJson;
import org.harmattan.alerts.deliver.AtomFeed;
import org.harmattan.alerts.deliver.CapMessage;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.engine.alerts.DeliveryRecord;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Json;
import org.harmattan.server.http.Params;

/**
 * The alerts the store's rules raised (by {@code harmattan alerts run}): as JSON, one by one with
 * who was told (analysts), as an Atom 1.0 feed and as CAP 1.2 messages.
 */
final class AlertsResource {
  /** The days of alerts listed when no period is given. */
  static final int DEFAULT_DAYS = 90;

  /** The most alerts one page lists. */
  static final int MAX_LIMIT = 1000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Api api;

  AlertsResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    List<ApiRoute.Param> listing =
        List.of(
            ApiRoute.Param.date("from", false, "First day of the alerts, e.g. 2018-01-01"),
            ApiRoute.Param.date("to", false, "Last day (default: today; from: 90 days before)"),
            query("limit", "integer", "At most this many, newest first (1 to 1000, default 100)"));
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/alerts",
            Role.VIEWER,
            "alerts",
            "The alerts the store's rules raised, newest first, each with the figures that fired"
                + " it and their citations",
            listing,
            null,
            "AlertList",
            this::list),
        new ApiRoute(
            HandlerType.GET,
            "/api/v1/alerts/feed",
            Role.VIEWER,
            "alerts",
            "The alerts as an Atom 1.0 feed, newest first",
            listing,
            null,
            null,
            List.of(AtomFeed.MEDIA_TYPE),
            200,
            this::feed),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/alerts/{id}",
            Role.VIEWER,
            "alerts",
            "One alert; for analysts, with its deliveries (channel, recipient, attempts, outcome)",
            List.of(path("id", "The alert's id, e.g. mali-surge:MLI:mopti:2018-05-03")),
            null,
            "AlertOne",
            this::one),
        new ApiRoute(
            HandlerType.GET,
            "/api/v1/alerts/{id}/cap",
            Role.VIEWER,
            "alerts",
            "One alert as a Common Alerting Protocol 1.2 message",
            List.of(path("id", "The alert's id")),
            null,
            null,
            List.of(CapMessage.MEDIA_TYPE),
            200,
            this::cap));
  }

  private List<AlertRecord> records(Context ctx) {
    LocalDate to = ctx.queryParam("to") == null ? api.today() : Params.date(ctx, "to");
    LocalDate from =
        ctx.queryParam("from") == null ? to.minusDays(DEFAULT_DAYS) : Params.date(ctx, "from");
    if (from.isAfter(to)) {
      throw ApiProblem.badParameter("from", "from " + from + " is after to " + to, "from <= to");
    }
    int limit = Params.integer(ctx, "limit", 1, MAX_LIMIT, 100);
    return api.store().read(s -> s.alerts().list(from, to, limit));
  }

  private void list(Context ctx) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode alerts = root.putArray("alerts");
    for (AlertRecord r : records(ctx)) {
      alerts.add(node(r));
    }
    SystemResource.ok(ctx, root);
  }

  private void one(Context ctx) {
    AlertRecord r = find(ctx);
    ObjectNode o = node(r);
    if (analyst(ctx)) {
      ArrayNode deliveries = o.putArray("deliveries");
      for (DeliveryRecord d : api.store().read(s -> s.alerts().listDeliveries(r.id()))) {
        ObjectNode n = deliveries.addObject();
        n.put("channel", d.channel().toLowerCase(Locale.ROOT));
        n.put("recipient", d.recipient());
        n.put("attempts", d.attempts());
        n.put("outcome", d.outcome().toLowerCase(Locale.ROOT));
        if (d.lastStatus() == null) {
          n.putNull("lastStatus");
        } else {
          n.put("lastStatus", d.lastStatus());
        }
        n.put("lastError", d.lastError());
        n.put("at", d.at().toString());
      }
    }
    SystemResource.ok(ctx, o);
  }

  private void feed(Context ctx) {
    List<AtomFeed.Item> items = new ArrayList<>();
    for (AlertRecord r : records(ctx)) {
      items.add(AtomFeed.Item.of(AlertJson.fromJson(r.json()), r.raised()));
    }
    URI self = URI.create(ctx.fullUrl());
    String xml =
        AtomFeed.toXml(
            AtomFeed.Options.of(
                URI.create("urn:harmattan:feed:alerts"),
                "Harmattan alerts",
                items.isEmpty()
                    ? api.today().atStartOfDay().toInstant(ZoneOffset.UTC)
                    : items.stream().map(AtomFeed.Item::raised).max(Instant::compareTo).get(),
                self),
            items);
    ctx.contentType(AtomFeed.MEDIA_TYPE + "; charset=utf-8").result(xml);
  }

  private void cap(Context ctx) {
    AlertRecord r = find(ctx);
    boolean synthetic = synthetic(r.json());
    CapMessage.Options o =
        CapMessage.Options.of(
            "harmattan@" + ctx.host().replaceAll(":\\d+$", "").replaceAll("[^A-Za-z0-9.-]", ""),
            synthetic ? CapMessage.Status.EXERCISE : CapMessage.Status.ACTUAL,
            r.raised());
    ctx.contentType(CapMessage.MEDIA_TYPE + "; charset=utf-8")
        .result(CapMessage.toXml(AlertJson.fromJson(r.json()), o));
  }

  private AlertRecord find(Context ctx) {
    String id = ctx.pathParam("id");
    return api.store()
        .read(s -> s.alerts().find(id))
        .orElseThrow(() -> ApiProblem.notFound("no alert has the id " + id));
  }

  private boolean analyst(Context ctx) {
    return api.authenticator()
        .identify(ctx)
        .map(p -> p.role().covers(Role.ANALYST))
        .orElse(api.authenticator().anonymousRole().map(r -> r.covers(Role.ANALYST)).orElse(false));
  }

  private static ObjectNode node(AlertRecord r) {
    ObjectNode o = (ObjectNode) Json.read(r.json());
    o.put("raised", r.raised().toString());
    return o;
  }

  /** Whether a stored alert's figures say their data is synthetic. */
  private static boolean synthetic(String json) {
    var figures = Json.read(json).path("figures");
    return figures.size() > 0 && figures.get(0).path("synthetic").asBoolean(false);
  }
}

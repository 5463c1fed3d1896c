package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.date;
import static org.harmattan.server.api.ApiRoute.Param.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventPage;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.CsvBody;
import org.harmattan.server.http.Formats;
import org.harmattan.server.http.Formats.Format;
import org.harmattan.server.http.Json;
import org.harmattan.server.http.Params;
import org.harmattan.service.brief.Scopes;

/**
 * Raw events: every filter of the engine, sorting, page paging with a total, field selection, as
 * JSON, CSV with an HXL hashtag row, or GeoJSON. Raw rows need the analyst role and carry the terms
 * of their sources (ACLED's forbid passing them on). Each event and map point shows its quality
 * flags ({@code flags}: {@code point_outside_country} for a point outside its country's box, kept
 * as the source gave it).
 */
final class EventsResource {
  /** The default page size. */
  static final int DEFAULT_LIMIT = 100;

  /** The largest page. */
  static final int MAX_LIMIT = 1000;

  /** The fields of an event, in order, with their HXL hashtags. */
  static final Map<String, String> FIELDS = fields();

  /** The filters of an event query, shared by the listing, the map's points and the series. */
  static final List<ApiRoute.Param> FILTERS =
      List.of(
          query("country", "string", "Country as ISO3 code or name, e.g. MLI"),
          date("from", true, "First day, e.g. 2018-01-01"),
          date("to", true, "Last day, e.g. 2018-12-31"),
          query("source", "string", "Source systems, comma-separated (default: all)"),
          query("admin1", "string", "First-level regions, comma-separated, e.g. Mopti"),
          query("eventType", "string", "ACLED event types, e.g. Battles"),
          query("subEventType", "string", "Sub-event types, e.g. Armed clash"),
          query("actor", "string", "A registry actor id (any role), e.g. jnim"),
          query("actorName", "string", "Raw actor names (any role), comma-separated"),
          query("bbox", "string", "west,south,east,north in degrees, e.g. -5,14,-1,16"),
          query("near", "string", "lat,lon,km: within km of a point, e.g. 12.65,-8,100"),
          query("minFatalities", "integer", "At least this many deaths"),
          query("maxFatalities", "integer", "At most this many deaths"));

  /** The most points the map is sent at once: the deadliest first when there are more. */
  static final int MAX_POINTS = 10_000;

  private final Api api;

  EventsResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
                HandlerType.GET,
                "/api/v1/events",
                Role.ANALYST,
                "events",
                "Events (current versions) with every engine filter, sorting and paging; JSON"
                    + " {events,total,next}, CSV with an HXL row, or GeoJSON (format= or Accept)",
                concat(
                    FILTERS,
                    List.of(
                        query(
                            "sort",
                            "string",
                            "date, fatalities, id, country, admin1 or eventType; '-' for descending"
                                + " (default: date)"),
                        query("limit", "integer", "Events per page, 1 to 1000 (default 100)"),
                        query("page", "integer", "Page number from 1 (default 1)"),
                        query(
                            "fields", "string", "Only these fields, comma-separated, e.g. id,date"),
                        query("format", "string", "json (default), csv or geojson"))),
                null,
                "EventList",
                this::list)
            .withMedia(List.of("application/json", "text/csv", "application/geo+json")),
        new ApiRoute(
            HandlerType.GET,
            "/api/v1/events/points",
            Role.VIEWER,
            "events",
            "Where events happened, for a map: GeoJSON points with date, type, actors, deaths,"
                + " place and source (notes only for analysts), the deadliest first, at most "
                + MAX_POINTS
                + "; total says how many matched",
            concat(
                FILTERS,
                List.of(
                    query(
                        "limit",
                        "integer",
                        "At most this many points, 1 to " + MAX_POINTS + " (default all)"))),
            null,
            "EventPoints",
            List.of("application/geo+json"),
            200,
            this::points));
  }

  private static List<ApiRoute.Param> concat(List<ApiRoute.Param> a, List<ApiRoute.Param> b) {
    return FiguresResource.concat(a, b);
  }

  /**
   * The events a request's filters select (country, period, source, admin1, types, actor, box,
   * circle, fatalities), resolving a registry actor against {@code store}.
   */
  static EventFilter filter(Api api, Context ctx, org.harmattan.engine.Store store) {
    Period period = Params.period(ctx);
    String country = Params.optionalCountry(ctx);
    Set<SourceSystem> sources =
        ctx.queryParams("source").isEmpty()
            ? EnumSet.allOf(SourceSystem.class)
            : Params.sources(ctx);
    EventFilter f = filter(ctx, EventFilter.of(country, period).withSources(sources));
    String actor = ctx.queryParam("actor");
    if (actor != null && !actor.isBlank()) {
      if (country == null) {
        throw ApiProblem.badParameter(
            "actor", "actor needs a country", "country=ISO3 with actor=ID");
      }
      Scope scope =
          Scopes.resolve(
              store.analytics(), api.registry(), country, List.of(), List.of(), List.of(), actor);
      f = f.withAnyActorNames(scope.actorNames());
    }
    return f;
  }

  private void points(Context ctx) {
    boolean notes =
        api.authenticator()
            .identify(ctx)
            .map(p -> p.role().covers(Role.ANALYST))
            .orElse(
                api.authenticator().anonymousRole().map(r -> r.covers(Role.ANALYST)).orElse(false));
    int limit = Params.integer(ctx, "limit", 1, MAX_POINTS, MAX_POINTS);
    EventPage result =
        api.store()
            .read(
                s ->
                    s.analytics()
                        .listEvents(
                            new EventListing(
                                filter(api, ctx, s),
                                EventListing.Sort.descending(EventListing.Sort.Field.FATALITIES),
                                limit,
                                0)));
    Set<SourceSystem> present = EnumSet.noneOf(SourceSystem.class);
    ObjectNode fc = Json.mapper().createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Event e : result.events()) {
      present.add(e.source());
      if (e.latitude() == null || e.longitude() == null) {
        continue;
      }
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", e.id());
      ObjectNode g = f.putObject("geometry");
      g.put("type", "Point");
      g.putArray("coordinates").add(e.longitude()).add(e.latitude());
      ObjectNode p = f.putObject("properties");
      p.put("date", e.date().toString());
      p.put("eventType", e.eventType().label());
      p.put("subEventType", e.subEventType());
      p.put("actor1", e.findActor(ActorRole.ACTOR_1).map(EventActor::name).orElse(null));
      p.put("actor2", e.findActor(ActorRole.ACTOR_2).map(EventActor::name).orElse(null));
      p.put("fatalities", e.fatalities().best());
      p.put("admin1", e.admin1());
      p.put("location", e.location());
      p.put("source", e.source().name());
      p.put("dataset", e.provenance().dataset());
      p.set("flags", Json.mapper().valueToTree(flags(e)));
      if (notes) {
        p.put("notes", e.notes());
      }
    }
    fc.put("total", result.total());
    fc.put("shown", result.events().size());
    fc.set("attribution", Json.mapper().valueToTree(Licences.attribution(present)));
    ctx.header("X-Total-Count", Long.toString(result.total()));
    ctx.header("X-Attribution", Licences.header(present));
    ctx.contentType("application/geo+json").result(Json.write(fc));
  }

  private void list(Context ctx) {
    Format format = Formats.choose(ctx, List.of(Format.JSON, Format.CSV, Format.GEOJSON));
    Set<SourceSystem> sources =
        ctx.queryParams("source").isEmpty()
            ? EnumSet.allOf(SourceSystem.class)
            : Params.sources(ctx);
    List<String> fields = fields(ctx);
    int limit = Params.integer(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    int page = Params.integer(ctx, "page", 1, Integer.MAX_VALUE, 1);
    EventListing.Sort sort = sort(ctx.queryParam("sort"));
    EventPage result =
        api.store()
            .read(
                st ->
                    st.analytics()
                        .listEvents(
                            new EventListing(
                                filter(api, ctx, st),
                                sort,
                                limit,
                                (long) (page - 1) * (long) limit)));
    Set<SourceSystem> present = EnumSet.noneOf(SourceSystem.class);
    result.events().forEach(e -> present.add(e.source()));
    ctx.header("X-Attribution", Licences.header(present.isEmpty() ? sources : present));
    ctx.header("X-Total-Count", Long.toString(result.total()));
    String next = (long) page * limit < result.total() ? link(ctx, page + 1) : null;
    String previous = page > 1 ? link(ctx, page - 1) : null;
    if (next != null) {
      ctx.header("Link", "<" + next + ">; rel=\"next\"");
    }
    switch (format) {
      case CSV -> csv(ctx, result, fields, present);
      case GEOJSON -> geoJson(ctx, result, fields, next);
      case JSON -> {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Event e : result.events()) {
          events.add(select(row(e), fields));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events);
        m.put("total", result.total());
        m.put("next", next);
        m.put("previous", previous);
        m.put("attribution", Licences.attribution(present.isEmpty() ? sources : present));
        SystemResource.ok(ctx, m);
      }
    }
  }

  private static EventFilter filter(Context ctx, EventFilter base) {
    EventFilter f = base;
    List<String> admin1 = Params.list(ctx, "admin1");
    if (!admin1.isEmpty()) {
      f = f.withAdmin1(new LinkedHashSet<>(admin1));
    }
    List<String> types = Params.list(ctx, "eventType");
    if (!types.isEmpty()) {
      Set<org.harmattan.domain.event.EventType> t = new LinkedHashSet<>();
      for (String label : types) {
        t.add(
            org.harmattan.domain.event.EventType.findByLabel(label)
                .orElseThrow(
                    () ->
                        ApiProblem.badParameter(
                            "eventType",
                            "'" + label + "' is not an ACLED event type",
                            "Battles, Explosions/Remote violence, Violence against civilians,"
                                + " Protests, Riots or Strategic developments")));
      }
      f = f.withEventTypes(t);
    }
    List<String> sub = Params.list(ctx, "subEventType");
    if (!sub.isEmpty()) {
      f = f.withSubEventTypes(new LinkedHashSet<>(sub));
    }
    List<String> names = ctx.queryParams("actorName");
    if (!names.isEmpty()) {
      f = f.withAnyActorNames(new LinkedHashSet<>(names));
    }
    String bbox = ctx.queryParam("bbox");
    if (bbox != null && !bbox.isBlank()) {
      double[] b = numbers("bbox", bbox, 4, "west,south,east,north in degrees, e.g. -5,14,-1,16");
      try {
        f = f.withBbox(new EventFilter.Box(b[1], b[0], b[3], b[2]));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badParameter(
            "bbox",
            "'" + bbox + "' is not a box: " + e.getMessage(),
            "west,south,east,north with west <= east and south <= north");
      }
    }
    String near = ctx.queryParam("near");
    if (near != null && !near.isBlank()) {
      double[] n = numbers("near", near, 3, "lat,lon,km, e.g. 12.65,-8.0,100");
      try {
        f = f.withNear(new EventFilter.Near(n[0], n[1], n[2]));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badParameter(
            "near", "'" + near + "' is not a circle", "lat in -90..90, lon in -180..180, km > 0");
      }
    }
    Integer min = optionalInt(ctx, "minFatalities");
    Integer max = optionalInt(ctx, "maxFatalities");
    if (min != null && max != null && max < min) {
      throw ApiProblem.badParameter(
          "maxFatalities",
          "maxFatalities " + max + " is below minFatalities " + min,
          "a number >= minFatalities");
    }
    if (min != null) {
      f = f.withMinFatalities((long) min);
    }
    if (max != null) {
      f = f.withMaxFatalities((long) max);
    }
    return f;
  }

  private static Integer optionalInt(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : Params.integer(ctx, name, 0, 1_000_000);
  }

  private static double[] numbers(String name, String value, int count, String expected) {
    String[] parts = value.split(",", -1);
    if (parts.length != count) {
      throw ApiProblem.badParameter(
          name, "'" + value + "' has " + parts.length + " numbers, not " + count, expected);
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw ApiProblem.badParameter(
            name, "'" + parts[i].strip() + "' in " + name + " is not a number", expected);
      }
      if (!Double.isFinite(out[i])) {
        throw ApiProblem.badParameter(name, name + " holds a number that is not finite", expected);
      }
    }
    return out;
  }

  static EventListing.Sort sort(String v) {
    if (v == null || v.isBlank()) {
      return EventListing.Sort.ascending(EventListing.Sort.Field.DATE);
    }
    String s = v.strip();
    boolean descending = s.startsWith("-");
    String name = descending ? s.substring(1) : s;
    EventListing.Sort.Field field =
        switch (name) {
          case "date" -> EventListing.Sort.Field.DATE;
          case "fatalities" -> EventListing.Sort.Field.FATALITIES;
          case "id" -> EventListing.Sort.Field.ID;
          case "country" -> EventListing.Sort.Field.COUNTRY;
          case "admin1" -> EventListing.Sort.Field.ADMIN1;
          case "eventType" -> EventListing.Sort.Field.EVENT_TYPE;
          default ->
              throw ApiProblem.badParameter(
                  "sort",
                  "'" + v + "' is not a sort order",
                  "date, fatalities, id, country, admin1 or eventType, with '-' for descending");
        };
    return descending ? EventListing.Sort.descending(field) : EventListing.Sort.ascending(field);
  }

  private static List<String> fields(Context ctx) {
    List<String> f = Params.list(ctx, "fields");
    for (String name : f) {
      if (!FIELDS.containsKey(name)) {
        throw ApiProblem.badParameter(
            "fields",
            "'" + name + "' is not a field of an event",
            String.join(", ", FIELDS.keySet()));
      }
    }
    return f.isEmpty() ? List.copyOf(FIELDS.keySet()) : f;
  }

  /** One event as the API shows it. */
  static Map<String, Object> row(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("source", e.source().name());
    m.put("sourceEventId", e.sourceEventId());
    m.put("date", e.date().toString());
    m.put("eventType", e.eventType().label());
    m.put("subEventType", e.subEventType());
    m.put("disorderType", e.disorderType());
    m.put("actor1", e.findActor(ActorRole.ACTOR_1).map(EventActor::name).orElse(null));
    m.put("actor2", e.findActor(ActorRole.ACTOR_2).map(EventActor::name).orElse(null));
    List<String> associated = new ArrayList<>();
    for (EventActor a : e.actors()) {
      if (a.role() != ActorRole.ACTOR_1 && a.role() != ActorRole.ACTOR_2) {
        associated.add(a.name());
      }
    }
    m.put("associatedActors", associated);
    m.put("country", e.countryIso3());
    m.put("admin1", e.admin1());
    m.put("admin2", e.admin2());
    m.put("location", e.location());
    m.put("latitude", e.latitude());
    m.put("longitude", e.longitude());
    m.put("fatalities", e.fatalities().best());
    m.put("civilianTargeting", e.civilianTargeting());
    m.put("notes", e.notes());
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("dataset", e.provenance().dataset());
    file.put("sha256", e.provenance().fileSha256());
    file.put("line", e.provenance().lineNumber());
    m.put("sourceFile", file);
    m.put("flags", flags(e));
    return m;
  }

  /**
   * The codes of an event's quality flags ({@code point_outside_country}): shown, never filtered
   * on, as a flagged event is counted as every other.
   */
  static List<String> flags(Event e) {
    List<String> codes = new ArrayList<>();
    for (EventFlag f : e.flags()) {
      codes.add(f.code());
    }
    return codes;
  }

  private static Map<String, Object> select(Map<String, Object> row, List<String> fields) {
    if (fields.size() == FIELDS.size()) {
      return row;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      out.put(f, row.get(f));
    }
    return out;
  }

  private static void csv(
      Context ctx, EventPage page, List<String> fields, Set<SourceSystem> present) {
    CsvBody b = new CsvBody();
    for (SourceSystem s : present) {
      b.comment(Licences.terms(s));
    }
    List<String> header = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (String f : fields) {
      header.add(f);
      tags.add(FIELDS.get(f));
    }
    b.row(header).row(tags);
    for (Event e : page.events()) {
      Map<String, Object> r = row(e);
      List<String> cells = new ArrayList<>();
      for (String f : fields) {
        cells.add(cell(r.get(f)));
      }
      b.row(cells);
    }
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"events.csv\"")
        .result(b.toString());
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof List<?> list) {
      return String.join("; ", list.stream().map(String::valueOf).toList());
    }
    if (v instanceof Map<?, ?> map) {
      return String.valueOf(map.get("dataset")) + ":" + map.get("line");
    }
    return String.valueOf(v);
  }

  private static void geoJson(Context ctx, EventPage page, List<String> fields, String next) {
    ObjectNode fc = Json.mapper().createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Event e : page.events()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", e.id());
      if (e.latitude() == null || e.longitude() == null) {
        f.putNull("geometry");
      } else {
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates").add(e.longitude()).add(e.latitude());
      }
      f.set("properties", Json.mapper().valueToTree(select(row(e), fields)));
    }
    fc.put("total", page.total());
    if (next == null) {
      fc.putNull("next");
    } else {
      fc.put("next", next);
    }
    ctx.contentType("application/geo+json").result(Json.write(fc));
  }

  /** The address of another page: the same query with {@code page} replaced. */
  private static String link(Context ctx, int page) {
    StringBuilder b = new StringBuilder(ctx.path()).append('?');
    boolean first = true;
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (e.getKey().equals("page")) {
        continue;
      }
      for (String v : e.getValue()) {
        if (!first) {
          b.append('&');
        }
        b.append(enc(e.getKey())).append('=').append(enc(v));
        first = false;
      }
    }
    if (!first) {
      b.append('&');
    }
    return b.append("page=").append(page).toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", "#event+id");
    m.put("source", "#meta+source");
    m.put("sourceEventId", "#event+id+source");
    m.put("date", "#date+occurred");
    m.put("eventType", "#event+type");
    m.put("subEventType", "#event+type+sub");
    m.put("disorderType", "#event+type+disorder");
    m.put("actor1", "#org+name+actor1");
    m.put("actor2", "#org+name+actor2");
    m.put("associatedActors", "#org+name+associated");
    m.put("country", "#country+code");
    m.put("admin1", "#adm1+name");
    m.put("admin2", "#adm2+name");
    m.put("location", "#loc+name");
    m.put("latitude", "#geo+lat");
    m.put("longitude", "#geo+lon");
    m.put("fatalities", "#affected+killed");
    m.put("civilianTargeting", "#indicator+civilian_targeting");
    m.put("notes", "#description");
    m.put("sourceFile", "#meta+file");
    m.put("flags", "#meta+flags");
    return m;
  }
}

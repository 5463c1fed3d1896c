package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.query;
import static org.harmattan.server.api.ApiRoute.Param.requiredQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.analytics.regions.Admin1Regions;
import org.harmattan.analytics.regions.PlaceNames;
import org.harmattan.analytics.warning.Signal;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.briefs.render.FiguresJson;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.reference.geo.ReferenceGeography;
import org.harmattan.server.http.Json;
import org.harmattan.server.http.Params;

/**
 * A country's first-level regions ({@code admin1}: the names its events carry, for the dashboard's
 * region filter, each matched to an outline of the reference boundaries) and the early-warning
 * signals that fired in each region as of the last day of a view ({@code warnings}): the brief's
 * own rules and figures, per region.
 */
final class RegionsResource {
  private record RegionsKey(String country, Set<SourceSystem> sources) {}

  /** How many countries' regions and views' signals are kept (both small). */
  static final int CAPACITY = 512;

  private final Api api;
  private final GenerationCache<RegionsKey, Admin1Regions.Result> regions =
      new GenerationCache<>(CAPACITY);
  private final GenerationCache<FiguresResource.Key, byte[]> warnings =
      new GenerationCache<>(CAPACITY);
  private final Map<String, Optional<ReferenceGeography>> geographies = new ConcurrentHashMap<>();

  RegionsResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/admin1",
            Role.VIEWER,
            "figures",
            "The first-level regions of a country as its events in the store name them (the"
                + " values the admin1 filter takes), with their events and deaths, each matched to"
                + " an outline of the reference boundaries by name (accents and case ignored) or"
                + " by where its events lie",
            List.of(
                requiredQuery("country", "string", "Country as ISO3 code or name, e.g. MLI"),
                query(
                    "source",
                    "string",
                    "Only regions named by these source systems (comma-separated; default: all)")),
            null,
            "Admin1List",
            this::admin1),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/warnings",
            Role.VIEWER,
            "figures",
            "Early-warning signals per first-level region as of the window's last day: ACLED's"
                + " surge and threat rules on political violence, as the brief evaluates them;"
                + " every region of the view, those where a rule fired first, each signal with its"
                + " figures (value, unit, query, citation)",
            FiguresResource.WINDOW,
            null,
            "WarningList",
            this::warnings));
  }

  // ------------------------------------------------------------------ admin1

  private void admin1(Context ctx) {
    String country = Params.country(ctx);
    Set<SourceSystem> sources =
        ctx.queryParams("source").isEmpty()
            ? EnumSet.allOf(SourceSystem.class)
            : Params.sources(ctx);
    Admin1Regions.Result r = regions(new RegionsKey(country, Set.copyOf(sources)));
    PlaceNames places = PlaceNames.of(r, List.of());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Admin1Regions.Region region : r.regions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", region.name());
      m.put("label", places.apply(region.name()));
      m.put("events", region.events());
      m.put("fatalities", region.fatalities());
      if (region.outline() != null) {
        m.put("outline", outline(region.outline()));
        m.put("matchedBy", region.matchedBy().name().toLowerCase(Locale.ROOT));
        if (region.locatedShare() != null) {
          m.put("locatedShare", region.locatedShare());
        }
      }
      list.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("country", country);
    m.put("regions", list);
    m.put(
        "outlinesWithoutEvents", r.outlinesWithoutEvents().stream().map(o -> outline(o)).toList());
    m.put("boundaries", r.boundaries());
    m.put("attribution", Licences.attribution(sources));
    ctx.header("X-Attribution", Licences.header(sources));
    SystemResource.ok(ctx, m);
  }

  private static Map<String, Object> outline(Admin1Regions.Outline o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("name", o.name());
    return m;
  }

  /** The regions of a country, computed once per store generation. */
  private Admin1Regions.Result regions(RegionsKey key) {
    long generation = api.store().generation();
    Admin1Regions.Result known = regions.find(key, generation);
    if (known != null) {
      return known;
    }
    Admin1Regions.Result r = api.store().read(s -> regions(s, key.country(), key.sources()));
    regions.put(key, generation, r);
    return r;
  }

  private Admin1Regions.Result regions(Store s, String country, Set<SourceSystem> sources) {
    EventFilter f = EventFilter.of(country, Period.upTo(api.today())).withSources(sources);
    return Admin1Regions.list(s.analytics(), f, geography(country).orElse(null));
  }

  /** The country's reference boundaries, when a profile names them (read once). */
  private Optional<ReferenceGeography> geography(String country) {
    return geographies.computeIfAbsent(
        country, c -> api.context().profiles().find(c).map(ReferenceGeography::load));
  }

  // ------------------------------------------------------------------ warnings

  private void warnings(Context ctx) {
    FiguresResource.Key key = FiguresResource.key(ctx);
    long generation = api.store().generation();
    byte[] body = warnings.find(key, generation);
    if (body == null) {
      // Every region of the view: the regions the view names, else every region of the country.
      Admin1Regions.Result regions =
          regions(new RegionsKey(key.country(), Set.copyOf(key.sources())));
      List<String> names = key.admin1().isEmpty() ? regions.names() : key.admin1();
      PlaceNames places = PlaceNames.of(regions, List.of());
      body = api.store().read(s -> warnings(s, key, names, places));
      warnings.put(key, generation, body);
    }
    ctx.header("X-Attribution", Licences.header(key.sources()));
    ctx.contentType("application/json").result(body);
  }

  private byte[] warnings(Store s, FiguresResource.Key key, List<String> names, PlaceNames places) {
    Scope scope = FiguresResource.scope(api, s.analytics(), key);
    // The request the brief makes of this view, so that the figures are the brief's own.
    SecurityRequest request =
        new SecurityRequest(
            key.country(), key.period(), key.comparison(), key.sources(), api.today(), scope);
    WarningIndicators w = WarningIndicators.compute(s.analytics(), request);
    Map<String, Figure> figures = new LinkedHashMap<>();
    for (Figure f : w.listFigures()) {
      figures.put(f.id(), f);
    }
    Map<String, List<WarningIndicators.Entry>> fired = new LinkedHashMap<>();
    for (String n : names) {
      fired.put(n, new ArrayList<>());
    }
    for (WarningIndicators.Entry e : w.triggeredRegions()) {
      fired.computeIfAbsent(e.signal().area(), n -> new ArrayList<>()).add(e);
    }
    List<Map.Entry<String, List<WarningIndicators.Entry>>> ordered =
        new ArrayList<>(fired.entrySet());
    ordered.sort(
        Comparator.comparing(
                (Map.Entry<String, List<WarningIndicators.Entry>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey));
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map.Entry<String, List<WarningIndicators.Entry>> e : ordered) {
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("name", e.getKey());
      region.put("label", places.apply(e.getKey()));
      List<Map<String, Object>> signals = new ArrayList<>();
      for (WarningIndicators.Entry entry : e.getValue()) {
        signals.add(signal(entry, figures));
      }
      region.put("signals", signals);
      list.add(region);
    }
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    m.put("country", key.country());
    m.put("period", period(key.period()));
    m.put("asOf", key.period().to().toString());
    m.put(
        "rules",
        "ACLED's surge rule (violent events in the last 7 days at least twice the weekly average"
            + " of the 4 weeks before) and threat rule (the last 30 days at least twice the 30-day"
            + " average of the year before), each needing at least 3 events, on political"
            + " violence (battles, explosions/remote violence, violence against civilians) as of"
            + " the window's last day. A rule that fires is a prompt to look closer, not a"
            + " forecast.");
    m.put("regions", list);
    m.put("fired", w.triggeredRegions().size());
    m.put("attribution", Licences.attribution(key.sources()));
    return Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, Object> signal(WarningIndicators.Entry e, Map<String, Figure> figures) {
    Signal s = e.signal();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", s.ruleId());
    m.put("level", s.level());
    m.put("rule", s.rule());
    m.put("observedWindow", period(s.observedWindow()));
    m.put("baselineWindow", period(s.baselineWindow()));
    m.put("threshold", s.threshold());
    m.put("notes", s.notes());
    m.put("observed", cited(figures.get(e.observedFigure())));
    m.put("baseline", cited(figures.get(e.baselineFigure())));
    if (e.pValueFigure() != null) {
      m.put("pValue", cited(figures.get(e.pValueFigure())));
    }
    return m;
  }

  /** A figure as the API writes it, with the text the brief prints for it. */
  private Map<String, Object> cited(Figure f) {
    ObjectNode node = FiguresJson.toNode(f, api.synthetic());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", FigureFormat.ENGLISH.format(f, Inline.Style.WITH_UNIT));
    m.put("figure", node);
    return m;
  }

  private static Map<String, Object> period(Period p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", p.from().toString());
    m.put("to", p.to().toString());
    return m;
  }
}

package org.harmattan.analytics.capital;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.analytics.actors.ActorMatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.Figures;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.actor.ActorType;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;

/**
 * How close political violence (battles, explosions/remote violence, violence against civilians)
 * comes to the capital. The headline is the approach of non-state armed groups (registry types
 * {@link ActorType#NON_STATE_ARMED}): ring counts and nearest approach of the window's events that
 * name one in any role; the events of state or foreign forces that name none, and the rest (actors
 * the registry classes as neither, or does not know), are counted apart, and all political violence
 * together. Each of the most active armed groups also gets its median distance, the monthly median,
 * its trend in km per month with a 95 % confidence interval, and first incursions (an event inside
 * a radius the group had not entered for {@link #LOOKBACK_MONTHS} months).
 */
public final class CapitalAdvance {
  /** The rings, in km. */
  public static final List<Integer> RADII_KM = List.of(50, 100, 200);

  /**
   * How long an actor must have stayed outside a ring for an event inside it to be an incursion.
   */
  public static final int LOOKBACK_MONTHS = 12;

  /** How many actors get their own figures. */
  public static final int TOP_ACTORS = 5;

  private static final Set<EventType> POLITICAL_VIOLENCE = EventType.POLITICAL_VIOLENCE;

  /**
   * Who an event of the window is counted under: every event belongs to exactly one group, so that
   * the groups' ring counts add up to those of all political violence.
   */
  public enum Group {
    /** Names a non-state armed group of the registry in any role. */
    ARMED_GROUPS("armed_groups", "naming a non-state armed group (any role)"),
    /** Names a state or foreign force and no non-state armed group. */
    STATE_FORCES("state_forces", "of state or foreign forces naming no non-state armed group"),
    /** Names neither: civilians, rioters or names the registry does not know. */
    OTHER("other", "naming neither an armed group nor a state force of the registry");

    private final String key;
    private final String condition;

    Group(String key, String condition) {
      this.key = key;
      this.condition = condition;
    }

    /** The figure-id part, e.g. {@code armed_groups}. */
    public String key() {
      return key;
    }

    /** How the group's events are chosen, in words, as the figures' queries state it. */
    public String condition() {
      return condition;
    }

    /** How the group's events are chosen, in the words of a figure's label. */
    public String condition(Texts texts) {
      return texts.t("capital.group." + key);
    }
  }

  /**
   * One actor's figures.
   *
   * @param actor the registry actor
   * @param events id of the figure counting its events in the window
   * @param nearest id of its nearest-approach figure
   * @param median id of its median-distance figure
   * @param within ids of its ring-count figures, one per radius in {@link #RADII_KM} order
   * @param monthlyMedian ids of its monthly median-distance figures, by month (months with events)
   * @param trend id of the trend figure (km per month), or null when fewer than 3 months
   * @param trendLow id of the lower end of its 95 % confidence interval, or null
   * @param trendHigh id of the upper end of its 95 % confidence interval, or null
   * @param incursions ids of its first-incursion figures (value: distance in km)
   */
  public record ActorAdvance(
      CanonicalActor actor,
      String events,
      String nearest,
      String median,
      List<String> within,
      Map<YearMonth, String> monthlyMedian,
      String trend,
      String trendLow,
      String trendHigh,
      List<String> incursions) {}

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<ActorAdvance> actors = new ArrayList<>();
  private final List<String> within = new ArrayList<>();
  private final Map<Group, List<String>> groupWithin = new LinkedHashMap<>();
  private String armedNearest;
  private final SecurityRequest request;
  private final CountryProfile.NamedPlace capital;
  private final LocalDate today;
  private final Texts texts;
  private String nearest;
  private EventFilter filter;
  private List<EventPoint> windowEvents = List.of();

  /** The citations made so far, by the very list of events they cite. */
  private final IdentityHashMap<Collection<Located>, Citation> cited = new IdentityHashMap<>();

  /** The files of every event read for the analysis: what a figure counting none searched. */
  private List<SourceRef> searched = List.of();

  private CapitalAdvance(SecurityRequest request, CountryProfile.NamedPlace capital) {
    this.request = request;
    this.capital = capital;
    this.today = request.today();
    this.texts = AnalyticsTexts.of(request.language());
  }

  /** Computes the advance for the request's country, whose profile must name a capital. */
  public static Optional<CapitalAdvance> compute(
      AnalyticsEngine engine, ActorRegistry registry, SecurityRequest request) {
    requireNonNull(engine, "engine");
    requireNonNull(registry, "registry");
    return CountryProfiles.shipped()
        .find(request.countryIso3())
        .map(profile -> compute(engine, registry, request, profile));
  }

  /** Computes the advance on the capital that {@code profile} names. */
  public static CapitalAdvance compute(
      AnalyticsEngine engine,
      ActorRegistry registry,
      SecurityRequest request,
      CountryProfile profile) {
    requireNonNull(engine, "engine");
    requireNonNull(registry, "registry");
    requireNonNull(profile, "profile");
    CapitalAdvance c = new CapitalAdvance(request, profile.capital());
    c.run(engine, registry);
    return c;
  }

  /** A located event, its distance to the capital, and whether it lies in the window. */
  private record Located(EventPoint point, double km, boolean inWindow) {}

  private void run(AnalyticsEngine engine, ActorRegistry registry) {
    Period p = request.period();
    Period history = new Period(p.from().minusMonths(LOOKBACK_MONTHS), p.to());
    filter =
        request
            .scope()
            .apply(EventFilter.of(request.countryIso3(), p).withSources(request.sources()))
            .restrictEventTypes(POLITICAL_VIOLENCE);
    // The year before the window only serves to detect first incursions into the rings, so the
    // engine reads just the events of that year within the largest ring (with a kilometre to
    // spare, so that rounding in the engine's distance cannot drop an event on the ring).
    List<EventPoint> points = new ArrayList<>();
    if (history.from().isBefore(p.from())) {
      int outer = RADII_KM.get(RADII_KM.size() - 1);
      points.addAll(
          engine.listEventPoints(
              filter
                  .withPeriod(new Period(history.from(), p.from().minusDays(1)))
                  .withNear(
                      new EventFilter.Near(capital.latitude(), capital.longitude(), outer + 1))));
    }
    points.addAll(engine.listEventPoints(filter));
    searched = Figures.sourcesOf(points);
    List<Located> all = new ArrayList<>();
    for (EventPoint e : points) {
      all.add(
          new Located(
              e,
              Geo.distanceKm(capital.latitude(), capital.longitude(), e.latitude(), e.longitude()),
              p.contains(e.date())));
    }
    List<Located> window = all.stream().filter(Located::inWindow).toList();
    windowEvents = window.stream().map(Located::point).toList();
    String where = "political-violence events " + filter.toCondition();
    for (int r : RADII_KM) {
      List<Located> in = window.stream().filter(l -> l.km() <= r).toList();
      within.add(
          add(figure(
                  "capital.events_within_" + r + "km",
                  texts.t("capital.label.within_any", String.valueOf(r), capital.name()),
                  (double) in.size(),
                  "events",
                  in,
                  "count of " + where + " at most " + r + " km (haversine) from " + place(),
                  null))
              .id());
    }
    nearest =
        add(nearestFigure(
                "capital.nearest_km",
                texts.t("capital.label.nearest_any", capital.name()),
                window,
                where))
            .id();
    Map<String, List<Located>> byActor = new LinkedHashMap<>();
    Map<String, CanonicalActor> actorsById = new HashMap<>();
    Map<Group, List<Located>> byGroup = new EnumMap<>(Group.class);
    for (Group g : Group.values()) {
      byGroup.put(g, new ArrayList<>());
    }
    for (Located l : all) {
      Set<String> ids = new LinkedHashSet<>();
      boolean force = false;
      for (String raw : l.point().actorNames()) {
        Optional<ActorMatch> m = registry.match(raw);
        if (m.isEmpty()) {
          continue;
        }
        ActorType type = m.get().actor().type();
        if (ActorType.NON_STATE_ARMED.contains(type)) {
          ids.add(m.get().actor().id());
          actorsById.put(m.get().actor().id(), m.get().actor());
        } else if (ActorType.STATE_AND_FOREIGN_FORCES.contains(type)) {
          force = true;
        }
      }
      for (String id : ids) {
        byActor.computeIfAbsent(id, k -> new ArrayList<>()).add(l);
      }
      if (l.inWindow()) {
        Group g = !ids.isEmpty() ? Group.ARMED_GROUPS : force ? Group.STATE_FORCES : Group.OTHER;
        byGroup.get(g).add(l);
      }
    }
    for (Group g : Group.values()) {
      String cond = where + " " + g.condition();
      List<String> ids = new ArrayList<>();
      for (int r : RADII_KM) {
        List<Located> in = byGroup.get(g).stream().filter(l -> l.km() <= r).toList();
        ids.add(
            add(figure(
                    "capital." + g.key() + ".events_within_" + r + "km",
                    texts.t(
                        "capital.label.within_group",
                        g.condition(texts),
                        String.valueOf(r),
                        capital.name()),
                    (double) in.size(),
                    "events",
                    in,
                    "count of " + cond + " at most " + r + " km (haversine) from " + place(),
                    null))
                .id());
      }
      groupWithin.put(g, ids);
    }
    armedNearest =
        add(nearestFigure(
                "capital.armed_groups.nearest_km",
                texts.t(
                    "capital.label.nearest_group",
                    Group.ARMED_GROUPS.condition(texts),
                    capital.name()),
                byGroup.get(Group.ARMED_GROUPS),
                where + " " + Group.ARMED_GROUPS.condition()))
            .id();
    List<String> ranked =
        byActor.entrySet().stream()
            .map(
                e -> Map.entry(e.getKey(), e.getValue().stream().filter(Located::inWindow).count()))
            .filter(e -> e.getValue() > 0)
            .sorted(
                Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(TOP_ACTORS)
            .map(Map.Entry::getKey)
            .toList();
    for (String id : ranked) {
      actors.add(actor(actorsById.get(id), byActor.get(id), where));
    }
  }

  private ActorAdvance actor(CanonicalActor a, List<Located> history, String where) {
    Period p = request.period();
    List<Located> window = history.stream().filter(Located::inWindow).toList();
    String who = a.name();
    String cond = where + " involving " + a.id() + " (registry actor, any role)";
    String events =
        add(figure(
                "capital.events." + a.id(),
                texts.t("capital.label.actor_events", who),
                (double) window.size(),
                "events",
                window,
                "count of " + cond,
                null))
            .id();
    String nearestId =
        add(nearestFigure(
                "capital.nearest_km." + a.id(),
                texts.t("capital.label.actor_nearest", capital.name(), who),
                window,
                cond))
            .id();
    double[] km = window.stream().mapToDouble(Located::km).sorted().toArray();
    String medianId =
        add(figure(
                "capital.median_km." + a.id(),
                texts.t("capital.label.actor_median", capital.name(), who),
                median(km),
                "km",
                window,
                "median haversine distance from " + place() + " of " + cond,
                null))
            .id();
    List<String> rings = new ArrayList<>();
    for (int r : RADII_KM) {
      List<Located> in = window.stream().filter(l -> l.km() <= r).toList();
      rings.add(
          add(figure(
                  "capital.events_within_" + r + "km." + a.id(),
                  texts.t("capital.label.actor_within", String.valueOf(r), capital.name(), who),
                  (double) in.size(),
                  "events",
                  in,
                  "count of " + cond + " at most " + r + " km from " + place(),
                  null))
              .id());
    }
    Map<YearMonth, List<Located>> months = new TreeMap<>();
    for (Located l : window) {
      months.computeIfAbsent(YearMonth.from(l.point().date()), k -> new ArrayList<>()).add(l);
    }
    Map<YearMonth, String> monthly = new LinkedHashMap<>();
    List<double[]> xy = new ArrayList<>();
    YearMonth first = YearMonth.from(p.from());
    for (Map.Entry<YearMonth, List<Located>> m : months.entrySet()) {
      double med = median(m.getValue().stream().mapToDouble(Located::km).sorted().toArray());
      Figure f =
          add(
              figure(
                  "capital.monthly_median_km." + a.id() + "." + m.getKey(),
                  texts.t(
                      "capital.label.actor_monthly_median",
                      capital.name(),
                      who,
                      m.getKey().toString()),
                  med,
                  "km",
                  m.getValue(),
                  "median haversine distance from " + place() + " of " + cond + " in " + m.getKey(),
                  null));
      monthly.put(m.getKey(), f.id());
      xy.add(new double[] {first.until(m.getKey(), java.time.temporal.ChronoUnit.MONTHS), med});
    }
    String trend = null;
    String trendLow = null;
    String trendHigh = null;
    if (xy.size() >= 3) {
      Trend t = Trend.fit(xy);
      String how =
          "least-squares slope of the monthly median distance over month number, "
              + cond
              + ", over "
              + xy.size()
              + " months with events";
      trend =
          add(figure(
                  "capital.trend_km_per_month." + a.id(),
                  texts.t("capital.label.trend", capital.name(), who),
                  t.slope(),
                  "km_per_month",
                  window,
                  how,
                  texts.t("capital.note.trend")))
              .id();
      trendLow =
          add(figure(
                  "capital.trend_km_per_month." + a.id() + ".ci_low",
                  texts.t("capital.label.trend_low", who),
                  t.low(),
                  "km_per_month",
                  window,
                  how + "; Student's t interval",
                  null))
              .id();
      trendHigh =
          add(figure(
                  "capital.trend_km_per_month." + a.id() + ".ci_high",
                  texts.t("capital.label.trend_high", who),
                  t.high(),
                  "km_per_month",
                  window,
                  how + "; Student's t interval",
                  null))
              .id();
    }
    List<String> incursions = new ArrayList<>();
    for (int r : RADII_KM) {
      Located last = null;
      for (Located l : history) {
        if (l.km() > r) {
          continue;
        }
        boolean fresh =
            last == null
                || last.point().date().plusMonths(LOOKBACK_MONTHS).isBefore(l.point().date());
        if (fresh && l.inWindow()) {
          incursions.add(
              add(figure(
                      "capital.first_incursion_km." + r + "." + a.id(),
                      texts.t(
                          "capital.label.first_incursion",
                          String.valueOf(r),
                          capital.name(),
                          who,
                          String.valueOf(LOOKBACK_MONTHS),
                          texts.day(l.point().date())
                              + (l.point().location() == null ? "" : ", " + l.point().location())),
                      l.km(),
                      "km",
                      List.of(l),
                      "first event of "
                          + cond
                          + " at most "
                          + r
                          + " km from "
                          + place()
                          + " with none in the "
                          + LOOKBACK_MONTHS
                          + " months before",
                      texts.t("capital.note.first_incursion", String.valueOf(LOOKBACK_MONTHS))))
                  .id());
          break;
        }
        last = l;
      }
    }
    return new ActorAdvance(
        a, events, nearestId, medianId, rings, monthly, trend, trendLow, trendHigh, incursions);
  }

  private Figure nearestFigure(String id, String label, List<Located> window, String cond) {
    Optional<Located> n = window.stream().min(Comparator.comparingDouble(Located::km));
    return figure(
        id,
        label,
        n.map(Located::km).orElse(null),
        "km",
        n.map(List::of).orElse(List.of()),
        "minimum haversine distance from " + place() + " of " + cond,
        n.isPresent() ? null : texts.t("capital.note.no_event"));
  }

  private String place() {
    return String.format(
        Locale.ROOT, "%s (%.4f, %.4f)", capital.name(), capital.latitude(), capital.longitude());
  }

  private Figure figure(
      String id,
      String label,
      Double value,
      String unit,
      Collection<Located> records,
      String query,
      String note) {
    // An actor's events are cited by five of its figures: the citation is made once per list.
    Citation citation =
        cited.computeIfAbsent(
            records,
            r -> new Figures(today).cite(r.stream().map(Located::point).toList(), searched));
    Map<String, String> filters = new TreeMap<>(filter.describe());
    filters.put("capital", place());
    return new Figure(
        id, label, value, unit, request.period(), null, filters, query, citation, note);
  }

  private Figure add(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("figure id computed twice: " + f.id());
    }
    return f;
  }

  private static Double median(double[] sorted) {
    if (sorted.length == 0) {
      return null;
    }
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  public CountryProfile.NamedPlace capital() {
    return capital;
  }

  /** The language of the figures' labels and notes: the request's. */
  public Language language() {
    return request.language();
  }

  /**
   * Ids of the ring-count figures of all political violence, any actor, one per radius in {@link
   * #RADII_KM} order.
   */
  public List<String> within() {
    return List.copyOf(within);
  }

  /**
   * The political-violence events of the window with coordinates, as the engine listed them (for
   * maps of events by type; the figures cite the same events).
   */
  public List<EventPoint> listWindowEvents() {
    return windowEvents;
  }

  /** Id of the nearest-approach figure of all political violence, any actor. */
  public String nearest() {
    return nearest;
  }

  /**
   * Ids of a group's ring-count figures, one per radius in {@link #RADII_KM} order; the groups'
   * counts add up to {@link #within()}.
   */
  public List<String> within(Group group) {
    return List.copyOf(groupWithin.get(group));
  }

  /** Id of the nearest approach of the events naming a non-state armed group. */
  public String armedNearest() {
    return armedNearest;
  }

  public List<ActorAdvance> actors() {
    return List.copyOf(actors);
  }

  public List<Figure> listFigures() {
    return List.copyOf(figures.values());
  }
}

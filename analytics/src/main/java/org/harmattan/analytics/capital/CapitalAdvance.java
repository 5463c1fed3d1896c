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
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.PointGroup;
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

  /** The engine the advance was computed on, for the map's events ({@link #listWindowEvents}). */
  private AnalyticsEngine engine;

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

  /**
   * Located events, their distance to the capital, and whether they lie in the window: events of
   * one point and day ({@link DayGroup}, for what needs their day: rings, nearest approaches,
   * incursions), or of one point and month ({@link PointGroup}, {@code date} null, for counts,
   * medians and citations over many events).
   *
   * @param date the events' day, or null for a month's group
   * @param location the source's place name of a day's events, or null
   * @param ids the events' ids, sorted
   * @param first the first event by date then id, as {@link PointGroup#first} gives it
   */
  private record Located(
      LocalDate date,
      String location,
      List<String> ids,
      SourceRef source,
      LocalDate accessed,
      String first,
      YearMonth month,
      List<String> actorNames,
      double km,
      boolean inWindow) {
    int count() {
      return ids.size();
    }
  }

  private Located located(DayGroup g, boolean inWindow) {
    return new Located(
        g.date(),
        g.location(),
        g.ids(),
        g.source(),
        g.accessed(),
        PointGroup.firstKey(g.date(), g.first()),
        YearMonth.from(g.date()),
        g.actorNames(),
        Geo.distanceKm(capital.latitude(), capital.longitude(), g.latitude(), g.longitude()),
        inWindow);
  }

  private Located located(PointGroup g) {
    return new Located(
        null,
        null,
        g.ids(),
        g.source(),
        g.accessed(),
        g.first(),
        g.month(),
        g.actorNames(),
        Geo.distanceKm(capital.latitude(), capital.longitude(), g.latitude(), g.longitude()),
        true);
  }

  /** How many events {@code located} holds (a group holds several). */
  private static long count(Collection<Located> located) {
    long n = 0;
    for (Located l : located) {
      n += l.count();
    }
    return n;
  }

  private void run(AnalyticsEngine engine, ActorRegistry registry) {
    Period p = request.period();
    Period history = new Period(p.from().minusMonths(LOOKBACK_MONTHS), p.to());
    filter =
        request
            .scope()
            .apply(EventFilter.of(request.countryIso3(), p).withSources(request.sources()))
            .restrictEventTypes(POLITICAL_VIOLENCE);
    this.engine = engine;
    // Rings, nearest approaches and incursions need the day of each event within the largest ring
    // (with a kilometre to spare, so that rounding in the engine's distance cannot drop an event
    // on the ring), of the window and of the year before it (for first incursions): the engine
    // gives them in groups of a point and day; counts, medians and citations over all of the
    // window's events need only their groups of a point and month, which the engine makes too.
    int outer = RADII_KM.get(RADII_KM.size() - 1);
    EventFilter.Near nearCapital =
        new EventFilter.Near(capital.latitude(), capital.longitude(), outer + 1);
    // One reading of the window and the year before it (the groups come oldest first).
    List<DayGroup> before = new ArrayList<>();
    List<DayGroup> nearWindow = new ArrayList<>();
    for (DayGroup g : engine.listDayGroups(filter.withPeriod(history).withNear(nearCapital))) {
      (g.date().isBefore(p.from()) ? before : nearWindow).add(g);
    }
    List<PointGroup> groups = engine.listPointGroups(filter);
    Set<SourceRef> files = new LinkedHashSet<>();
    before.forEach(g -> files.add(g.source()));
    groups.forEach(g -> files.add(g.source()));
    searched = List.copyOf(files);
    List<Located> near = new ArrayList<>(before.size() + nearWindow.size());
    before.forEach(e -> near.add(located(e, false)));
    nearWindow.forEach(e -> near.add(located(e, true)));
    List<Located> window = near.stream().filter(Located::inWindow).toList();
    List<Located> all = groups.stream().map(this::located).toList();
    String where = "political-violence events " + filter.toCondition();
    for (int r : RADII_KM) {
      List<Located> in = window.stream().filter(l -> l.km() <= r).toList();
      within.add(
          add(figure(
                  "capital.events_within_" + r + "km",
                  texts.t("capital.label.within_any", String.valueOf(r), capital.name()),
                  (double) count(in),
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
                all,
                where))
            .id();
    Map<String, Actors> byActor = new LinkedHashMap<>();
    Map<String, CanonicalActor> actorsById = new HashMap<>();
    Map<Group, Actors> byGroup = new EnumMap<>(Group.class);
    for (Group g : Group.values()) {
      byGroup.put(g, new Actors());
    }
    Map<List<String>, Classified> classes = new HashMap<>();
    for (Located l : near) {
      Classified c =
          classes.computeIfAbsent(l.actorNames(), n -> classify(n, registry, actorsById));
      for (String id : c.armed()) {
        byActor.computeIfAbsent(id, k -> new Actors()).near.add(l);
      }
      if (l.inWindow()) {
        byGroup.get(c.group()).near.add(l);
      }
    }
    for (Located l : all) {
      Classified c =
          classes.computeIfAbsent(l.actorNames(), n -> classify(n, registry, actorsById));
      for (String id : c.armed()) {
        byActor.computeIfAbsent(id, k -> new Actors()).window.add(l);
      }
      byGroup.get(c.group()).window.add(l);
    }
    for (Group g : Group.values()) {
      String cond = where + " " + g.condition();
      List<String> ids = new ArrayList<>();
      for (int r : RADII_KM) {
        List<Located> in = byGroup.get(g).near.stream().filter(l -> l.km() <= r).toList();
        ids.add(
            add(figure(
                    "capital." + g.key() + ".events_within_" + r + "km",
                    texts.t(
                        "capital.label.within_group",
                        g.condition(texts),
                        String.valueOf(r),
                        capital.name()),
                    (double) count(in),
                    "events",
                    in,
                    "count of " + cond + " at most " + r + " km (haversine) from " + place(),
                    null))
                .id());
      }
      groupWithin.put(g, ids);
    }
    Actors armed = byGroup.get(Group.ARMED_GROUPS);
    armedNearest =
        add(nearestFigure(
                "capital.armed_groups.nearest_km",
                texts.t(
                    "capital.label.nearest_group",
                    Group.ARMED_GROUPS.condition(texts),
                    capital.name()),
                armed.near,
                armed.window,
                where + " " + Group.ARMED_GROUPS.condition()))
            .id();
    List<String> ranked =
        byActor.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), count(e.getValue().window)))
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

  /**
   * The located events of an actor or a group: each event within the largest ring, of the window
   * and the year before it, in date order; and every event of the window, in groups.
   */
  private static final class Actors {
    final List<Located> near = new ArrayList<>();
    final List<Located> window = new ArrayList<>();
  }

  /** The registry's reading of an event's actor names: its armed groups and its group. */
  private record Classified(Set<String> armed, Group group) {}

  private static Classified classify(
      List<String> names, ActorRegistry registry, Map<String, CanonicalActor> actorsById) {
    Set<String> ids = new LinkedHashSet<>();
    boolean force = false;
    for (String raw : names) {
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
    return new Classified(
        ids, !ids.isEmpty() ? Group.ARMED_GROUPS : force ? Group.STATE_FORCES : Group.OTHER);
  }

  private ActorAdvance actor(CanonicalActor a, Actors located, String where) {
    Period p = request.period();
    List<Located> window = located.window;
    List<Located> nearWindow = located.near.stream().filter(Located::inWindow).toList();
    String who = a.name();
    String cond = where + " involving " + a.id() + " (registry actor, any role)";
    String events =
        add(figure(
                "capital.events." + a.id(),
                texts.t("capital.label.actor_events", who),
                (double) count(window),
                "events",
                window,
                "count of " + cond,
                null))
            .id();
    String nearestId =
        add(nearestFigure(
                "capital.nearest_km." + a.id(),
                texts.t("capital.label.actor_nearest", capital.name(), who),
                nearWindow,
                window,
                cond))
            .id();
    String medianId =
        add(figure(
                "capital.median_km." + a.id(),
                texts.t("capital.label.actor_median", capital.name(), who),
                median(window),
                "km",
                window,
                "median haversine distance from " + place() + " of " + cond,
                null))
            .id();
    List<String> rings = new ArrayList<>();
    for (int r : RADII_KM) {
      List<Located> in = nearWindow.stream().filter(l -> l.km() <= r).toList();
      rings.add(
          add(figure(
                  "capital.events_within_" + r + "km." + a.id(),
                  texts.t("capital.label.actor_within", String.valueOf(r), capital.name(), who),
                  (double) count(in),
                  "events",
                  in,
                  "count of " + cond + " at most " + r + " km from " + place(),
                  null))
              .id());
    }
    Map<YearMonth, List<Located>> months = new TreeMap<>();
    for (Located l : window) {
      months.computeIfAbsent(l.month(), k -> new ArrayList<>()).add(l);
    }
    Map<YearMonth, String> monthly = new LinkedHashMap<>();
    List<double[]> xy = new ArrayList<>();
    YearMonth first = YearMonth.from(p.from());
    for (Map.Entry<YearMonth, List<Located>> m : months.entrySet()) {
      double med = median(m.getValue());
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
      for (Located l : located.near) {
        if (l.km() > r) {
          continue;
        }
        // A day's group: its first event is the incursion, the others share its day.
        boolean fresh = last == null || last.date().plusMonths(LOOKBACK_MONTHS).isBefore(l.date());
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
                          texts.day(l.date()) + (l.location() == null ? "" : ", " + l.location())),
                      l.km(),
                      "km",
                      List.of(firstOf(l)),
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

  /**
   * The nearest approach among {@code window}'s events: among {@code near} (each event within the
   * largest ring) when there is one, else among {@code groups} (all of them); the first event by
   * date, then id, of those nearest.
   */
  private Figure nearestFigure(
      String id, String label, List<Located> near, List<Located> groups, String cond) {
    Optional<Located> n =
        near.isEmpty()
            ? groups.stream()
                .min(Comparator.comparingDouble(Located::km).thenComparing(Located::first))
                .map(CapitalAdvance::firstOf)
            : near.stream()
                .min(Comparator.comparingDouble(Located::km))
                .map(CapitalAdvance::firstOf);
    return figure(
        id,
        label,
        n.map(Located::km).orElse(null),
        "km",
        n.map(List::of).orElse(List.of()),
        "minimum haversine distance from " + place() + " of " + cond,
        n.isPresent() ? null : texts.t("capital.note.no_event"));
  }

  /** The first event of a group, by date then id, alone. */
  private static Located firstOf(Located g) {
    String id = g.first().substring(g.first().indexOf('\u001f') + 1);
    return new Located(
        g.date(),
        g.location(),
        List.of(id),
        g.source(),
        g.accessed(),
        g.first(),
        g.month(),
        g.actorNames(),
        g.km(),
        g.inWindow());
  }

  /**
   * The median distance of the events of {@code located}, a group counting as many events as it
   * holds (the middle one of an odd count, the mean of the two middle ones of an even count), or
   * null for none.
   */
  private static Double median(List<Located> located) {
    long n = count(located);
    if (n == 0) {
      return null;
    }
    List<Located> byDistance = new ArrayList<>(located);
    byDistance.sort(Comparator.comparingDouble(Located::km));
    double upper = distanceAt(byDistance, n / 2);
    return n % 2 == 1 ? upper : (distanceAt(byDistance, n / 2 - 1) + upper) / 2;
  }

  /** The distance of the event at {@code position} (from 0) of groups sorted by distance. */
  private static double distanceAt(List<Located> byDistance, long position) {
    long seen = 0;
    for (Located l : byDistance) {
      seen += l.count();
      if (position < seen) {
        return l.km();
      }
    }
    throw new IllegalArgumentException("no event at " + position + " of " + seen);
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
    Citation citation = cited.computeIfAbsent(records, this::cite);
    Map<String, String> filters = new TreeMap<>(filter.describe());
    filters.put("capital", place());
    return new Figure(
        id, label, value, unit, request.period(), null, filters, query, citation, note);
  }

  /**
   * The citation of located events, as {@link Figures#cite} makes it of points: their ids sorted
   * (when first read: the groups of one answer share no event), their files in order of first
   * appearance by date then id, the latest day of reading; a list of none cites the files searched.
   */
  private Citation cite(Collection<Located> records) {
    List<Located> ordered = new ArrayList<>(records);
    ordered.sort(Comparator.comparing(Located::first));
    return new Figures(today)
        .citeDisjoint(ordered, Located::ids, Located::source, Located::accessed, searched);
  }

  private Figure add(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("figure id computed twice: " + f.id());
    }
    return f;
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
   * The political-violence events of the window at most {@code km} from the capital, as the engine
   * lists them (for a map of events by type around the capital; the figures cite the same events).
   * They are read when asked, from the engine the advance was computed on, which must still be
   * open.
   */
  public List<EventPoint> listWindowEvents(double km) {
    return engine.listEventPoints(
        filter.withNear(new EventFilter.Near(capital.latitude(), capital.longitude(), km)));
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

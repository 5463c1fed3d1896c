package org.harmattan.analytics.corridors;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.analytics.corridors.PassageClassifier.Passage;
import org.harmattan.analytics.indicators.Figures;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.text.AnalyticsTexts;
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

/**
 * Supply corridors and what threatens passage on them, as figures.
 *
 * <p>Every event the engine returns for the country (battles, explosions/remote violence, violence
 * against civilians, strategic developments) is classified by {@link PassageClassifier}; a
 * passage-affecting event within the buffer (default {@value #DEFAULT_BUFFER_KM} km) of a corridor
 * is assigned to the corridor's nearest segment ({@link Snapping}).
 *
 * <p>Status of a segment at the window's end E, counting its passage-affecting events dated up to
 * E:
 *
 * <ul>
 *   <li>blocked: at least {@value #BLOCKED_MIN_EVENTS} events in the last {@value #RECENT_DAYS}
 *       days (E − 29 … E), or one {@link PassageCategory#BLOCKADE} event in them;
 *   <li>disrupted: otherwise at least one event in the last {@value #DISRUPTED_DAYS} days;
 *   <li>open: otherwise.
 * </ul>
 *
 * A corridor's status is its worst segment's. Its blockade index (0–100) is {@code 50 × S + 50 ×
 * min(1, W / 5)}, where S is the share of its length blocked (counted whole) or disrupted (counted
 * half), and W sums over its passage-affecting events in the window the weight {@code 0.5^(age /
 * 30)}, age in days before E: five events on the last day, or ten a month earlier, saturate it.
 * Days since the last incident count from the last passage-affecting event in the window to E.
 */
public final class CorridorReport {
  public static final double DEFAULT_BUFFER_KM = 10;
  public static final int RECENT_DAYS = 30;
  public static final int DISRUPTED_DAYS = 90;
  public static final int BLOCKED_MIN_EVENTS = 3;
  public static final double HALF_LIFE_DAYS = 30;
  public static final double SATURATION = 5;

  private static final Set<EventType> COUNTED =
      Set.of(
          EventType.BATTLES,
          EventType.EXPLOSIONS_REMOTE_VIOLENCE,
          EventType.VIOLENCE_AGAINST_CIVILIANS,
          EventType.STRATEGIC_DEVELOPMENTS);

  /**
   * A passage-affecting event on a corridor.
   *
   * @param point the event
   * @param passage its category and reasons
   * @param segment index of the nearest segment
   * @param distanceKm distance to that segment
   */
  public record PassageEvent(EventPoint point, Passage passage, int segment, double distanceKm) {}

  /**
   * One segment's result.
   *
   * @param segment the segment
   * @param status its status at the window's end
   * @param lastIncident the date of its last passage-affecting event up to the window's end, or
   *     null
   * @param lengthFigure id of its length figure
   * @param statusFigure id of its status figure
   */
  public record SegmentResult(
      Corridor.Segment segment,
      SegmentStatus status,
      LocalDate lastIncident,
      String lengthFigure,
      String statusFigure) {}

  /**
   * One stretch of road between two towns: its consecutive segments of the same {@link
   * Corridor.Segment#label}.
   *
   * @param label "Ségou – San"
   * @param segments its segments' results, in path order
   * @param status the worst of its segments' statuses
   * @param lastIncident the latest of its segments' last passage-affecting events, or null
   * @param lengthFigure id of {@code corridor.<slug>.stretch.<n>.length_km}
   * @param statusFigure id of {@code corridor.<slug>.stretch.<n>.status}
   */
  public record StretchResult(
      String label,
      List<SegmentResult> segments,
      SegmentStatus status,
      LocalDate lastIncident,
      String lengthFigure,
      String statusFigure) {
    public StretchResult {
      segments = List.copyOf(segments);
    }
  }

  /**
   * One corridor's result.
   *
   * @param corridor the geometry
   * @param status the worst segment status
   * @param segments per segment, in path order
   * @param stretches the segments grouped by the towns around them, in path order
   * @param events passage-affecting events within the buffer, in the window, oldest first
   * @param lengthFigure id of {@code corridor.<slug>.length_km}
   * @param statusFigure id of {@code corridor.<slug>.status}
   * @param blockadeIndexFigure id of {@code corridor.<slug>.blockade_index}
   * @param daysSinceFigure id of {@code corridor.<slug>.days_since_last_incident}
   * @param passageEventsFigure id of {@code corridor.<slug>.passage_events}
   */
  public record CorridorResult(
      Corridor corridor,
      SegmentStatus status,
      List<SegmentResult> segments,
      List<StretchResult> stretches,
      List<PassageEvent> events,
      String lengthFigure,
      String statusFigure,
      String blockadeIndexFigure,
      String daysSinceFigure,
      String passageEventsFigure) {
    public CorridorResult {
      segments = List.copyOf(segments);
      stretches = List.copyOf(stretches);
      events = List.copyOf(events);
    }
  }

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<CorridorResult> results = new ArrayList<>();
  private final CountryProfile.NamedPlace capital;
  private final Period period;
  private final double bufferKm;
  private final List<SourceRef> graphSources;
  private final Map<String, String> baseFilters;
  private final String condition;
  private final LocalDate today;
  private final Language language;
  private final Texts texts;

  /** The files of every event read: what a figure counting none searched. */
  private List<SourceRef> searched = List.of();

  private CorridorReport(
      CountryProfile.NamedPlace capital,
      Period period,
      double bufferKm,
      List<SourceRef> graphSources,
      Map<String, String> baseFilters,
      String condition,
      LocalDate today,
      Language language) {
    this.capital = capital;
    this.period = period;
    this.bufferKm = bufferKm;
    this.graphSources = List.copyOf(graphSources);
    this.baseFilters = baseFilters;
    this.condition = condition;
    this.today = today;
    this.language = language;
    this.texts = AnalyticsTexts.of(language);
  }

  /**
   * Builds the profile's corridors on {@code graph} and rates them from the engine's events of the
   * request's country, sources and scope.
   *
   * @throws org.harmattan.domain.error.HarmattanException (user input) when a corridor cannot be
   *     built (see {@link Corridors#build})
   */
  public static CorridorReport compute(
      AnalyticsEngine engine,
      CountryProfile profile,
      RoadGraph graph,
      SecurityRequest request,
      double bufferKm) {
    requireNonNull(engine, "engine");
    requireNonNull(request, "request");
    List<Corridor> corridors = Corridors.build(profile, graph, request.language());
    Period p = request.period();
    LocalDate statusFrom = p.to().minusDays(DISRUPTED_DAYS - 1L);
    Period history = new Period(statusFrom.isBefore(p.from()) ? statusFrom : p.from(), p.to());
    EventFilter filter = eventFilter(request);
    // The engine keeps the events in boxes around the corridors; they are measured exactly here.
    // Figures that count none cite the files of every event searched.
    EventFilter read = filter.withPeriod(history);
    List<EventPoint> events =
        engine.listEventPointsInBoxes(read, Corridors.neighbourhood(corridors, bufferKm), true);
    return of(
        profile.capital(),
        corridors,
        graph.sources(),
        events,
        engine.listSources(read),
        p,
        bufferKm,
        filter.describe(),
        "events " + filter.toCondition(),
        request.today(),
        request.language());
  }

  /**
   * The events {@link #compute} rates: the request's country, sources and scope, of the types that
   * can affect passage, in the request's window (which {@code compute} widens to the {@value
   * #DISRUPTED_DAYS} days a status looks back). For callers that read the events once and rate them
   * on many days with {@link #of(CountryProfile.NamedPlace, List, List, List, Period, double,
   * EventFilter, LocalDate)}.
   */
  public static EventFilter eventFilter(SecurityRequest request) {
    requireNonNull(request, "request");
    return request
        .scope()
        .apply(
            EventFilter.of(request.countryIso3(), request.period()).withSources(request.sources()))
        .restrictEventTypes(COUNTED);
  }

  /**
   * Rates given corridors from events that {@code filter} selected (see {@link #eventFilter}),
   * stating the filter in every figure, with labels and notes in English (as the alerts write
   * them).
   *
   * @param events located events, with their notes; those dated after the window's end are ignored
   */
  public static CorridorReport of(
      CountryProfile.NamedPlace capital,
      List<Corridor> corridors,
      List<SourceRef> graphSources,
      List<EventPoint> events,
      Period period,
      double bufferKm,
      EventFilter filter,
      LocalDate today) {
    requireNonNull(filter, "filter");
    return of(
        capital,
        corridors,
        graphSources,
        events,
        period,
        bufferKm,
        filter.describe(),
        "events " + filter.toCondition(),
        today,
        Language.EN);
  }

  /**
   * Rates given corridors from given events (the engine-free core of {@link #compute}), with labels
   * and notes in English.
   *
   * @param events located events; those dated after the window's end are ignored
   * @param filters the filters that selected the events, stated in every figure
   * @param condition the same as readable text for the figures' queries
   */
  public static CorridorReport of(
      CountryProfile.NamedPlace capital,
      List<Corridor> corridors,
      List<SourceRef> graphSources,
      List<EventPoint> events,
      Period period,
      double bufferKm,
      Map<String, String> filters,
      String condition,
      LocalDate today) {
    return of(
        capital,
        corridors,
        graphSources,
        events,
        period,
        bufferKm,
        filters,
        condition,
        today,
        Language.EN);
  }

  /**
   * Rates given corridors from given events (the engine-free core of {@link #compute}).
   *
   * @param events located events; those dated after the window's end are ignored
   * @param filters the filters that selected the events, stated in every figure
   * @param condition the same as readable text for the figures' queries
   * @param language the language of the figures' labels and notes
   */
  public static CorridorReport of(
      CountryProfile.NamedPlace capital,
      List<Corridor> corridors,
      List<SourceRef> graphSources,
      List<EventPoint> events,
      Period period,
      double bufferKm,
      Map<String, String> filters,
      String condition,
      LocalDate today,
      Language language) {
    return of(
        capital,
        corridors,
        graphSources,
        events,
        Figures.sourcesOf(events),
        period,
        bufferKm,
        filters,
        condition,
        today,
        language);
  }

  /**
   * Rates given corridors from given events, which may be only those near a corridor: a figure that
   * counts none cites {@code searched}, the files of all the events searched.
   */
  private static CorridorReport of(
      CountryProfile.NamedPlace capital,
      List<Corridor> corridors,
      List<SourceRef> graphSources,
      List<EventPoint> events,
      List<SourceRef> searched,
      Period period,
      double bufferKm,
      Map<String, String> filters,
      String condition,
      LocalDate today,
      Language language) {
    requireNonNull(capital, "capital");
    requireNonNull(language, "language");
    requireNonNull(period, "period");
    if (!(bufferKm > 0)) {
      throw new IllegalArgumentException("bufferKm must be positive: " + bufferKm);
    }
    CorridorReport r =
        new CorridorReport(
            capital,
            period,
            bufferKm,
            graphSources,
            new TreeMap<>(filters),
            condition,
            today,
            language);
    r.searched = List.copyOf(searched);
    List<Map.Entry<EventPoint, Passage>> passage = new ArrayList<>();
    for (EventPoint e : events) {
      if (e.date().isAfter(period.to()) || !nearAny(corridors, e, bufferKm)) {
        continue;
      }
      // Classified only near a corridor: reading the notes costs more than the geometry.
      PassageClassifier.classify(e).ifPresent(c -> passage.add(Map.entry(e, c)));
    }
    for (Corridor c : corridors) {
      r.results.add(r.rate(c, passage));
    }
    return r;
  }

  private static boolean nearAny(List<Corridor> corridors, EventPoint e, double bufferKm) {
    for (Corridor c : corridors) {
      if (Corridors.snap(c, e.latitude(), e.longitude(), bufferKm).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private CorridorResult rate(Corridor c, List<Map.Entry<EventPoint, Passage>> passage) {
    String slug = c.spec().slug();
    LocalDate end = period.to();
    List<PassageEvent> onCorridor = new ArrayList<>();
    for (Map.Entry<EventPoint, Passage> e : passage) {
      Corridors.snap(c, e.getKey().latitude(), e.getKey().longitude(), bufferKm)
          .ifPresent(
              o ->
                  onCorridor.add(
                      new PassageEvent(e.getKey(), e.getValue(), o.segment(), o.distanceKm())));
    }
    onCorridor.sort(Comparator.comparing((PassageEvent p) -> p.point().date()));
    List<PassageEvent> inWindow =
        onCorridor.stream().filter(p -> period.contains(p.point().date())).toList();
    List<PassageEvent> last90 =
        onCorridor.stream().filter(p -> ageDays(p) < DISRUPTED_DAYS).toList();
    String where = "within " + fmt(bufferKm) + " km of the " + c.spec().name();
    Map<String, String> filters = new TreeMap<>(baseFilters);
    filters.put("corridor", slug);
    filters.put("buffer_km", fmt(bufferKm));
    List<SegmentResult> segs = new ArrayList<>();
    List<List<PassageEvent>> onSegment = new ArrayList<>();
    SegmentStatus worst = SegmentStatus.OPEN;
    double blockedKm = 0;
    double disruptedKm = 0;
    for (Corridor.Segment s : c.segments()) {
      List<PassageEvent> on = last90.stream().filter(p -> p.segment() == s.index()).toList();
      onSegment.add(on);
      SegmentStatus st = status(on);
      worst = worst.worst(st);
      if (st == SegmentStatus.BLOCKED) {
        blockedKm += s.lengthKm();
      } else if (st == SegmentStatus.DISRUPTED) {
        disruptedKm += s.lengthKm();
      }
      LocalDate lastIncident =
          onCorridor.stream()
              .filter(p -> p.segment() == s.index())
              .map(p -> p.point().date())
              .max(Comparator.naturalOrder())
              .orElse(null);
      String base = "corridor." + slug + ".segment." + (s.index() + 1);
      String len =
          add(lengthFigure(
                  base + ".length_km",
                  texts.t("corridors.label.stretch_length", s.label()),
                  List.of(s),
                  s.lengthKm(),
                  filters))
              .id();
      String stat =
          add(eventFigure(
                  base + ".status",
                  texts.t("corridors.label.stretch_status", s.label()),
                  (double) st.code(),
                  "status",
                  on,
                  statusQuery(where + ", segment " + s.label()),
                  filters,
                  null))
              .id();
      segs.add(new SegmentResult(s, st, lastIncident, len, stat));
    }
    String length =
        add(lengthFigure(
                "corridor." + slug + ".length_km",
                texts.t("corridors.label.length", c.spec().name()),
                c.segments(),
                c.lengthKm(),
                filters))
            .id();
    String status =
        add(eventFigure(
                "corridor." + slug + ".status",
                texts.t("corridors.label.status", c.spec().name()),
                (double) worst.code(),
                "status",
                last90,
                "worst segment status; " + statusQuery(where),
                filters,
                null))
            .id();
    double total = c.lengthKm();
    double share = total > 0 ? (blockedKm + 0.5 * disruptedKm) / total : 0;
    double w = 0;
    for (PassageEvent p : inWindow) {
      w += Math.pow(0.5, ageDays(p) / HALF_LIFE_DAYS);
    }
    double index = 50 * share + 50 * Math.min(1, w / SATURATION);
    String blockade =
        add(eventFigure(
                "corridor." + slug + ".blockade_index",
                texts.t("corridors.label.blockade_index", c.spec().name()),
                index,
                "index_100",
                inWindow,
                String.format(
                    Locale.ROOT,
                    "50 × share of length blocked (whole) or disrupted (half), here %.3f, + 50 ×"
                        + " min(1, Σ 0.5^(age days / %s) / %s) over passage-affecting %s %s in the"
                        + " window, here Σ = %.3f",
                    share,
                    fmt(HALF_LIFE_DAYS),
                    fmt(SATURATION),
                    condition,
                    where,
                    w),
                filters,
                null))
            .id();
    Optional<PassageEvent> last =
        inWindow.isEmpty() ? Optional.empty() : Optional.of(inWindow.get(inWindow.size() - 1));
    String days =
        add(eventFigure(
                "corridor." + slug + ".days_since_last_incident",
                texts.t("corridors.label.days_since", c.spec().name()),
                last.map(p -> (double) ageDays(p)).orElse(null),
                "days",
                last.map(List::of).orElse(List.of()),
                "days from the last passage-affecting "
                    + condition
                    + " "
                    + where
                    + " in the window to "
                    + end,
                filters,
                last.isPresent() ? null : texts.t("corridors.note.no_event", fmt(bufferKm))))
            .id();
    String count =
        add(eventFigure(
                "corridor." + slug + ".passage_events",
                texts.t("corridors.label.passage_events", c.spec().name()),
                (double) inWindow.size(),
                "events",
                inWindow,
                "count of passage-affecting (ambush, IED, attack on vehicles, checkpoint, looting,"
                    + " blockade) "
                    + condition
                    + " "
                    + where,
                filters,
                null))
            .id();
    List<StretchResult> stretches = stretches(slug, segs, onSegment, where, filters);
    return new CorridorResult(
        c, worst, segs, stretches, inWindow, length, status, blockade, days, count);
  }

  /** The segments grouped by the towns around them, each group with its length and status. */
  private List<StretchResult> stretches(
      String slug,
      List<SegmentResult> segs,
      List<List<PassageEvent>> onSegment,
      String where,
      Map<String, String> filters) {
    List<StretchResult> out = new ArrayList<>();
    int i = 0;
    while (i < segs.size()) {
      String label = segs.get(i).segment().label();
      int j = i;
      while (j < segs.size() && segs.get(j).segment().label().equals(label)) {
        j++;
      }
      List<SegmentResult> group = segs.subList(i, j);
      List<PassageEvent> on = new ArrayList<>();
      onSegment.subList(i, j).forEach(on::addAll);
      SegmentStatus st =
          group.stream()
              .map(SegmentResult::status)
              .reduce(SegmentStatus.OPEN, SegmentStatus::worst);
      LocalDate lastIncident =
          group.stream()
              .map(SegmentResult::lastIncident)
              .filter(d -> d != null)
              .max(Comparator.naturalOrder())
              .orElse(null);
      String base = "corridor." + slug + ".stretch." + (out.size() + 1);
      List<Corridor.Segment> parts = group.stream().map(SegmentResult::segment).toList();
      String len =
          add(lengthFigure(
                  base + ".length_km",
                  texts.t("corridors.label.stretch_length", label),
                  parts,
                  parts.stream().mapToDouble(Corridor.Segment::lengthKm).sum(),
                  filters))
              .id();
      String stat =
          add(eventFigure(
                  base + ".status",
                  texts.t("corridors.label.stretch_status", label),
                  (double) st.code(),
                  "status",
                  on,
                  "worst status of its "
                      + group.size()
                      + (group.size() == 1 ? " segment; " : " segments; ")
                      + statusQuery(where + ", " + label),
                  filters,
                  null))
              .id();
      out.add(new StretchResult(label, group, st, lastIncident, len, stat));
      i = j;
    }
    return out;
  }

  private SegmentStatus status(List<PassageEvent> last90) {
    List<PassageEvent> recent = last90.stream().filter(p -> ageDays(p) < RECENT_DAYS).toList();
    if (recent.size() >= BLOCKED_MIN_EVENTS
        || recent.stream().anyMatch(p -> p.passage().category() == PassageCategory.BLOCKADE)) {
      return SegmentStatus.BLOCKED;
    }
    return last90.isEmpty() ? SegmentStatus.OPEN : SegmentStatus.DISRUPTED;
  }

  private String statusQuery(String where) {
    return "blocked if ≥"
        + BLOCKED_MIN_EVENTS
        + " passage-affecting events or one blockade in the "
        + RECENT_DAYS
        + " days to "
        + period.to()
        + ", disrupted if ≥1 in the "
        + DISRUPTED_DAYS
        + " days, else open; "
        + condition
        + " "
        + where;
  }

  private long ageDays(PassageEvent p) {
    return ChronoUnit.DAYS.between(p.point().date(), period.to());
  }

  private Figure lengthFigure(
      String id,
      String label,
      List<Corridor.Segment> segs,
      double km,
      Map<String, String> filters) {
    List<String> edges = new ArrayList<>();
    for (Corridor.Segment s : segs) {
      edges.add("edge:" + s.from().id() + "-" + s.to().id());
    }
    return new Figure(
        id,
        label,
        km,
        "km",
        period,
        null,
        filters,
        "sum of edge lengths (l, km) along the shortest road-graph path: "
            + String.join(", ", edges),
        new Citation(graphSources, edges.size(), edges, today),
        null);
  }

  private Figure eventFigure(
      String id,
      String label,
      Double value,
      String unit,
      Collection<PassageEvent> records,
      String query,
      Map<String, String> filters,
      String note) {
    Citation citation =
        new Figures(today).cite(records.stream().map(PassageEvent::point).toList(), searched);
    return new Figure(id, label, value, unit, period, null, filters, query, citation, note);
  }

  private Figure add(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("figure id computed twice: " + f.id());
    }
    return f;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  public CountryProfile.NamedPlace capital() {
    return capital;
  }

  public Period period() {
    return period;
  }

  /** The language of the figures' labels and notes. */
  public Language language() {
    return language;
  }

  public double bufferKm() {
    return bufferKm;
  }

  public List<CorridorResult> corridors() {
    return List.copyOf(results);
  }

  public List<Figure> listFigures() {
    return List.copyOf(figures.values());
  }

  /** The figure with {@code id}; throws when absent. */
  public Figure getFigure(String id) {
    Figure f = figures.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no corridor figure " + id);
    }
    return f;
  }
}

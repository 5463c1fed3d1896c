package org.harmattan.analytics.influence;

import static java.util.Objects.requireNonNull;

import com.uber.h3core.H3Core;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.analytics.actors.ActorMatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.actor.ActorType;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;

/**
 * Who acts where: per armed actor of the registry and H3 cell, the political-violence events
 * (battles, explosions/remote violence, violence against civilians) of the window, their fatalities
 * and their time-decayed activity; per cell the leading actor and its share of the decayed activity
 * with a 95 % interval; territory-transfer events; ACLED's diffusion measure; and Getis-Ord Gi* hot
 * cells.
 *
 * <p>Activity is not control: influence is inferred from where an actor acts, as the source reports
 * it. An event counts for every registry actor named in it (actor 1, actor 2, associated actors),
 * except civilians, protesters and rioters. A cell's shares are over the activity of the actors in
 * it, so that a battle between two actors gives each half. The interval is Wilson's score interval
 * of the decayed share over Kish's effective number of attributions, {@code (Σw)² / Σw²}, which is
 * the plain event count when all weights are equal.
 *
 * <p>Figures (citations: the events behind each): {@code influence.cells}, {@code
 * influence.dominant_cells}, {@code influence.dominant_cells.robust} (the interval's low end stays
 * at or above 50 %), {@code influence.contested_cells}, {@code influence.thin_cells}, {@code
 * influence.contested_share}; per actor {@code influence.<id>.events}, {@code .activity}, {@code
 * .cells} and {@code .dominant_cells}; {@code territory.transfers} and {@code
 * territory.transfers.<id>} (by actor 1); {@code hotspots.study_cells}, {@code hotspots.hot_cells}
 * (Gi* z ≥ 1.96) and {@code hotspots.hot_cells_99} (z ≥ 2.58); {@code diffusion.cells_10plus},
 * {@code diffusion.country_cells} (with an outline only) and {@code diffusion.share} (no value
 * without an outline). The options are figures too ({@code influence.h3_resolution}, {@code
 * influence.half_life_days}, {@code influence.dominance_threshold}, {@code influence.min_events},
 * {@code diffusion.cell_km}, {@code diffusion.min_events}), so that text stating them cites them.
 *
 * <p>Diffusion follows ACLED: the share of 10 km × 10 km cells with at least 10 political-violence
 * events over the 12 months ending on the window's last day (the whole window when shorter, with a
 * note), on an equal-area grid; the cells covering the country are those that intersect its
 * outline, plus any busy cell outside it.
 */
public final class TerritorialInfluence {
  /** ACLED's sub-event types for a change of hands of territory. */
  public static final Set<String> TRANSFER_SUB_EVENT_TYPES =
      Set.of(
          "Non-state actor overtakes territory",
          "Government regains territory",
          "Non-violent transfer of territory");

  private static final Set<EventType> POLITICAL_VIOLENCE = EventType.POLITICAL_VIOLENCE;

  private static final Set<ActorType> UNARMED =
      EnumSet.of(ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS);

  /** The statement of what the figures can and cannot say, in {@code language}. */
  public static String uncertainty(Language language) {
    return AnalyticsTexts.of(language).t("influence.uncertainty");
  }

  /** How a cell is classified. */
  public enum CellStatus {
    /** One actor holds at least the dominance share of activity over enough events. */
    DOMINANT,
    /** Enough events, but no actor reaches the dominance share. */
    CONTESTED,
    /** Fewer events attributed to registry actors than the minimum. */
    THIN_EVIDENCE
  }

  /** A corner of a cell, WGS84. */
  public record Corner(double lon, double lat) {}

  /**
   * One actor's activity in one cell.
   *
   * @param actorId the registry actor
   * @param events its events in the cell
   * @param fatalities their fatalities (best estimate)
   * @param activity the events weighted by their decay
   */
  public record ActorCell(String actorId, int events, long fatalities, double activity) {}

  /**
   * One H3 cell where at least one registry actor acted.
   *
   * @param cell the H3 index
   * @param address its hexadecimal address
   * @param boundary its corners
   * @param events political-violence events in the cell, whoever the actors
   * @param attributedEvents those naming at least one registry actor
   * @param dominantActorId the actor with most decayed activity (ties: more events, then id)
   * @param dominantActorName its display name
   * @param share its share of the cell's decayed activity
   * @param shareLow lower end of the 95 % interval of the share
   * @param shareHigh upper end
   * @param status the classification
   * @param actors every registry actor active in the cell, most active first
   */
  public record CellInfluence(
      long cell,
      String address,
      List<Corner> boundary,
      int events,
      int attributedEvents,
      String dominantActorId,
      String dominantActorName,
      double share,
      double shareLow,
      double shareHigh,
      CellStatus status,
      List<ActorCell> actors) {
    public CellInfluence {
      boundary = List.copyOf(boundary);
      actors = List.copyOf(actors);
    }
  }

  /**
   * One actor over the whole window.
   *
   * @param actor the registry actor
   * @param events its political-violence events
   * @param fatalities their fatalities
   * @param activity its decayed activity
   * @param activeCells cells where it acted
   * @param dominantCells cells it dominates
   * @param eventsFigure id of the figure counting its events
   * @param activityFigure id of the figure of its decayed activity
   * @param cellsFigure id of {@code influence.<id>.cells}
   * @param dominantCellsFigure id of {@code influence.<id>.dominant_cells}
   * @param transfersFigure id of {@code territory.transfers.<id>}, or null when it took no
   *     territory
   */
  public record ActorInfluence(
      CanonicalActor actor,
      int events,
      long fatalities,
      double activity,
      int activeCells,
      int dominantCells,
      String eventsFigure,
      String activityFigure,
      String cellsFigure,
      String dominantCellsFigure,
      String transfersFigure) {}

  /**
   * A territory-transfer event.
   *
   * @param eventId the event
   * @param date its date
   * @param subEventType e.g. {@code Government regains territory}
   * @param actorName the actor the source names first (actor 1), or null
   * @param actorId that actor's registry id, or null when the registry does not know it
   * @param actorIds every registry actor named in the event
   * @param location the source's place name, or null
   * @param latitude WGS84
   * @param longitude WGS84
   * @param cell the H3 cell
   * @param address its address
   */
  public record Transfer(
      String eventId,
      LocalDate date,
      String subEventType,
      String actorName,
      String actorId,
      List<String> actorIds,
      String location,
      double latitude,
      double longitude,
      long cell,
      String address) {
    public Transfer {
      actorIds = List.copyOf(actorIds);
    }
  }

  /**
   * A Gi* hot cell.
   *
   * @param cell the H3 index
   * @param address its address
   * @param boundary its corners
   * @param events political-violence events in the cell
   * @param z its Gi* z-score
   */
  public record HotCell(long cell, String address, List<Corner> boundary, int events, double z) {
    public HotCell {
      boundary = List.copyOf(boundary);
    }
  }

  private final SecurityRequest request;
  private final InfluenceOptions options;
  private final Texts texts;
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<ActorInfluence> actors = new ArrayList<>();
  private final List<CellInfluence> cells = new ArrayList<>();
  private final List<Transfer> transfers = new ArrayList<>();
  private final List<HotCell> hotCells = new ArrayList<>();
  private final Map<String, String> transferFigures = new TreeMap<>();
  private final Map<String, CanonicalActor> knownActors = new TreeMap<>();

  private Period diffusionPeriod;
  private int studyCells;

  private TerritorialInfluence(SecurityRequest request, InfluenceOptions options) {
    this.request = request;
    this.options = options;
    this.texts = AnalyticsTexts.of(request.language());
  }

  /**
   * Computes influence, transfers, diffusion and hot cells for the request's country and window.
   */
  public static TerritorialInfluence compute(
      AnalyticsEngine engine,
      ActorRegistry registry,
      SecurityRequest request,
      InfluenceOptions options) {
    requireNonNull(engine, "engine");
    requireNonNull(registry, "registry");
    requireNonNull(request, "request");
    requireNonNull(options, "options");
    TerritorialInfluence t = new TerritorialInfluence(request, options);
    t.run(engine, registry);
    return t;
  }

  private void run(AnalyticsEngine engine, ActorRegistry registry) {
    H3Core h = H3Cells.h3();
    Period p = request.period();
    Set<EventType> types = EnumSet.copyOf(POLITICAL_VIOLENCE);
    types.add(EventType.STRATEGIC_DEVELOPMENTS);
    EventFilter base =
        request
            .scope()
            .apply(EventFilter.of(request.countryIso3(), p).withSources(request.sources()));
    EventFilter filter = base.restrictEventTypes(POLITICAL_VIOLENCE);
    // Political violence as groups of a point, day, type, actors and file (each event of a group
    // has the same cell, weight and actors), transfers as events, and the files of both for
    // figures that count none.
    EventFilter read = base.restrictEventTypes(types);
    InfluenceBook book =
        new InfluenceBook(request, options, texts, filter, engine.listSources(read), figures);
    List<EventPoint> transferPoints =
        engine.listEventPoints(read.withSubEventTypes(TRANSFER_SUB_EVENT_TYPES));

    Map<String, CanonicalActor> known = new HashMap<>();
    List<Scored> violence = new ArrayList<>();
    for (DayGroup e : engine.listDayGroups(filter)) {
      Set<String> ids = new LinkedHashSet<>();
      for (String raw : e.actorNames()) {
        Optional<ActorMatch> m = registry.match(raw);
        if (m.isPresent() && !UNARMED.contains(m.get().actor().type())) {
          ids.add(m.get().actor().id());
          known.put(m.get().actor().id(), m.get().actor());
        }
      }
      long age = ChronoUnit.DAYS.between(e.date(), p.to());
      double w = Math.pow(0.5, age / options.halfLifeDays());
      violence.add(
          new Scored(
              e, h.latLngToCell(e.latitude(), e.longitude(), options.h3Resolution()), w, ids));
    }
    parameters(book);
    CellInfluences influence = new CellInfluences(book);
    influence.compute(h, violence, known);
    cells.addAll(influence.cells);
    actors.addAll(influence.actors);
    Transfers taken = new Transfers(book);
    taken.compute(h, registry, read, transferPoints, known, actors);
    transfers.addAll(taken.transfers);
    transferFigures.putAll(taken.figures);
    Hotspots hot = new Hotspots(book);
    hot.compute(h, violence);
    hotCells.addAll(hot.hotCells);
    studyCells = hot.studyCells;
    Diffusion diffusion = new Diffusion(book);
    diffusion.compute(violence);
    diffusionPeriod = diffusion.diffusionPeriod;
    knownActors.putAll(known);
  }

  /** The options as figures, so that text stating them refers to figures, not typed numbers. */
  private void parameters(InfluenceBook book) {
    book.add(
        parameter(
            "influence.h3_resolution",
            texts.t("influence.parameter.h3_resolution"),
            options.h3Resolution(),
            "count",
            "h3Resolution"));
    book.add(
        parameter(
            "influence.half_life_days",
            texts.t("influence.parameter.half_life_days"),
            options.halfLifeDays(),
            "days",
            "halfLifeDays"));
    book.add(
        parameter(
            "influence.dominance_threshold",
            texts.t("influence.parameter.dominance_threshold"),
            options.dominanceShare(),
            "share",
            "dominanceShare"));
    book.add(
        parameter(
            "influence.min_events",
            texts.t("influence.parameter.min_events"),
            options.minEvents(),
            "events",
            "minEvents"));
    book.add(
        parameter(
            "diffusion.cell_km",
            texts.t("influence.parameter.cell_km"),
            options.diffusionCellKm(),
            "km",
            "diffusionCellKm"));
    book.add(
        parameter(
            "diffusion.min_events",
            texts.t("influence.parameter.diffusion_min_events"),
            options.diffusionMinEvents(),
            "events",
            "diffusionMinEvents"));
  }

  private Figure parameter(String id, String label, double value, String unit, String option) {
    return new Figure(
        id,
        label,
        value,
        unit,
        request.period(),
        null,
        Map.of(),
        "analysis parameter InfluenceOptions." + option,
        new Citation(List.of(), 0, List.of(), request.today()),
        texts.t("influence.note.parameter"));
  }

  /** The language of the figures' labels and notes: the request's. */
  public Language language() {
    return request.language();
  }

  public SecurityRequest request() {
    return request;
  }

  public InfluenceOptions options() {
    return options;
  }

  /** The 12 months (or the whole window when shorter) the diffusion measure covers. */
  public Period diffusionPeriod() {
    return diffusionPeriod;
  }

  /** Registry actors active in the window, most decayed activity first. */
  public List<ActorInfluence> listActors() {
    return List.copyOf(actors);
  }

  /** Cells where registry actors acted, by address. */
  public List<CellInfluence> listCells() {
    return List.copyOf(cells);
  }

  /** Territory-transfer events of the window, oldest first. */
  public List<Transfer> listTransfers() {
    return List.copyOf(transfers);
  }

  /** Gi* hot cells at 95 %, highest z first. */
  public List<HotCell> listHotCells() {
    return List.copyOf(hotCells);
  }

  /**
   * Ids of the {@code territory.transfers.<actorId>} figures by actor id, including actors with no
   * political violence in the window.
   */
  public Map<String, String> transferFigures() {
    return java.util.Collections.unmodifiableMap(transferFigures);
  }

  /** The registry actors named in the window's events, by id. */
  public Map<String, CanonicalActor> knownActors() {
    return java.util.Collections.unmodifiableMap(knownActors);
  }

  /** How many cells the Gi* study area holds. */
  public int studyCells() {
    return studyCells;
  }

  public List<Figure> listFigures() {
    return List.copyOf(figures.values());
  }

  /** The figure with this id. */
  public Figure getFigure(String id) {
    Figure f = figures.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no influence figure " + id);
    }
    return f;
  }

  public Optional<Figure> findFigure(String id) {
    return Optional.ofNullable(figures.get(id));
  }
}

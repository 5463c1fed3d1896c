package org.harmattan.analytics.influence;

import static java.util.Objects.requireNonNull;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.DoubleStream;
import org.harmattan.analytics.actors.ActorMatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.Figures;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.actor.ActorType;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.cache.LastUsed;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

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

  private static volatile H3Core h3;

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
  private EventFilter filter;

  /** The files of every event read: what a figure counting none searched. */
  private List<SourceRef> searched = List.of();

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

  static H3Core h3() {
    H3Core h = h3;
    if (h == null) {
      synchronized (TerritorialInfluence.class) {
        h = h3;
        if (h == null) {
          try {
            h = H3Core.newInstance();
          } catch (IOException e) {
            throw new HarmattanException(
                ErrorCategory.INTERNAL,
                ProblemCode.H3_UNAVAILABLE,
                "the H3 library could not load its native code: " + e.getMessage(),
                e);
          }
          h3 = h;
        }
      }
    }
    return h;
  }

  /**
   * Political-violence events of one point, day, type, actors and file with their cell, the weight
   * of each, and their registry actors.
   */
  private record Scored(DayGroup group, long cell, double weight, Set<String> actorIds) {
    int count() {
      return group.count();
    }
  }

  /** How many events the groups hold. */
  private static int events(Collection<Scored> scored) {
    int n = 0;
    for (Scored s : scored) {
      n += s.count();
    }
    return n;
  }

  /** Running totals of one actor in one cell. */
  private static final class Tally {
    int events;
    long fatalities;
    double activity;
    double weightSq;
  }

  private void run(AnalyticsEngine engine, ActorRegistry registry) {
    H3Core h = h3();
    Period p = request.period();
    Set<EventType> types = EnumSet.copyOf(POLITICAL_VIOLENCE);
    types.add(EventType.STRATEGIC_DEVELOPMENTS);
    EventFilter base =
        request
            .scope()
            .apply(EventFilter.of(request.countryIso3(), p).withSources(request.sources()));
    filter = base.restrictEventTypes(POLITICAL_VIOLENCE);
    // Political violence as groups of a point, day, type, actors and file (each event of a group
    // has the same cell, weight and actors), transfers as events, and the files of both for
    // figures that count none.
    EventFilter read = base.restrictEventTypes(types);
    searched = engine.listSources(read);
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
    parameters();
    influence(h, violence, known);
    transfers(h, registry, transferPoints, known);
    hotspots(h, violence);
    diffusion(violence);
    knownActors.putAll(known);
  }

  private void influence(H3Core h, List<Scored> violence, Map<String, CanonicalActor> known) {
    Map<Long, Map<String, Tally>> byCell = new TreeMap<>();
    Map<Long, List<Scored>> eventsByCell = new TreeMap<>();
    Map<String, List<Scored>> byActor = new TreeMap<>();
    for (Scored s : violence) {
      eventsByCell.computeIfAbsent(s.cell(), k -> new ArrayList<>()).add(s);
      for (String id : s.actorIds()) {
        Tally t =
            byCell
                .computeIfAbsent(s.cell(), k -> new TreeMap<>())
                .computeIfAbsent(id, k -> new Tally());
        t.events += s.count();
        t.fatalities += s.group().fatalities();
        // Event by event, as the sum of each event's weight is rounded.
        for (int i = 0; i < s.count(); i++) {
          t.activity += s.weight();
          t.weightSq += s.weight() * s.weight();
        }
        byActor.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
      }
    }
    Map<String, List<CellInfluence>> dominatedBy = new HashMap<>();
    Map<CellStatus, List<Scored>> evidence = new EnumMap<>(CellStatus.class);
    Map<CellStatus, Integer> counts = new EnumMap<>(CellStatus.class);
    List<Scored> robust = new ArrayList<>();
    int robustCells = 0;
    for (Map.Entry<Long, Map<String, Tally>> c : byCell.entrySet()) {
      long cell = c.getKey();
      List<ActorCell> list = new ArrayList<>();
      double total = 0;
      double totalSq = 0;
      for (Map.Entry<String, Tally> a : c.getValue().entrySet()) {
        Tally t = a.getValue();
        list.add(new ActorCell(a.getKey(), t.events, t.fatalities, t.activity));
        total += t.activity;
        totalSq += t.weightSq;
      }
      list.sort(
          Comparator.comparingDouble(ActorCell::activity)
              .reversed()
              .thenComparing(Comparator.comparingInt(ActorCell::events).reversed())
              .thenComparing(ActorCell::actorId));
      ActorCell top = list.get(0);
      double share = top.activity() / total;
      WilsonInterval ci = WilsonInterval.of95(Math.min(1, share), total * total / totalSq);
      List<Scored> inCell = eventsByCell.get(cell);
      List<Scored> attributed = inCell.stream().filter(s -> !s.actorIds().isEmpty()).toList();
      CellStatus status;
      if (events(attributed) < options.minEvents()) {
        status = CellStatus.THIN_EVIDENCE;
      } else if (share >= options.dominanceShare()) {
        status = CellStatus.DOMINANT;
      } else {
        status = CellStatus.CONTESTED;
      }
      CellInfluence ci2 =
          new CellInfluence(
              cell,
              h.h3ToString(cell),
              boundary(h, cell),
              events(inCell),
              events(attributed),
              top.actorId(),
              known.get(top.actorId()).name(),
              share,
              ci.low(),
              ci.high(),
              status,
              list);
      cells.add(ci2);
      evidence.computeIfAbsent(status, k -> new ArrayList<>()).addAll(attributed);
      counts.merge(status, 1, Integer::sum);
      if (status == CellStatus.DOMINANT) {
        dominatedBy.computeIfAbsent(top.actorId(), k -> new ArrayList<>()).add(ci2);
        if (ci.low() >= 0.5) {
          robustCells++;
          robust.addAll(attributed);
        }
      }
    }
    cells.sort(Comparator.comparing(CellInfluence::address));

    String res = "H3 resolution " + options.h3Resolution();
    String resLabel = texts.t("influence.resolution", String.valueOf(options.h3Resolution()));
    String where = "political-violence events " + filter.toCondition();
    String decay =
        String.format(
            Locale.ROOT,
            "each event weighted 0.5^(days before %s / %s)",
            request.period().to(),
            plain(options.halfLifeDays()));
    String rule =
        String.format(
            Locale.ROOT,
            "dominant: the leading actor has at least %s of the cell's decayed registry-actor"
                + " activity over at least %d attributed events; contested: at least %d events and"
                + " no actor reaches that share; thin evidence: fewer than %d events",
            plain(options.dominanceShare() * 100) + " %",
            options.minEvents(),
            options.minEvents(),
            options.minEvents());
    Map<String, String> extra = influenceFilters();
    add(
        figure(
            "influence.cells",
            texts.t("influence.label.cells", resLabel),
            (double) byCell.size(),
            "cells",
            request.period(),
            violence.stream().filter(s -> !s.actorIds().isEmpty()).toList(),
            "count of distinct " + res + " cells of " + where + " naming a registry actor",
            extra,
            null));
    for (CellStatus st : CellStatus.values()) {
      String id =
          switch (st) {
            case DOMINANT -> "influence.dominant_cells";
            case CONTESTED -> "influence.contested_cells";
            case THIN_EVIDENCE -> "influence.thin_cells";
          };
      String label =
          texts.t(
              "influence.label."
                  + switch (st) {
                    case DOMINANT -> "dominant_cells";
                    case CONTESTED -> "contested_cells";
                    case THIN_EVIDENCE -> "thin_cells";
                  },
              resLabel);
      add(
          figure(
              id,
              label,
              (double) counts.getOrDefault(st, 0),
              "cells",
              request.period(),
              evidence.getOrDefault(st, List.of()),
              "count of " + res + " cells of " + where + "; " + decay + "; " + rule,
              extra,
              null));
    }
    add(
        figure(
            "influence.dominant_cells.robust",
            texts.t("influence.label.robust"),
            (double) robustCells,
            "cells",
            request.period(),
            robust,
            "count of cells of influence.dominant_cells whose Wilson 95 % interval of the dominant"
                + " share, over Kish's effective number of attributions, starts at 50 % or more",
            extra,
            null));
    int dominant = counts.getOrDefault(CellStatus.DOMINANT, 0);
    int contested = counts.getOrDefault(CellStatus.CONTESTED, 0);
    List<Scored> classified =
        new ArrayList<>(evidence.getOrDefault(CellStatus.DOMINANT, List.of()));
    classified.addAll(evidence.getOrDefault(CellStatus.CONTESTED, List.of()));
    add(
        figure(
                "influence.contested_share",
                texts.t("influence.label.contested_share"),
                dominant + contested == 0 ? null : (double) contested / (dominant + contested),
                "share",
                request.period(),
                classified,
                "influence.contested_cells / (influence.dominant_cells + influence.contested_cells)",
                extra,
                dominant + contested == 0
                    ? texts.t("influence.note.no_classified", String.valueOf(options.minEvents()))
                    : null)
            .withContext(
                null,
                new Denominator(
                    texts.t(
                        "influence.denominator.classified", String.valueOf(options.minEvents())),
                    dominant + contested == 0 ? null : (double) (dominant + contested),
                    "cells",
                    null,
                    "influence.dominant_cells + influence.contested_cells",
                    true)));

    List<Map.Entry<String, List<Scored>>> ranked = new ArrayList<>(byActor.entrySet());
    Map<String, Double> activity = new HashMap<>();
    for (Map.Entry<String, List<Scored>> e : ranked) {
      // Each event's weight, in order (the sum is compensated, so its order counts).
      activity.put(
          e.getKey(),
          e.getValue().stream()
              .flatMapToDouble(s -> DoubleStream.generate(s::weight).limit(s.count()))
              .sum());
    }
    ranked.sort(
        Comparator.<Map.Entry<String, List<Scored>>>comparingDouble(e -> activity.get(e.getKey()))
            .reversed()
            .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, List<Scored>> e : ranked) {
      CanonicalActor a = known.get(e.getKey());
      List<Scored> mine = e.getValue();
      String cond = where + " naming " + a.id() + " (registry actor, any role)";
      long fatalities = mine.stream().mapToLong(s -> s.group().fatalities()).sum();
      Set<Long> active = new TreeSet<>();
      mine.forEach(s -> active.add(s.cell()));
      List<CellInfluence> dom = dominatedBy.getOrDefault(a.id(), List.of());
      Set<Long> domCells = new TreeSet<>();
      dom.forEach(c -> domCells.add(c.cell()));
      List<Scored> domEvidence =
          violence.stream()
              .filter(s -> domCells.contains(s.cell()) && !s.actorIds().isEmpty())
              .toList();
      String eventsId =
          add(figure(
                  "influence." + a.id() + ".events",
                  texts.t("influence.label.actor_events", a.name()),
                  (double) events(mine),
                  "events",
                  request.period(),
                  mine,
                  "count of " + cond,
                  Map.of(),
                  null))
              .id();
      String activityId =
          add(figure(
                  "influence." + a.id() + ".activity",
                  texts.t("influence.label.actor_activity", a.name()),
                  activity.get(a.id()),
                  "weighted events",
                  request.period(),
                  mine,
                  "sum over " + cond + " of " + decay,
                  extra,
                  null))
              .id();
      String cellsId =
          add(figure(
                  "influence." + a.id() + ".cells",
                  texts.t("influence.label.actor_cells", a.name(), resLabel),
                  (double) active.size(),
                  "cells",
                  request.period(),
                  mine,
                  "count of distinct " + res + " cells of " + cond,
                  extra,
                  null))
              .id();
      String domId =
          add(figure(
                  "influence." + a.id() + ".dominant_cells",
                  texts.t("influence.label.actor_dominant_cells", a.name(), resLabel),
                  (double) dom.size(),
                  "cells",
                  request.period(),
                  domEvidence,
                  "count of "
                      + res
                      + " cells of "
                      + where
                      + " where "
                      + a.id()
                      + " leads; "
                      + decay
                      + "; "
                      + rule,
                  extra,
                  null))
              .id();
      actors.add(
          new ActorInfluence(
              a,
              events(mine),
              fatalities,
              activity.get(a.id()),
              active.size(),
              dom.size(),
              eventsId,
              activityId,
              cellsId,
              domId,
              null));
    }
  }

  private void transfers(
      H3Core h,
      ActorRegistry registry,
      List<EventPoint> points,
      Map<String, CanonicalActor> known) {
    Map<String, List<EventPoint>> byActor = new TreeMap<>();
    for (EventPoint e : points) {
      String first = e.actorNames().isEmpty() ? null : e.actorNames().get(0);
      String firstId = null;
      List<String> ids = new ArrayList<>();
      for (String raw : e.actorNames()) {
        Optional<ActorMatch> m = registry.match(raw);
        if (m.isPresent() && !ids.contains(m.get().actor().id())) {
          ids.add(m.get().actor().id());
          known.putIfAbsent(m.get().actor().id(), m.get().actor());
          if (raw.equals(first)) {
            firstId = m.get().actor().id();
          }
        }
      }
      long cell = h.latLngToCell(e.latitude(), e.longitude(), options.h3Resolution());
      transfers.add(
          new Transfer(
              e.id(),
              e.date(),
              e.subEventType(),
              first,
              firstId,
              ids,
              e.location(),
              e.latitude(),
              e.longitude(),
              cell,
              h.h3ToString(cell)));
      if (firstId != null) {
        byActor.computeIfAbsent(firstId, k -> new ArrayList<>()).add(e);
      }
    }
    String subTypes = String.join("; ", new TreeSet<>(TRANSFER_SUB_EVENT_TYPES));
    EventFilter tf = transferFilter();
    add(
        figure(
            tf,
            "territory.transfers",
            texts.t("influence.label.transfers"),
            (double) points.size(),
            "events",
            request.period(),
            points,
            "count of events " + tf.toCondition() + " with sub-event type in [" + subTypes + "]",
            Map.of("sub_event_type", subTypes),
            null));
    Map<String, String> byId = new HashMap<>();
    byActor.forEach(
        (id, list) -> {
          CanonicalActor a = known.get(id);
          byId.put(
              id,
              add(figure(
                      tf,
                      "territory.transfers." + id,
                      texts.t("influence.label.actor_transfers", a.name()),
                      (double) list.size(),
                      "events",
                      request.period(),
                      list,
                      "count of events "
                          + tf.toCondition()
                          + " with sub-event type in ["
                          + subTypes
                          + "] whose actor 1 is "
                          + id
                          + " (registry actor)",
                      Map.of("sub_event_type", subTypes, "actor1", id),
                      texts.t("influence.note.actor_transfers")))
                  .id());
        });
    for (int i = 0; i < actors.size(); i++) {
      ActorInfluence a = actors.get(i);
      String t = byId.get(a.actor().id());
      if (t != null) {
        actors.set(
            i,
            new ActorInfluence(
                a.actor(),
                a.events(),
                a.fatalities(),
                a.activity(),
                a.activeCells(),
                a.dominantCells(),
                a.eventsFigure(),
                a.activityFigure(),
                a.cellsFigure(),
                a.dominantCellsFigure(),
                t));
      }
    }
    transferFigures.putAll(byId);
  }

  private EventFilter transferFilter() {
    Set<EventType> types = EnumSet.copyOf(POLITICAL_VIOLENCE);
    types.add(EventType.STRATEGIC_DEVELOPMENTS);
    return request
        .scope()
        .apply(
            EventFilter.of(request.countryIso3(), request.period()).withSources(request.sources()))
        .restrictEventTypes(types);
  }

  private void hotspots(H3Core h, List<Scored> violence) {
    Map<Long, Integer> counts = new TreeMap<>();
    Map<Long, List<Scored>> byCell = new HashMap<>();
    for (Scored s : violence) {
      counts.merge(s.cell(), s.count(), Integer::sum);
      byCell.computeIfAbsent(s.cell(), k -> new ArrayList<>()).add(s);
    }
    Set<Long> study = new TreeSet<>(counts.keySet());
    String area;
    Geometry outline = options.countryOutline();
    if (outline != null) {
      study.addAll(polygonCells(h, outline, options.h3Resolution()));
      area = "the cells whose centre lies in the country outline, plus any cell holding an event";
    } else {
      for (long c : counts.keySet()) {
        study.addAll(h.gridDisk(c, 2));
      }
      area = "the active cells and every cell within 2 rings of one (no country outline given)";
    }
    studyCells = study.size();
    Map<Long, Integer> values = new LinkedHashMap<>();
    for (long c : study) {
      values.put(c, counts.getOrDefault(c, 0));
    }
    Map<Long, Double> z = GetisOrd.zScores(values, c -> h.gridDisk(c, 1));
    List<Scored> hot95 = new ArrayList<>();
    List<Scored> hot99 = new ArrayList<>();
    int n99 = 0;
    for (Map.Entry<Long, Double> e : z.entrySet()) {
      if (e.getValue() >= GetisOrd.Z95) {
        long c = e.getKey();
        hotCells.add(
            new HotCell(
                c, h.h3ToString(c), boundary(h, c), counts.getOrDefault(c, 0), e.getValue()));
        hot95.addAll(byCell.getOrDefault(c, List.of()));
        if (e.getValue() >= GetisOrd.Z99) {
          n99++;
          hot99.addAll(byCell.getOrDefault(c, List.of()));
        }
      }
    }
    hotCells.sort(
        Comparator.comparingDouble(HotCell::z).reversed().thenComparing(HotCell::address));
    String res = "H3 resolution " + options.h3Resolution();
    String resLabel = texts.t("influence.resolution", String.valueOf(options.h3Resolution()));
    String how =
        "Getis-Ord Gi* z-score of the count of political-violence events "
            + filter.toCondition()
            + " per "
            + res
            + " cell, binary weights over each cell and its ring-1 neighbours, over "
            + area;
    String note = z.isEmpty() ? texts.t("influence.note.gi_undefined") : null;
    Map<String, String> extra = new TreeMap<>();
    extra.put("h3_resolution", String.valueOf(options.h3Resolution()));
    add(
        figure(
            "hotspots.study_cells",
            texts.t("influence.label.study_cells", resLabel),
            (double) studyCells,
            "cells",
            request.period(),
            violence,
            "count of " + area,
            extra,
            null));
    add(
        figure(
            "hotspots.hot_cells",
            texts.t("influence.label.hot_cells"),
            (double) hotCells.size(),
            "cells",
            request.period(),
            hot95,
            "count of cells with " + how + " at least 1.96",
            extra,
            note));
    add(
        figure(
            "hotspots.hot_cells_99",
            texts.t("influence.label.hot_cells_99"),
            (double) n99,
            "cells",
            request.period(),
            hot99,
            "count of cells with " + how + " at least 2.58",
            extra,
            note));
  }

  private void diffusion(List<Scored> violence) {
    Period p = request.period();
    LocalDate yearBefore = p.to().minusYears(1).plusDays(1);
    diffusionPeriod = new Period(yearBefore.isAfter(p.from()) ? yearBefore : p.from(), p.to());
    boolean shortWindow =
        diffusionPeriod.lengthDays() < p.to().minusYears(1).until(p.to(), ChronoUnit.DAYS);
    List<Scored> year =
        violence.stream().filter(s -> diffusionPeriod.contains(s.group().date())).toList();
    Geometry outline = options.countryOutline();
    double lat0;
    if (outline != null) {
      lat0 = outline.getEnvelopeInternal().centre().y;
    } else if (!year.isEmpty()) {
      double min = year.stream().mapToDouble(s -> s.group().latitude()).min().orElseThrow();
      double max = year.stream().mapToDouble(s -> s.group().latitude()).max().orElseThrow();
      lat0 = (min + max) / 2;
    } else {
      lat0 = 0;
    }
    EqualAreaGrid grid = new EqualAreaGrid(lat0, options.diffusionCellKm());
    Map<EqualAreaGrid.Key, List<Scored>> byCell = new HashMap<>();
    for (Scored s : year) {
      byCell
          .computeIfAbsent(
              grid.cellOf(s.group().latitude(), s.group().longitude()), k -> new ArrayList<>())
          .add(s);
    }
    List<Scored> busyEvents = new ArrayList<>();
    Set<EqualAreaGrid.Key> busy = new LinkedHashSet<>();
    byCell.forEach(
        (k, list) -> {
          if (events(list) >= options.diffusionMinEvents()) {
            busy.add(k);
            busyEvents.addAll(list);
          }
        });
    String km = plain(options.diffusionCellKm());
    String gridWords = texts.t("influence.grid", km, texts.decimal(lat0, 2));
    Map<String, String> extra = new TreeMap<>();
    extra.put("grid", gridWords);
    extra.put("min_events", String.valueOf(options.diffusionMinEvents()));
    String window = shortWindow ? texts.t("influence.note.short_window") : null;
    String how =
        "count of "
            + gridWords
            + " holding at least "
            + options.diffusionMinEvents()
            + " political-violence events "
            + filter.withPeriod(diffusionPeriod).toCondition()
            + " (the 12 months ending on the window's last day)";
    Figure count =
        add(
            figure(
                "diffusion.cells_10plus",
                texts.t(
                    "influence.label.diffusion_cells",
                    km,
                    String.valueOf(options.diffusionMinEvents())),
                (double) busy.size(),
                "cells",
                diffusionPeriod,
                busyEvents,
                how,
                extra,
                window));
    if (outline == null) {
      add(
          figure(
              "diffusion.share",
              texts.t(
                  "influence.label.diffusion_share",
                  km,
                  String.valueOf(options.diffusionMinEvents())),
              null,
              "share",
              diffusionPeriod,
              busyEvents,
              count.id() + " / cells covering the country",
              extra,
              texts.t("influence.note.no_outline")));
      return;
    }
    Set<EqualAreaGrid.Key> cover =
        new LinkedHashSet<>(
            GRID_COVERS.computeIfAbsent(
                new GridCover(outline, lat0, options.diffusionCellKm()),
                k -> List.copyOf(grid.cover(outline))));
    int inside = cover.size();
    cover.addAll(busy);
    Figure cells =
        add(
            figure(
                "diffusion.country_cells",
                texts.t("influence.label.country_cells", km),
                (double) cover.size(),
                "cells",
                diffusionPeriod,
                List.of(),
                "count of "
                    + gridWords
                    + " that intersect the country outline ("
                    + inside
                    + "), plus cells holding events outside it ("
                    + (cover.size() - inside)
                    + ")",
                extra,
                null));
    add(
        figure(
                "diffusion.share",
                texts.t(
                    "influence.label.diffusion_share",
                    km,
                    String.valueOf(options.diffusionMinEvents())),
                (double) busy.size() / cover.size(),
                "share",
                diffusionPeriod,
                busyEvents,
                count.id() + " / " + cells.id() + " (ACLED's diffusion measure)",
                extra,
                window)
            .withContext(
                null,
                new Denominator(
                    texts.t("influence.denominator.country_cells", km),
                    (double) cover.size(),
                    "cells",
                    null,
                    cells.id(),
                    true)));
  }

  /** The options as figures, so that text stating them refers to figures, not typed numbers. */
  private void parameters() {
    add(
        parameter(
            "influence.h3_resolution",
            texts.t("influence.parameter.h3_resolution"),
            options.h3Resolution(),
            "count",
            "h3Resolution"));
    add(
        parameter(
            "influence.half_life_days",
            texts.t("influence.parameter.half_life_days"),
            options.halfLifeDays(),
            "days",
            "halfLifeDays"));
    add(
        parameter(
            "influence.dominance_threshold",
            texts.t("influence.parameter.dominance_threshold"),
            options.dominanceShare(),
            "share",
            "dominanceShare"));
    add(
        parameter(
            "influence.min_events",
            texts.t("influence.parameter.min_events"),
            options.minEvents(),
            "events",
            "minEvents"));
    add(
        parameter(
            "diffusion.cell_km",
            texts.t("influence.parameter.cell_km"),
            options.diffusionCellKm(),
            "km",
            "diffusionCellKm"));
    add(
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

  /** The H3 cells of an outline at a resolution, the same for every brief of the country. */
  private record OutlineCells(Geometry outline, int resolution) {}

  /** The last outlines' cells (most recently used first out). */
  private static final LastUsed<OutlineCells, List<Long>> POLYGON_CELLS = new LastUsed<>(32);

  /** The cells of the diffusion grid that an outline covers, the same for every brief too. */
  private record GridCover(Geometry outline, double standardParallel, double cellKm) {}

  /** The last outlines' grid cells (most recently used first out). */
  private static final LastUsed<GridCover, List<EqualAreaGrid.Key>> GRID_COVERS =
      new LastUsed<>(32);

  private static List<Long> polygonCells(H3Core h, Geometry outline, int res) {
    return POLYGON_CELLS.computeIfAbsent(
        new OutlineCells(outline, res), k -> List.copyOf(cellsOf(h, outline, res)));
  }

  private static List<Long> cellsOf(H3Core h, Geometry outline, int res) {
    Set<Long> out = new TreeSet<>();
    for (int i = 0; i < outline.getNumGeometries(); i++) {
      Geometry g = outline.getGeometryN(i);
      if (!(g instanceof Polygon poly)) {
        continue;
      }
      List<List<LatLng>> holes = new ArrayList<>();
      for (int r = 0; r < poly.getNumInteriorRing(); r++) {
        holes.add(ring(poly.getInteriorRingN(r)));
      }
      out.addAll(h.polygonToCells(ring(poly.getExteriorRing()), holes, res));
    }
    return new ArrayList<>(out);
  }

  private static List<LatLng> ring(LinearRing r) {
    List<LatLng> out = new ArrayList<>();
    for (Coordinate c : r.getCoordinates()) {
      out.add(new LatLng(c.y, c.x));
    }
    return out;
  }

  private static List<Corner> boundary(H3Core h, long cell) {
    List<Corner> out = new ArrayList<>();
    for (LatLng ll : h.cellToBoundary(cell)) {
      out.add(new Corner(ll.lng, ll.lat));
    }
    return out;
  }

  private Map<String, String> influenceFilters() {
    Map<String, String> m = new TreeMap<>();
    m.put("h3_resolution", String.valueOf(options.h3Resolution()));
    m.put("half_life_days", plain(options.halfLifeDays()));
    m.put("dominance_share", plain(options.dominanceShare()));
    m.put("min_events", String.valueOf(options.minEvents()));
    return m;
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private Figure figure(
      String id,
      String label,
      Double value,
      String unit,
      Period period,
      Collection<?> records,
      String query,
      Map<String, String> extra,
      String note) {
    return figure(filter, id, label, value, unit, period, records, query, extra, note);
  }

  private Figure figure(
      EventFilter base,
      String id,
      String label,
      Double value,
      String unit,
      Period period,
      Collection<?> records,
      String query,
      Map<String, String> extra,
      String note) {
    Figures cite = new Figures(request.today());
    Citation citation =
        records.stream().anyMatch(Scored.class::isInstance)
            ? cite.citeGroups(records.stream().map(o -> ((Scored) o).group()).toList(), searched)
            : cite.cite(records.stream().map(o -> (EventPoint) o).toList(), searched);
    Map<String, String> filters = new TreeMap<>(base.withPeriod(period).describe());
    filters.putAll(extra);
    return new Figure(id, label, value, unit, period, null, filters, query, citation, note);
  }

  private Figure add(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("figure id computed twice: " + f.id());
    }
    return f;
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

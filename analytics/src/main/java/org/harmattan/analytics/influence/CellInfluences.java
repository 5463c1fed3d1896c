package org.harmattan.analytics.influence;

import static org.harmattan.analytics.influence.Scored.events;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.DoubleStream;
import org.harmattan.analytics.influence.TerritorialInfluence.ActorCell;
import org.harmattan.analytics.influence.TerritorialInfluence.ActorInfluence;
import org.harmattan.analytics.influence.TerritorialInfluence.CellInfluence;
import org.harmattan.analytics.influence.TerritorialInfluence.CellStatus;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.figure.Denominator;

/**
 * Who leads where ({@link TerritorialInfluence}): per registry actor and H3 cell, the events, their
 * fatalities and decayed activity; per cell the leading actor, its share with a 95 % interval and
 * the cell's class; per actor its events, activity, cells and dominated cells; each as figures.
 */
final class CellInfluences extends InfluencePart {

  /** Cells where registry actors acted, by address. */
  final List<CellInfluence> cells = new ArrayList<>();

  /** Registry actors active in the window, most decayed activity first. */
  final List<ActorInfluence> actors = new ArrayList<>();

  /** Running totals of one actor in one cell. */
  private static final class Tally {
    int events;
    long fatalities;
    double activity;
    double weightSq;
  }

  CellInfluences(InfluenceBook book) {
    super(book);
  }

  /** Computes the cells and actors of {@code violence}, whose registry actors are {@code known}. */
  void compute(H3Core h, List<Scored> violence, Map<String, CanonicalActor> known) {
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
              H3Cells.boundary(h, cell),
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
            InfluenceBook.plain(options.halfLifeDays()));
    String rule =
        String.format(
            Locale.ROOT,
            "dominant: the leading actor has at least %s of the cell's decayed registry-actor"
                + " activity over at least %d attributed events; contested: at least %d events and"
                + " no actor reaches that share; thin evidence: fewer than %d events",
            InfluenceBook.plain(options.dominanceShare() * 100) + " %",
            options.minEvents(),
            options.minEvents(),
            options.minEvents());
    Map<String, String> extra = book.filters();
    book.add(
        book.figure(
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
      book.add(
          book.figure(
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
    book.add(
        book.figure(
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
    book.add(
        book.figure(
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
          book.add(
                  book.figure(
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
          book.add(
                  book.figure(
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
          book.add(
                  book.figure(
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
          book.add(
                  book.figure(
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
}

package org.harmattan.analytics.influence;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.analytics.actors.ActorMatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.influence.TerritorialInfluence.ActorInfluence;
import org.harmattan.analytics.influence.TerritorialInfluence.Transfer;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;

/**
 * Territory-transfer events ({@link TerritorialInfluence#TRANSFER_SUB_EVENT_TYPES}) of the window,
 * with their cells and registry actors, counted in all and by actor 1 as figures.
 */
final class Transfers extends InfluencePart {

  /** Territory-transfer events of the window, in the engine's order. */
  final List<Transfer> transfers = new ArrayList<>();

  /** Ids of the {@code territory.transfers.<actorId>} figures by actor id. */
  final Map<String, String> figures = new HashMap<>();

  Transfers(InfluenceBook book) {
    super(book);
  }

  /**
   * Reads {@code points}, the window's transfer events among those of {@code read} (political
   * violence and strategic developments), and gives each of {@code actors} the figure of its
   * transfers; the registry actors they name join {@code known}.
   */
  void compute(
      H3Core h,
      ActorRegistry registry,
      EventFilter read,
      List<EventPoint> points,
      Map<String, CanonicalActor> known,
      List<ActorInfluence> actors) {
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
    String subTypes =
        String.join("; ", new TreeSet<>(TerritorialInfluence.TRANSFER_SUB_EVENT_TYPES));
    book.add(
        book.figure(
            read,
            "territory.transfers",
            texts.t("influence.label.transfers"),
            (double) points.size(),
            "events",
            request.period(),
            points,
            "count of events " + read.toCondition() + " with sub-event type in [" + subTypes + "]",
            Map.of("sub_event_type", subTypes),
            null));
    Map<String, String> byId = new HashMap<>();
    byActor.forEach(
        (id, list) -> {
          CanonicalActor a = known.get(id);
          byId.put(
              id,
              book.add(
                      book.figure(
                          read,
                          "territory.transfers." + id,
                          texts.t("influence.label.actor_transfers", a.name()),
                          (double) list.size(),
                          "events",
                          request.period(),
                          list,
                          "count of events "
                              + read.toCondition()
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
    figures.putAll(byId);
  }
}

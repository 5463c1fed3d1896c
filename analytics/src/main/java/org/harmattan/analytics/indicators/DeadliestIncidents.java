package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventPage;

/**
 * The deadliest events of a brief's window: the events of the brief's selection listed by the
 * engine in order of best fatality estimate, largest first (ties by event id), keeping those with
 * at least one death. Each incident's death toll is a figure citing that one event.
 */
public final class DeadliestIncidents {
  /** How many incidents a brief names. */
  public static final int DEFAULT_COUNT = 5;

  /**
   * One incident.
   *
   * @param rank 1 for the deadliest
   * @param event the event as the store holds it (its newest version)
   * @param figureId the id of the figure of its deaths, {@code incidents.deadliest.<rank>}
   */
  public record Incident(int rank, Event event, String figureId) {
    public Incident {
      requireNonNull(event, "event");
      requireNonNull(figureId, "figureId");
    }

    /** The place in words: location, then admin1 when it differs ("Koumaga, Mopti"). */
    public String place() {
      return place(UnaryOperator.identity());
    }

    /** The place in words, the region spelled by {@code regionName}. */
    public String place(UnaryOperator<String> regionName) {
      String location = event.location();
      String admin1 = event.admin1() == null ? null : regionName.apply(event.admin1());
      if (location == null || location.isBlank()) {
        return admin1 == null ? event.countryIso3() : admin1;
      }
      return admin1 == null || admin1.equalsIgnoreCase(location)
          ? location
          : location + ", " + admin1;
    }

    /** The actors' names as the source gives them, in source order, each once. */
    public List<String> actors() {
      List<String> names = new ArrayList<>();
      for (EventActor a : event.actors()) {
        if (!names.contains(a.name())) {
          names.add(a.name());
        }
      }
      return names;
    }
  }

  private final List<Incident> incidents;
  private final List<Figure> figures;

  private DeadliestIncidents(List<Incident> incidents, List<Figure> figures) {
    this.incidents = List.copyOf(incidents);
    this.figures = List.copyOf(figures);
  }

  /** The figure id of the incident of {@code rank}. */
  public static String figureId(int rank) {
    return "incidents.deadliest." + rank;
  }

  /** The {@code count} deadliest events of the request's selection and window. */
  public static DeadliestIncidents compute(
      AnalyticsEngine engine, SecurityRequest request, int count) {
    requireNonNull(engine, "engine");
    requireNonNull(request, "request");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    EventFilter filter =
        request
            .scope()
            .apply(
                EventFilter.of(request.countryIso3(), request.period())
                    .withSources(request.sources()));
    EventPage page =
        engine.listEvents(
            EventListing.first(
                filter, EventListing.Sort.descending(EventListing.Sort.Field.FATALITIES), count));
    List<Incident> incidents = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    for (Event e : page.events()) {
      if (e.fatalities().best() < 1) {
        break;
      }
      int rank = incidents.size() + 1;
      String id = figureId(rank);
      Incident incident = new Incident(rank, e, id);
      incidents.add(incident);
      Map<String, String> filters = new TreeMap<>(filter.describe());
      filters.put("rank", Integer.toString(rank));
      figures.add(
          new Figure(
              id,
              AnalyticsTexts.of(request.language())
                  .t(
                      "indicators.deadliest",
                      Integer.toString(rank),
                      e.date().toString(),
                      incident.place()),
              (double) e.fatalities().best(),
              "deaths",
              request.period(),
              null,
              filters,
              "events where "
                  + filter.toCondition()
                  + " ordered by best fatality estimate descending, then event id; rank "
                  + rank
                  + ": "
                  + e.id(),
              new Citation(
                  List.of(
                      new SourceRef(
                          e.source().name(),
                          e.provenance().dataset(),
                          e.provenance().fileSha256())),
                  1,
                  List.of(e.id()),
                  e.provenance().ingestedAt().atZone(ZoneOffset.UTC).toLocalDate()),
              null));
    }
    return new DeadliestIncidents(incidents, figures);
  }

  /** The incidents, deadliest first; fewer than asked when fewer events had deaths. */
  public List<Incident> incidents() {
    return incidents;
  }

  /** One figure per incident: its deaths. */
  public List<Figure> listFigures() {
    return figures;
  }
}

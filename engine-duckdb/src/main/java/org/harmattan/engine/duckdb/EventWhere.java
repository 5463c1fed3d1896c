package org.harmattan.engine.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.query.EventFilter;

/** The WHERE clause of an event filter on the events table, and its parameters. */
final class EventWhere {
  final StringBuilder sql = new StringBuilder(" WHERE TRUE");
  final List<Object> params = new ArrayList<>();

  EventWhere(EventFilter f, boolean withPeriod) {
    if (f.countryIso3() != null) {
      sql.append(" AND country_iso3 = ?");
      params.add(f.countryIso3());
    }
    if (withPeriod) {
      sql.append(" AND event_date BETWEEN ? AND ?");
      params.add(f.period().from());
      params.add(f.period().to());
    }
    in("source", f.sources().stream().map(SourceSystem::name).toList());
    if (f.eventTypes() != null) {
      if (f.eventTypes().isEmpty()) {
        sql.append(" AND FALSE");
      } else {
        in("event_type", f.eventTypes().stream().map(EventType::label).toList());
      }
    }
    in("admin1", f.admin1());
    in("actor1", f.actor1Names());
    in("inter1", f.inter1());
    if (!f.anyActorNames().isEmpty()) {
      String list = placeholders(f.anyActorNames().size());
      sql.append(" AND (actor1 IN (")
          .append(list)
          .append(") OR actor2 IN (")
          .append(list)
          .append(") OR list_has_any(assoc_actor_1, [")
          .append(list)
          .append("]) OR list_has_any(assoc_actor_2, [")
          .append(list)
          .append("]))");
      List<String> names = new ArrayList<>(new TreeSet<>(f.anyActorNames()));
      for (int i = 0; i < 4; i++) {
        params.addAll(names);
      }
    }
    if (f.civilianTargeting() != null) {
      sql.append(" AND civilian_targeting = ?");
      params.add(f.civilianTargeting());
    }
    if (f.near() != null) {
      // The box holding the circle first: comparisons cost far less than the distance.
      sql.append(" AND ").append(box(f.near().bounds()));
      sql.append(
          " AND 2 * 6371.0088 * asin(sqrt(pow(sin(radians(latitude - ?) / 2), 2)"
              + " + cos(radians(?)) * cos(radians(latitude))"
              + " * pow(sin(radians(longitude - ?) / 2), 2))) <= ?");
      params.add(f.near().latitude());
      params.add(f.near().latitude());
      params.add(f.near().longitude());
      params.add(f.near().km());
    }
    in("sub_event_type", f.subEventTypes());
    if (f.bbox() != null) {
      sql.append(" AND ").append(box(f.bbox()));
    }
    if (f.minFatalities() != null) {
      sql.append(" AND fatalities_best >= ?");
      params.add(f.minFatalities());
    }
    if (f.maxFatalities() != null) {
      sql.append(" AND fatalities_best <= ?");
      params.add(f.maxFatalities());
    }
  }

  /** Keeps the events inside at least one of the boxes (a missing point is in none). */
  void anyBox(List<EventFilter.Box> boxes) {
    List<String> each = new ArrayList<>(boxes.size());
    for (EventFilter.Box b : boxes) {
      each.add(box(b));
    }
    sql.append(" AND (").append(String.join(" OR ", each)).append(")");
  }

  /**
   * The condition that a point lies in the box, edges included, its bounds added to the parameters.
   * A missing point compares as NULL: never in a box.
   */
  private String box(EventFilter.Box b) {
    params.add(b.south());
    params.add(b.north());
    params.add(b.west());
    params.add(b.east());
    return "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?";
  }

  private void in(String column, Collection<?> values) {
    if (values.isEmpty()) {
      return;
    }
    sql.append(" AND ").append(column).append(" IN (").append(placeholders(values.size()));
    sql.append(")");
    params.addAll(values);
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  void bind(PreparedStatement p) throws SQLException {
    bind(p, 1);
  }

  /** Binds the parameters from position {@code first} on; returns the next free position. */
  int bind(PreparedStatement p, int first) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      if (v instanceof LocalDate d) {
        p.setObject(first + i, d);
      } else {
        p.setObject(first + i, v);
      }
    }
    return first + params.size();
  }
}

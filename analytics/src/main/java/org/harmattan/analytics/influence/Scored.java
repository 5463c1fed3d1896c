package org.harmattan.analytics.influence;

import java.util.Collection;
import java.util.Set;
import org.harmattan.engine.query.DayGroup;

/**
 * Political-violence events of one point, day, type, actors and file with their cell, the weight of
 * each, and their registry actors.
 */
record Scored(DayGroup group, long cell, double weight, Set<String> actorIds) {
  int count() {
    return group.count();
  }

  /** How many events the groups hold. */
  static int events(Collection<Scored> scored) {
    int n = 0;
    for (Scored s : scored) {
      n += s.count();
    }
    return n;
  }
}

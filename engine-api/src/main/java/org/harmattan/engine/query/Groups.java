package org.harmattan.engine.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.harmattan.domain.figure.DeferredIds;

/** Joins groups of events an engine made by finer keys into the groups of a coarser key. */
final class Groups {
  private Groups() {}

  /**
   * The parts with equal keys joined by {@code join} (a part alone stays as it is), in {@code
   * order}.
   */
  static <G, K> List<G> merge(
      Collection<G> parts, Function<G, K> key, Function<List<G>, G> join, Comparator<G> order) {
    Map<K, List<G>> byKey = new LinkedHashMap<>();
    for (G g : parts) {
      byKey.computeIfAbsent(key.apply(g), k -> new ArrayList<>()).add(g);
    }
    List<G> out = new ArrayList<>(byKey.size());
    for (List<G> same : byKey.values()) {
      out.add(same.size() == 1 ? same.get(0) : join.apply(same));
    }
    out.sort(order);
    return out;
  }

  /**
   * The ids of the parts together, sorted in {@link String} order when first read ({@link
   * DeferredIds}; the parts share no event).
   */
  static <G> List<String> ids(List<G> parts, Function<G, List<String>> ids) {
    return DeferredIds.sortedUnion(parts.stream().map(ids).toList());
  }
}

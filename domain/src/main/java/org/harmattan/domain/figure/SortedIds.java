package org.harmattan.domain.figure;

import java.util.ArrayList;
import java.util.List;

/** Event ids as a citation holds them: in {@link String} order, each once. */
public final class SortedIds {
  private SortedIds() {}

  /**
   * The ids of {@code lists} together, sorted, each once. A sort of one list sized first is cheaper
   * than a tree of tens of thousands of ids, and than a list grown to that size copying itself over
   * and over.
   */
  public static List<String> union(List<? extends List<String>> lists) {
    int total = 0;
    for (List<String> l : lists) {
      total = Math.addExact(total, l.size());
    }
    List<String> all = new ArrayList<>(total);
    lists.forEach(all::addAll);
    all.sort(null);
    List<String> distinct = new ArrayList<>(total);
    for (String id : all) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(id)) {
        distinct.add(id);
      }
    }
    return distinct;
  }
}

package org.harmattan.domain.figure;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Event ids whose count is known at once and whose list is made when first read. A figure over tens
 * of thousands of events counts them when it is computed; putting their ids in order for its
 * citation is most of the work, and only a reader of the citation needs it (a brief's figures.json,
 * a citation asked of the API), not a dashboard's count or an alert. The list is made at most once,
 * also when several threads read it; it cannot be changed.
 *
 * <p>Its size is the count given; the list made must hold exactly that many ids, or reading it
 * fails.
 */
public final class DeferredIds extends AbstractList<String> implements RandomAccess {
  private final int size;

  /** What makes the list; null once it is made. */
  private Supplier<? extends List<String>> make;

  private volatile List<String> made;

  private DeferredIds(int size, Supplier<? extends List<String>> make) {
    if (size < 0) {
      throw new IllegalArgumentException("a count of ids must not be negative: " + size);
    }
    this.size = size;
    this.make = requireNonNull(make, "make");
  }

  /**
   * The {@code size} ids {@code make} gives when the list is first read. {@code make} is called at
   * most once; the list it gives must not be changed afterwards by anyone else.
   */
  public static List<String> of(int size, Supplier<? extends List<String>> make) {
    return new DeferredIds(size, make);
  }

  /**
   * The ids of {@code lists}, which share none, in {@link String} order: counted at once, sorted
   * when first read ({@link SortedIds#union}). Reading them fails if two lists shared an id after
   * all.
   */
  public static List<String> sortedUnion(List<? extends List<String>> lists) {
    List<List<String>> parts = List.copyOf(lists);
    int total = 0;
    for (List<String> l : parts) {
      total = Math.addExact(total, l.size());
    }
    return new DeferredIds(total, () -> SortedIds.union(parts));
  }

  /**
   * Ids as a value keeps them: deferred ones as they are (copying would make them), any other list
   * as an unmodifiable copy ({@link List#copyOf}).
   */
  public static List<String> keep(List<String> ids) {
    return ids instanceof DeferredIds ? ids : List.copyOf(ids);
  }

  /** Whether the ids have been made (read at least once). */
  public boolean isMade() {
    return made != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String get(int index) {
    return made().get(index);
  }

  @Override
  public Iterator<String> iterator() {
    return made().iterator();
  }

  @Override
  public void forEach(Consumer<? super String> action) {
    made().forEach(action);
  }

  @Override
  public Object[] toArray() {
    return made().toArray();
  }

  @Override
  public <T> T[] toArray(T[] a) {
    return made().toArray(a);
  }

  private List<String> made() {
    List<String> m = made;
    if (m == null) {
      synchronized (this) {
        m = made;
        if (m == null) {
          List<String> list = make.get();
          if (list.size() != size) {
            throw new IllegalStateException(
                "ids counted as " + size + " but " + list.size() + " were made");
          }
          m = Collections.unmodifiableList(list);
          made = m;
          make = null;
        }
      }
    }
    return m;
  }
}

package org.harmattan.server.api;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.harmattan.service.store.StoreViews;

/**
 * What the store covers per country and source (a query per country and source), kept for one store
 * version: shared by the coverage and status answers and by the opening views.
 */
final class CoverageCache {
  private record Rows(long generation, List<StoreViews.CoverageRow> rows) {}

  private final Api api;
  private final AtomicReference<Rows> known = new AtomicReference<>();

  CoverageCache(Api api) {
    this.api = api;
  }

  /** Every country and source with events: first and last date, count, when read in. */
  List<StoreViews.CoverageRow> rows() {
    long generation = api.store().generation();
    Rows k = known.get();
    if (k != null && k.generation() == generation) {
      return k.rows();
    }
    List<StoreViews.CoverageRow> rows =
        api.store().read(store -> StoreViews.coverage(store, store.status()));
    known.set(new Rows(generation, rows));
    return rows;
  }
}

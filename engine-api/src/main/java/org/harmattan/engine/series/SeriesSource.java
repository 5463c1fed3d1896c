package org.harmattan.engine.series;

import java.util.List;

/** Where stored monthly series are read from. */
public interface SeriesSource {

  /**
   * The points of {@code series} at {@code level} (e.g. {@code ged_sb}, {@code country}), every
   * unit, ordered by unit id (as text, in code-point order: {@link
   * org.harmattan.engine.query.CountResult#ID_ORDER}) and month; empty when the store has none.
   */
  List<SeriesPoint> listSeries(String series, String level);
}

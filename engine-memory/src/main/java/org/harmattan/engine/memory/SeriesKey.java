package org.harmattan.engine.memory;

import java.time.YearMonth;
import org.harmattan.engine.series.SeriesPoint;

/** What identifies a point of a monthly series: series, level, unit id and month. */
record SeriesKey(String series, String level, String unitId, YearMonth month) {
  static SeriesKey of(SeriesPoint p) {
    return new SeriesKey(p.series(), p.level(), p.unitId(), p.month());
  }
}

package org.harmattan.analytics.indicators;

import java.time.YearMonth;

/**
 * One month of the monthly series.
 *
 * @param month the month
 * @param eventsFigure id of its events figure
 * @param fatalitiesFigure id of its fatalities figure
 */
public record MonthPoint(YearMonth month, String eventsFigure, String fatalitiesFigure) {}

package org.harmattan.domain.event;

/** How exactly the source knows the event date. */
public enum DatePrecision {
  /** The day is known (ACLED time_precision 1, UCDP date_prec 1). */
  DAY,
  /** Known to within about a week (ACLED 2, UCDP 2–3). */
  WEEK,
  /** Known to within a month (ACLED 3, UCDP 4). */
  MONTH,
  /** Known to within a year (UCDP 5). */
  YEAR
}

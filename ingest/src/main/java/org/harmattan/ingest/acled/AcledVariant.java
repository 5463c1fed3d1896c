package org.harmattan.ingest.acled;

/** The ACLED file layouts Harmattan reads; they differ in columns, dates and taxonomy. */
public enum AcledVariant {
  /** Export tool and API since 2019: sub_event_type, ISO dates; since 2022 disorder_type etc. */
  CURRENT,
  /** Export tool before the 2019 taxonomy change: no sub_event_type, "22 February 2019" dates. */
  EXPORT_2019,
  /** The 2016 upper-case schema: GWNO, EVENT_ID_CNTY, ALLY_ACTOR_1, dd/mm/yyyy dates. */
  SCHEMA_2016,
  /** ACLED as republished on HDX, with an HXL hashtag row under the header. */
  HDX_HXL
}

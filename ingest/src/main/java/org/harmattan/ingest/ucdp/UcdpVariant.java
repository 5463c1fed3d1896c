package org.harmattan.ingest.ucdp;

/** The UCDP GED layouts Harmattan reads. */
public enum UcdpVariant {
  /** GED since v20: 49 columns with relid and code_status. */
  GED,
  /** GED v19: 42 columns, gwnoa after side_a_new_id, no relid or code_status. */
  GED_V19,
  /** UCDP as republished on HDX, with an HXL hashtag row and an iso3 column. */
  HDX_HXL
}

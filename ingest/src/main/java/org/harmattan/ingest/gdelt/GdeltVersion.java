package org.harmattan.ingest.gdelt;

import java.util.List;

/** GDELT event-file layouts: tab-separated, no header. */
public enum GdeltVersion {
  /** GDELT 1.0 daily files: 57 columns, 58 with SOURCEURL (from April 2013). */
  V1,
  /** GDELT 2.0 15-minute event files: 61 columns. */
  V2;

  /** The documented column names, in file order. */
  public List<String> columns() {
    return switch (this) {
      case V1 -> GdeltColumns.V1;
      case V2 -> GdeltColumns.V2;
    };
  }
}

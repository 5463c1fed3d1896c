package org.harmattan.analytics.indicators;

import java.text.Normalizer;
import java.util.Locale;

/** The stable vocabulary of figure ids (also what claims files name). */
public final class FigureIds {
  public static final String EVENTS_TOTAL = "events.total";
  public static final String FATALITIES_TOTAL = "fatalities.total";
  public static final String EVENTS_VAC = "events.violence_against_civilians";
  public static final String FATALITIES_VAC = "fatalities.violence_against_civilians";
  public static final String EVENTS_VAC_STATE = "events.violence_against_civilians.state_forces";
  public static final String FATALITIES_VAC_STATE =
      "fatalities.violence_against_civilians.state_forces";
  public static final String EVENTS_POLITICAL_VIOLENCE = "events.political_violence";
  public static final String FATALITIES_POLITICAL_VIOLENCE = "fatalities.political_violence";

  /** Prefix of change figures: {@code change.events.total}. */
  public static final String CHANGE = "change.";

  /** Prefix of the comparison-window value of a figure: {@code compare.events.total}. */
  public static final String COMPARE = "compare.";

  private FigureIds() {}

  public static String change(String id) {
    return CHANGE + id;
  }

  public static String compare(String id) {
    return COMPARE + id;
  }

  /**
   * A lower-case id part from free text: "Explosions/Remote violence" →
   * "explosions_remote_violence".
   */
  public static String slug(String text) {
    String s =
        Normalizer.normalize(text == null ? "unknown" : text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_");
    s = s.replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "unknown" : s;
  }
}

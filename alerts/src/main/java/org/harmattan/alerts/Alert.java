package org.harmattan.alerts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.figure.Figure;

/**
 * One alert a rule raised: what fired, where, when and on which figures. Its id is stable: the same
 * rule firing for the same area on the same day has the same id, so that evaluating the same data
 * again raises nothing new.
 *
 * @param id stable id, {@code RULE:COUNTRY[:AREA]:DATE}, the area a region's slug, a corridor's
 *     slug or a government's code (no '/', so that it is one segment of a URL path)
 * @param rule the id of the rule in its rule file
 * @param kind the rule's kind, e.g. {@code acled-surge}
 * @param date the as-of day on which the rule fired
 * @param country ISO 3166-1 alpha-3 code
 * @param admin1 the region, or null for a country-wide alert
 * @param severity from the rule
 * @param headline one line, for a subject or a feed title
 * @param text a short paragraph whose numbers are formatted from {@code figures}
 * @param figures the figures that fired it, each with its citation
 * @param area where it applies
 */
public record Alert(
    String id,
    String rule,
    String kind,
    LocalDate date,
    String country,
    String admin1,
    Severity severity,
    String headline,
    String text,
    List<Figure> figures,
    AlertArea area) {
  public Alert {
    requireNonNull(id, "id");
    requireNonNull(rule, "rule");
    requireNonNull(kind, "kind");
    requireNonNull(date, "date");
    requireNonNull(country, "country");
    requireNonNull(severity, "severity");
    requireNonNull(headline, "headline");
    requireNonNull(text, "text");
    requireNonNull(area, "area");
    figures = List.copyOf(figures);
  }

  /**
   * The stable id of an alert, {@code RULE:COUNTRY[:AREA]:DATE}: the one way every rule forms it.
   *
   * @param area the area's segment (a region's slug, a corridor's slug, a government's code), or
   *     null for the whole country
   */
  public static String id(String rule, String country, String area, LocalDate day) {
    return rule + ":" + country + (area == null ? "" : ":" + area) + ":" + day;
  }
}

package org.harmattan.analytics.advisories;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A change worth telling a watcher about, for the alerting that will consume it.
 *
 * @param id stable id, e.g. {@code advisory.uk.MLI.2025-11-04.level_raised}
 * @param date the advisory's date
 * @param severity {@code high} for a higher level or a call to leave, {@code medium} for an area
 *     added or raised, {@code low} otherwise
 * @param headline one line
 * @param url the advice
 */
public record AlertCandidate(
    String id, LocalDate date, String severity, String headline, String url) {
  public AlertCandidate {
    requireNonNull(id, "id");
    requireNonNull(date, "date");
    requireNonNull(severity, "severity");
    requireNonNull(headline, "headline");
    requireNonNull(url, "url");
  }
}

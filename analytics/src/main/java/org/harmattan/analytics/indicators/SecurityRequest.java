package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;

/**
 * What the security indicators are computed for.
 *
 * @param countryIso3 the country
 * @param period the window
 * @param comparison the matched comparison window, or null
 * @param sources the source systems counted (one system at a time avoids double counting)
 * @param today the day of computation
 * @param scope optional narrowing to regions, event types or an actor
 */
public record SecurityRequest(
    String countryIso3,
    Period period,
    Period comparison,
    Set<SourceSystem> sources,
    LocalDate today,
    Scope scope) {
  public SecurityRequest {
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(scope, "scope");
    requireNonNull(period, "period");
    requireNonNull(today, "today");
    sources = Set.copyOf(sources);
  }

  /** A request for the whole country. */
  public SecurityRequest(
      String countryIso3,
      Period period,
      Period comparison,
      Set<SourceSystem> sources,
      LocalDate today) {
    this(countryIso3, period, comparison, sources, today, Scope.ALL);
  }
}

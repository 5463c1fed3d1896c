package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;

/**
 * What the security indicators are computed for.
 *
 * @param countryIso3 the country
 * @param period the window
 * @param comparison the matched comparison window, or null
 * @param sources the source systems counted (one system at a time avoids double counting)
 * @param today the day of computation
 * @param scope optional narrowing to regions, event types or an actor
 * @param language the language of the figures' labels and notes
 */
public record SecurityRequest(
    String countryIso3,
    Period period,
    Period comparison,
    Set<SourceSystem> sources,
    LocalDate today,
    Scope scope,
    Language language) {
  public SecurityRequest {
    requireNonNull(language, "language");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(scope, "scope");
    requireNonNull(period, "period");
    requireNonNull(today, "today");
    sources = Set.copyOf(sources);
  }

  /** A request whose labels and notes are in English. */
  public SecurityRequest(
      String countryIso3,
      Period period,
      Period comparison,
      Set<SourceSystem> sources,
      LocalDate today,
      Scope scope) {
    this(countryIso3, period, comparison, sources, today, scope, Language.EN);
  }

  /** This request with labels and notes in {@code l}. */
  public SecurityRequest withLanguage(Language l) {
    return new SecurityRequest(countryIso3, period, comparison, sources, today, scope, l);
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

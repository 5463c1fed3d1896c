package org.harmattan.alerts.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.harmattan.alerts.Severity;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.reference.profile.CountryProfile;

/**
 * One rule of a rule file.
 *
 * @param id the rule's id, unique in its file
 * @param kind what it watches
 * @param countries ISO 3166-1 alpha-3 codes of the countries it watches, at least one
 * @param admin1 the regions it watches (per region), empty for the kind's default
 * @param severity the severity of its alerts
 * @param suppressDays after an alert, the same rule stays quiet for the same area this many days
 *     (0: it may fire every day its condition holds)
 * @param sources the source systems whose events it counts
 * @param radiusKm for {@code capital-radius}: the radius around the capital
 * @param quietMonths for {@code capital-radius}: the months without such events before the first
 * @param capital for {@code capital-radius}: the capital, or null for the country's profile
 * @param pValueBelow for {@code anomaly}: fire when the p-value is below this
 * @param probability for {@code forecast-fatalities}: fire when the chance is at least this
 */
public record Rule(
    String id,
    RuleKind kind,
    List<String> countries,
    List<String> admin1,
    Severity severity,
    int suppressDays,
    Set<SourceSystem> sources,
    double radiusKm,
    int quietMonths,
    CountryProfile.NamedPlace capital,
    double pValueBelow,
    double probability) {
  public Rule {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(severity, "severity");
    countries = List.copyOf(countries);
    admin1 = List.copyOf(admin1);
    sources = Set.copyOf(sources);
    if (countries.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " watches no country");
    }
    if (suppressDays < 0) {
      throw new IllegalArgumentException("rule " + id + ": suppress_days must not be negative");
    }
  }
}

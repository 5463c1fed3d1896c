package org.harmattan.engine.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An alert as the store keeps it: the fields it is looked up by, and the whole alert as JSON (its
 * figures and citations included), so that it reads back exactly as it was raised.
 *
 * @param id the alert's stable id
 * @param rule the id of the rule that raised it
 * @param kind the rule's kind
 * @param date the day the rule fired on
 * @param country ISO 3166-1 alpha-3 code
 * @param admin1 the region, or null
 * @param severity the severity word
 * @param json the alert as JSON
 * @param raised when it was recorded
 */
public record AlertRecord(
    String id,
    String rule,
    String kind,
    LocalDate date,
    String country,
    String admin1,
    String severity,
    String json,
    Instant raised) {
  public AlertRecord {
    requireNonNull(id, "id");
    requireNonNull(rule, "rule");
    requireNonNull(kind, "kind");
    requireNonNull(date, "date");
    requireNonNull(country, "country");
    requireNonNull(severity, "severity");
    requireNonNull(json, "json");
    requireNonNull(raised, "raised");
  }
}

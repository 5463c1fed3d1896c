package org.harmattan.domain.actor;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A dated link from one canonical actor to another, e.g. Ansar Dine {@code merged_into} JNIM from
 * 2017-03-02.
 *
 * @param actorId the other actor's id
 * @param relation a lower-case word such as {@code merged_into}, {@code part_of}, {@code
 *     allied_with}, {@code replaced_by}
 * @param from first day of the link, or null when unknown
 * @param to last day of the link, or null while it lasts or when unknown
 */
public record Affiliation(String actorId, String relation, LocalDate from, LocalDate to) {
  private static final Pattern RELATION = Pattern.compile("[a-z][a-z_]*");

  public Affiliation {
    requireNonNull(actorId, "actorId");
    requireNonNull(relation, "relation");
    if (!CanonicalActor.isValidId(actorId)) {
      throw new IllegalArgumentException(
          "affiliation actorId must be a lower-case slug like jnim, was '" + actorId + "'");
    }
    if (!RELATION.matcher(relation).matches()) {
      throw new IllegalArgumentException(
          "relation must be a lower-case word like merged_into, was '" + relation + "'");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "affiliation with " + actorId + " ends " + to + " before it starts " + from);
    }
  }
}

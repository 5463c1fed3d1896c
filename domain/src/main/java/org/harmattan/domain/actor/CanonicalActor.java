package org.harmattan.domain.actor;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One actor as Harmattan knows it, whatever the sources call it.
 *
 * @param id stable lower-case slug ({@code jnim}, {@code is_sahel}); it appears in figure ids such
 *     as {@code capital.nearest_km.jnim}, so it never changes once shipped
 * @param name the display name
 * @param type the actor type, ACLED's inter code
 * @param countryIso3 the actor's home country, or null for transnational actors
 * @param aliases raw names the sources use, matched exactly or after normalisation
 * @param patterns regular expressions (Java syntax, case-insensitive) over raw names, for families
 *     of names such as {@code Military Forces of Mali (2013-) Gendarmerie}
 * @param affiliations dated links to other canonical actors
 * @param validFrom first day the actor was active in the registry's region, or null when unknown
 * @param validTo last day, or null while active or when unknown
 */
public record CanonicalActor(
    String id,
    String name,
    ActorType type,
    String countryIso3,
    List<String> aliases,
    List<String> patterns,
    List<Affiliation> affiliations,
    LocalDate validFrom,
    LocalDate validTo) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

  public CanonicalActor {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          "actor id must be a lower-case slug (a-z, 0-9, _; starting with a letter), was '"
              + id
              + "'");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor " + id + ": name must not be blank");
    }
    if (countryIso3 != null && !ISO3.matcher(countryIso3).matches()) {
      throw new IllegalArgumentException(
          "actor " + id + ": countryIso3 must be three capital letters, was '" + countryIso3 + "'");
    }
    aliases = List.copyOf(aliases);
    patterns = List.copyOf(patterns);
    affiliations = List.copyOf(affiliations);
    for (String a : aliases) {
      if (a.isBlank()) {
        throw new IllegalArgumentException("actor " + id + ": an alias is blank");
      }
    }
    for (String p : patterns) {
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "actor "
                + id
                + ": pattern '"
                + p
                + "' is not a regular expression: "
                + e.getDescription(),
            e);
      }
    }
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "actor " + id + ": validTo " + validTo + " is before validFrom " + validFrom);
    }
  }

  /** Whether {@code id} is a valid actor id: a lower-case slug. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The name followed by the aliases, without repeats: every spelling matched by equality. */
  public List<String> spellings() {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    all.add(name);
    all.addAll(aliases);
    return List.copyOf(all);
  }

  /** Whether the actor was active on {@code day}; unknown bounds count as open. */
  public boolean isActiveOn(LocalDate day) {
    requireNonNull(day, "day");
    return (validFrom == null || !day.isBefore(validFrom))
        && (validTo == null || !day.isAfter(validTo));
  }

  /** This actor with more aliases, patterns and affiliations appended (repeats dropped). */
  public CanonicalActor withAdditions(
      List<String> moreAliases, List<String> morePatterns, List<Affiliation> moreAffiliations) {
    return new CanonicalActor(
        id,
        name,
        type,
        countryIso3,
        union(aliases, moreAliases),
        union(patterns, morePatterns),
        union(affiliations, moreAffiliations),
        validFrom,
        validTo);
  }

  private static <T> List<T> union(List<T> a, List<T> b) {
    LinkedHashSet<T> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }
}

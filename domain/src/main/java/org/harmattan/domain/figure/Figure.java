package org.harmattan.domain.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One number Harmattan states, with everything needed to check it.
 *
 * @param id stable id, e.g. {@code events.violence_against_civilians.state_forces}
 * @param label what it counts, in words
 * @param value the value, or null when it cannot be computed (see {@code note})
 * @param unit {@code events}, {@code deaths}, {@code percent}, …
 * @param period the window the figure describes
 * @param comparison the comparison window of a change figure, or null
 * @param filters the filters applied, by name
 * @param query the query that computed it, readable
 * @param citation the records behind it
 * @param note why the value is missing, or a caveat; null when none
 * @param vintage the date the underlying data describes (a survey round, a plan year), when that
 *     differs from the window; null for event counts, whose dates are the events' own
 * @param denominator what a share is out of; null for figures that are not shares
 */
public record Figure(
    String id,
    String label,
    Double value,
    String unit,
    Period period,
    Period comparison,
    Map<String, String> filters,
    String query,
    Citation citation,
    String note,
    LocalDate vintage,
    Denominator denominator) {
  public Figure {
    requireNonNull(id, "id");
    requireNonNull(label, "label");
    requireNonNull(unit, "unit");
    requireNonNull(period, "period");
    requireNonNull(query, "query");
    requireNonNull(citation, "citation");
    filters = java.util.Collections.unmodifiableMap(new TreeMap<>(filters));
    if (value == null && note == null) {
      throw new IllegalArgumentException("figure " + id + " has no value and no note saying why");
    }
    if (value != null && (value.isNaN() || value.isInfinite())) {
      throw new IllegalArgumentException("figure " + id + " has no finite value: " + value);
    }
  }

  /** A figure without vintage or denominator: an event count, a distance, a rate. */
  public Figure(
      String id,
      String label,
      Double value,
      String unit,
      Period period,
      Period comparison,
      Map<String, String> filters,
      String query,
      Citation citation,
      String note) {
    this(id, label, value, unit, period, comparison, filters, query, citation, note, null, null);
  }

  /** This figure with the vintage of its data and, for a share, its denominator. */
  public Figure withContext(LocalDate vintage, Denominator denominator) {
    return new Figure(
        id,
        label,
        value,
        unit,
        period,
        comparison,
        filters,
        query,
        citation,
        note,
        vintage,
        denominator);
  }

  public Optional<LocalDate> findVintage() {
    return Optional.ofNullable(vintage);
  }

  public Optional<Denominator> findDenominator() {
    return Optional.ofNullable(denominator);
  }

  public Optional<Double> findValue() {
    return Optional.ofNullable(value);
  }

  /** The value, which must be present. */
  public double getValue() {
    if (value == null) {
      throw new IllegalStateException("figure " + id + " has no value: " + note);
    }
    return value;
  }
}

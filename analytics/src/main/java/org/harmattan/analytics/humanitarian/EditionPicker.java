package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.humanitarian.CadreHarmoniseEdition;
import org.harmattan.domain.humanitarian.Observation;

/**
 * Picks, per indicator, the edition a window uses: the latest whose vintage is not after the
 * window's end, the one before it (for changes) and the newest left out; what was left out, tied or
 * old goes to the book's notes.
 */
final class EditionPicker {
  /** The edition chosen for the window, the one before it, and the newest left out. */
  record Pick(Edition chosen, Edition previous, Edition newer) {}

  private final FigureBook book;

  EditionPicker(FigureBook book) {
    this.book = requireNonNull(book, "book");
  }

  /** The observations of {@code indicator}, of {@code dataset} and {@code qualifier} when given. */
  List<Observation> rows(String indicator, String dataset, String qualifier) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : book.observations()) {
      if (o.indicator().equals(indicator)
          && (dataset == null || o.dataset().equals(dataset))
          && (qualifier == null || qualifier.equals(o.qualifier()))) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * The latest edition whose vintage is not after the window's end (ties: the preferred dataset,
   * then the edition name), with notes on what was left out or is old.
   */
  Pick pick(List<Observation> rows, String preferred, String what, String source) {
    List<Edition> editions = editions(rows, preferred);
    Edition chosen = null;
    Edition newer = null;
    Edition earliestAfter = null;
    for (Edition e : editions) {
      if (e.vintage().isAfter(book.window().to())) {
        newer = e;
        if (earliestAfter == null) {
          earliestAfter = e;
        }
      } else {
        chosen = e;
      }
    }
    if (editions.isEmpty()) {
      return new Pick(null, null, null);
    }
    if (chosen == null) {
      book.note(
          book.t(
              "humanitarian.edition.none_before",
              what,
              book.countryIso3(),
              book.day(book.window().to()),
              earliestAfter.describe(book)));
      return new Pick(null, null, newer);
    }
    List<String> tied = new ArrayList<>();
    for (Edition e : editions) {
      if (!e.equals(chosen) && e.vintage().equals(chosen.vintage())) {
        tied.add(e.edition());
      }
    }
    if (!tied.isEmpty()) {
      book.note(
          book.t(
              "humanitarian.edition.tied",
              source,
              book.day(chosen.vintage()),
              chosen.edition(),
              String.join(", ", tied)));
    }
    Edition previous = null;
    for (Edition e : editions) {
      if (e.vintage().isBefore(chosen.vintage()) && e.dataset().equals(chosen.dataset())) {
        previous = e;
      }
    }
    if (chosen.vintage().isBefore(book.window().to().minusYears(1))) {
      book.note(
          book.t(
              "humanitarian.edition.old",
              what,
              chosen.describe(book),
              book.day(book.window().to())));
    }
    if (newer != null) {
      book.note(book.t("humanitarian.edition.newer", source, newer.describe(book)));
    }
    return new Pick(chosen, previous, newer);
  }

  /**
   * A forward projection (Cadre Harmonisé): the one made by the newest exercise of the window (the
   * exercise's period starting on or before the window's end), whatever period it projects. It is
   * left out, with a note, when the period it projects ended before the window did: a projection of
   * a season already past says nothing about what comes next. For one projected period, the newest
   * exercise's projection is the one the Cadre Harmonisé marks as the one to use ({@code
   * usethisperiod}).
   */
  Pick pickProjection(List<Observation> rows, String what, String source) {
    List<Edition> editions = editions(rows, null);
    editions.sort(
        Comparator.comparing(EditionPicker::exercise)
            .thenComparing(Edition::vintage)
            .thenComparing(Edition::edition));
    Edition chosen = null;
    Edition newer = null;
    for (Edition e : editions) {
      if (exercise(e).isAfter(book.window().to())) {
        newer = e;
      } else {
        chosen = e;
      }
    }
    if (newer != null) {
      book.note(book.t("humanitarian.edition.newer_exercise", source, newer.describe(book)));
    }
    if (chosen == null) {
      if (!editions.isEmpty()) {
        book.note(
            book.t(
                "humanitarian.edition.none_made",
                what,
                book.countryIso3(),
                book.day(book.window().to())));
      }
      return new Pick(null, null, newer);
    }
    LocalDate end = CadreHarmoniseEdition.projectedEnd(chosen.edition()).orElse(chosen.vintage());
    if (end.isBefore(book.window().to())) {
      book.note(
          book.t(
              "humanitarian.edition.projection_past", what, chosen.describe(book), book.day(end)));
      return new Pick(null, null, newer);
    }
    return new Pick(chosen, null, newer);
  }

  /**
   * The editions of these rows, oldest first by the date they describe; ties (two Cadre Harmonisé
   * exercises describing the same season): the preferred dataset, then the later exercise, then the
   * name.
   */
  private static List<Edition> editions(List<Observation> rows, String preferred) {
    Map<List<String>, List<Observation>> groups = new LinkedHashMap<>();
    for (Observation o : rows) {
      List<String> key =
          List.of(o.dataset(), o.edition(), o.qualifier() == null ? "" : o.qualifier());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }
    List<Edition> editions = new ArrayList<>();
    groups.forEach(
        (k, list) -> {
          LocalDate v = list.get(0).vintage();
          for (Observation o : list) {
            if (o.vintage().isAfter(v)) {
              v = o.vintage();
            }
          }
          editions.add(
              new Edition(k.get(0), k.get(1), k.get(2).isEmpty() ? null : k.get(2), v, list));
        });
    editions.sort(
        Comparator.comparing((Edition e) -> e.vintage())
            .thenComparing(e -> e.dataset().equals(preferred))
            .thenComparing(EditionPicker::exercise)
            .thenComparing(e -> e.edition()));
    return editions;
  }

  /** When an edition was made: a Cadre Harmonisé exercise's start, else the date it describes. */
  private static LocalDate exercise(Edition e) {
    return CadreHarmoniseEdition.exerciseStart(e.edition()).orElse(e.vintage());
  }

  /** What the window uses of an indicator: the chosen edition and the newer one left out. */
  Selection selection(String indicator, Pick pick) {
    Edition e = pick.chosen();
    return new Selection(
        indicator,
        e.dataset(),
        e.edition(),
        e.qualifier(),
        e.vintage(),
        e.rows().size(),
        FigureBook.sources(e.rows()),
        pick.newer() == null ? null : pick.newer().edition(),
        pick.newer() == null ? null : pick.newer().vintage(),
        e.vintage().isBefore(book.window().to().minusYears(1)));
  }
}

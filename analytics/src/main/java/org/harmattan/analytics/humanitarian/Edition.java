package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.humanitarian.Observation;

/**
 * The observations of one edition of a source: a DTM round, a response plan, a Cadre Harmonisé
 * exercise (current or projected), a population table.
 *
 * @param dataset e.g. {@code iom-dtm}
 * @param edition e.g. "DTM round 72"
 * @param qualifier {@code current} / {@code projected}, or null
 * @param vintage the latest date its rows describe
 * @param rows its observations
 */
record Edition(
    String dataset, String edition, String qualifier, LocalDate vintage, List<Observation> rows) {
  Edition {
    requireNonNull(dataset, "dataset");
    requireNonNull(edition, "edition");
    requireNonNull(vintage, "vintage");
    rows = List.copyOf(rows);
  }

  /** "DTM round 72 (iom-dtm, describing 31 December 2018)", for notes. */
  String describe(FigureBook book) {
    return book.t("humanitarian.edition.describe", edition, dataset, book.day(vintage));
  }
}

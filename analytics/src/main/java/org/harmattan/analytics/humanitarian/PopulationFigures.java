package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.POPULATION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.harmattan.domain.humanitarian.Observation;

/**
 * The population of the country from the latest population table of the window, and how much of the
 * country it covers: without a country total, a region that other sources name and the table lacks
 * leaves the population unknown, and only the covered regions' total is given, as a lower bound.
 */
final class PopulationFigures {
  private static final Pattern COD_ADMIN1 = Pattern.compile("^[A-Z]{2}[0-9]{2}$");

  private final FigureBook book;
  private final EditionPicker picker;
  private final AdminAreas areas;
  private Selection population;
  private PopulationCoverage populationCoverage;

  PopulationFigures(FigureBook book, EditionPicker picker, AdminAreas areas) {
    this.book = requireNonNull(book, "book");
    this.picker = requireNonNull(picker, "picker");
    this.areas = requireNonNull(areas, "areas");
  }

  /** The population figure, and the regions it misses when it has no country total. */
  void compute() {
    List<Observation> rows = picker.rows(POPULATION, null, null);
    EditionPicker.Pick pick =
        picker.pick(
            rows,
            null,
            book.t("humanitarian.what.population"),
            book.t("humanitarian.source.population"));
    if (pick.chosen() == null) {
      return;
    }
    Edition e = pick.chosen();
    population = picker.selection(POPULATION, pick);
    List<Observation> leaves = AdminAreas.leaves(e.rows());
    double total = FigureBook.sum(leaves);
    boolean countryLevel = leaves.stream().anyMatch(o -> o.adminLevel() == 0);
    Set<String> covered = new TreeSet<>();
    for (Observation o : leaves) {
      String a1 = areas.admin1Of(o);
      if (a1 != null) {
        covered.add(a1);
      }
    }
    String prefix = covered.isEmpty() ? null : covered.iterator().next().substring(0, 2);
    List<String> known = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int width = covered.isEmpty() ? 4 : covered.iterator().next().length();
    for (String a1 : areas.knownAdmin1()) {
      if (prefix != null
          && !(a1.startsWith(prefix) && a1.length() == width && COD_ADMIN1.matcher(a1).matches())) {
        continue; // a code in another scheme (ISO3-prefixed DTM codes): not a region we can check
      }
      known.add(a1);
      if (!covered.contains(a1)) {
        missing.add(areas.area(a1));
      }
    }
    populationCoverage =
        new PopulationCoverage(
            countryLevel, known, List.copyOf(covered), countryLevel ? List.of() : missing);
    String query = book.sumQuery(POPULATION, e, leaves);
    if (populationCoverage.complete()) {
      book.put(
          book.figure(
              HumanitarianIds.POPULATION,
              book.t("humanitarian.label.population", book.countryIso3(), e.edition()),
              total,
              "people",
              e,
              Map.of(),
              query,
              leaves,
              null));
      return;
    }
    String missingText = String.join(", ", populationCoverage.missingAreas());
    String covers =
        book.t(
            "humanitarian.covers",
            Integer.toString(covered.size()),
            Integer.toString(known.size()));
    book.put(
        book.figure(
            HumanitarianIds.POPULATION,
            book.t("humanitarian.label.population", book.countryIso3(), e.edition()),
            null,
            "people",
            e,
            Map.of(),
            query,
            leaves,
            book.t(
                "humanitarian.note.population_unknown",
                missingText,
                book.countryIso3(),
                HumanitarianIds.POPULATION_COVERED,
                covers)));
    book.put(
        book.figure(
            HumanitarianIds.POPULATION_COVERED,
            book.t("humanitarian.label.population_covered", covers, e.edition(), missingText),
            total,
            "people",
            e,
            Map.of("areas", String.join(",", covered)),
            query,
            leaves,
            book.t("humanitarian.note.population_lower", book.countryIso3(), missingText)));
  }

  /** The population edition used, or null when there is none. */
  Selection population() {
    return population;
  }

  /** The regions the population covers, or null when there is no population edition. */
  PopulationCoverage coverage() {
    return populationCoverage;
  }
}

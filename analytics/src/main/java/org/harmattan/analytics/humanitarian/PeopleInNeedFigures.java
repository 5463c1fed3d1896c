package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.PEOPLE_IN_NEED;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.POPULATION;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.RESPONSE_PLAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.SourceRef;

/**
 * People in need from the latest response plan of the window, and their share of the population,
 * given only over a complete population of a date within a year of the plan's.
 */
final class PeopleInNeedFigures {
  private final FigureBook book;
  private final EditionPicker picker;
  private Selection peopleInNeed;

  PeopleInNeedFigures(FigureBook book, EditionPicker picker) {
    this.book = requireNonNull(book, "book");
    this.picker = requireNonNull(picker, "picker");
  }

  /**
   * People in need and their share of the population.
   *
   * @param populationCoverage what the population figure covers, or null when there is none
   */
  void compute(PopulationCoverage populationCoverage) {
    EditionPicker.Pick pick =
        picker.pick(
            picker.rows(PEOPLE_IN_NEED, null, null),
            RESPONSE_PLAN,
            book.t("humanitarian.what.pin"),
            book.t("humanitarian.source.pin"));
    if (pick.chosen() == null) {
      return;
    }
    Edition e = pick.chosen();
    peopleInNeed = picker.selection(PEOPLE_IN_NEED, pick);
    Figure pin =
        book.total(
            HumanitarianIds.PEOPLE_IN_NEED,
            book.t("humanitarian.label.pin", e.edition()),
            PEOPLE_IN_NEED,
            e);
    book.put(pin);
    book.put(share(pin, e, populationCoverage));
  }

  /** People in need as a share of the population, only over a complete population. */
  private Figure share(Figure pin, Edition e, PopulationCoverage populationCoverage) {
    String id = HumanitarianIds.PEOPLE_IN_NEED_SHARE;
    String label = book.t("humanitarian.label.pin_share", e.edition());
    String query = "people in need / population: " + HumanitarianIds.PEOPLE_IN_NEED + " / ";
    Figure pop = book.find(HumanitarianIds.POPULATION);
    if (pop == null) {
      Figure f =
          shareFigure(
              id,
              label,
              null,
              query + HumanitarianIds.POPULATION,
              pin,
              null,
              book.t(
                  "humanitarian.note.pin_share_no_population",
                  book.countryIso3(),
                  book.day(book.window().to())));
      return f.withContext(
          e.vintage(),
          new Denominator(
              book.t("humanitarian.label.population_none", book.countryIso3()),
              null,
              "people",
              null,
              POPULATION,
              false));
    }
    if (pop.value() == null) {
      Figure covered = book.find(HumanitarianIds.POPULATION_COVERED);
      String missing = String.join(", ", populationCoverage.missingAreas());
      Figure f =
          shareFigure(
              id,
              label,
              null,
              query + HumanitarianIds.POPULATION_COVERED,
              pin,
              covered,
              book.t(
                  "humanitarian.note.pin_share_partial",
                  missing,
                  book.countryIso3(),
                  HumanitarianIds.POPULATION_COVERED));
      return f.withContext(
          e.vintage(),
          new Denominator(
              covered.label(),
              covered.value(),
              "people",
              covered.vintage(),
              HumanitarianIds.POPULATION_COVERED,
              false));
    }
    String note = null;
    if (pop.vintage() != null
        && e.vintage() != null
        && (pop.vintage().isBefore(e.vintage().minusYears(1))
            || pop.vintage().isAfter(e.vintage().plusYears(1)))) {
      note =
          book.t(
              "humanitarian.note.pin_share_apart", book.day(pop.vintage()), book.day(e.vintage()));
    }
    Figure f =
        shareFigure(
            id,
            label,
            pin.getValue() / pop.getValue(),
            query + HumanitarianIds.POPULATION,
            pin,
            pop,
            note);
    return f.withContext(
        e.vintage(),
        new Denominator(
            pop.label(), pop.value(), "people", pop.vintage(), HumanitarianIds.POPULATION, true));
  }

  private Figure shareFigure(
      String id,
      String label,
      Double value,
      String query,
      Figure pin,
      Figure denominator,
      String note) {
    Map<String, String> filters = new TreeMap<>(pin.filters());
    List<SourceRef> sources = new ArrayList<>(pin.citation().sources());
    Set<String> ids = new TreeSet<>(pin.citation().eventIds());
    long count = pin.citation().recordCount();
    if (denominator != null) {
      filters.put("denominator", denominator.id());
      for (SourceRef s : denominator.citation().sources()) {
        if (!sources.contains(s)) {
          sources.add(s);
        }
      }
      ids.addAll(denominator.citation().eventIds());
      count += denominator.citation().recordCount();
    }
    return new Figure(
        id,
        label,
        value,
        "share",
        book.window(),
        null,
        filters,
        query,
        new Citation(sources, count, List.copyOf(ids), book.accessed(sources)),
        note);
  }

  /** The response-plan edition used, or null when there is none. */
  Selection peopleInNeed() {
    return peopleInNeed;
  }
}

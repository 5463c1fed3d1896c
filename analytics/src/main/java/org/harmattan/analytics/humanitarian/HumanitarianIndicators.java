package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.query.ObservationSource;

/**
 * The humanitarian figures of a country for a window. Each indicator uses the latest edition of its
 * source whose vintage (the date the data describes) is not after the window's end, and says which
 * in its query and vintage; a newer edition left out, or a figure more than a year older than the
 * window's end, is stated in {@link #notes()}.
 *
 * <p>An edition's total adds its rows once: a row that a coarser row of the same edition already
 * covers (a commune under its cercle's total, anything under a country row) is not added again.
 * Rows at mixed levels that cover different places (DTM round 64: communes and one cercle) are all
 * added. A share of the population is given only over a complete population: when a region that
 * other sources name has no population figure (Ménaka in the COD-PS table), the share has no value
 * and its note says which regions are missing.
 *
 * <p>Each indicator is computed by its own class over the shared {@link FigureBook} (filters,
 * queries, citations), {@link EditionPicker} (which edition a window uses) and {@link AdminAreas}
 * (where a row's P-code belongs): {@link PopulationFigures}, {@link PeopleInNeedFigures}, {@link
 * DisplacementFigures} and {@link FoodInsecurityFigures}, in that order.
 */
public final class HumanitarianIndicators {
  /**
   * Two IDP numbers closer than this, in percent, are the same number as the brief prints it ("0
   * %"): the sources agree.
   */
  public static final double SAME_NUMBER_PERCENT = 0.5;

  /** Dataset and indicator names the ingest side writes. */
  static final String DTM = "iom-dtm";

  static final String RESPONSE_PLAN = "response-plan";
  static final String IDPS = "idps";
  static final String PEOPLE_IN_NEED = "people_in_need";
  static final String PHASE3PLUS = "food_insecure.phase3plus";
  static final String IDMC_STOCK = "idmc.idps.stock.conflict";
  static final String POPULATION = "population";
  static final String CURRENT = "current";
  static final String PROJECTED = "projected";

  /** How many cercles the IDP table lists. */
  public static final int TOP_ADMIN2 = 10;

  private final FigureBook book;
  private final boolean hasObservations;
  private final PopulationFigures population;
  private final PeopleInNeedFigures peopleInNeed;
  private final DisplacementFigures displacement;
  private final FoodInsecurityFigures food;

  private HumanitarianIndicators(FigureBook book, List<AdminUnit> units) {
    this.book = book;
    this.hasObservations = !book.observations().isEmpty();
    EditionPicker picker = new EditionPicker(book);
    AdminAreas areas = AdminAreas.index(book.observations(), units);
    this.population = new PopulationFigures(book, picker, areas);
    this.peopleInNeed = new PeopleInNeedFigures(book, picker);
    this.displacement = new DisplacementFigures(book, picker, areas);
    this.food = new FoodInsecurityFigures(book, picker);
  }

  /** The indicators of the request's country for its window, accessed on its day. */
  public static HumanitarianIndicators compute(ObservationSource source, SecurityRequest request) {
    requireNonNull(request, "request");
    return compute(
        source, request.countryIso3(), request.period(), request.today(), request.language());
  }

  /**
   * The indicators of {@code countryIso3} for {@code window}, labels and notes in English.
   *
   * @param accessed the access date of a cited file the store does not say when it read (each
   *     citation gives the day its files were read into the store)
   */
  public static HumanitarianIndicators compute(
      ObservationSource source, String countryIso3, Period window, LocalDate accessed) {
    return compute(source, countryIso3, window, accessed, Language.EN);
  }

  /**
   * The indicators of {@code countryIso3} for {@code window}, labels and notes in {@code language}.
   *
   * @param accessed the access date the citations give (the day the data was read)
   */
  public static HumanitarianIndicators compute(
      ObservationSource source,
      String countryIso3,
      Period window,
      LocalDate accessed,
      Language language) {
    requireNonNull(source, "source");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(window, "window");
    requireNonNull(accessed, "accessed");
    List<Observation> all =
        source.listObservations(countryIso3, null).stream()
            .filter(o -> o.countryIso3().equals(countryIso3))
            .toList();
    HumanitarianIndicators h =
        new HumanitarianIndicators(
            new FigureBook(
                countryIso3,
                window,
                accessed,
                all.isEmpty() ? Map.of() : source.listReadDays(),
                all,
                AnalyticsTexts.of(language)),
            all.isEmpty() ? List.of() : source.listAdminUnits(countryIso3));
    h.run();
    return h;
  }

  // The order matters: the share of people in need needs the population; notes and figures keep
  // the order they are made in.
  private void run() {
    population.compute();
    peopleInNeed.compute(population.coverage());
    displacement.compute();
    food.compute();
  }

  public String countryIso3() {
    return book.countryIso3();
  }

  public Period window() {
    return book.window();
  }

  /** Whether the store holds any humanitarian observation of the country at all. */
  public boolean hasObservations() {
    return hasObservations;
  }

  /** Every figure computed, in a stable order. */
  public List<Figure> listFigures() {
    return book.listFigures();
  }

  public Optional<Figure> findFigure(String id) {
    return Optional.ofNullable(book.find(id));
  }

  /** The figure {@code id}, which must have been computed. */
  public Figure getFigure(String id) {
    Figure f = book.find(id);
    if (f == null) {
      throw new IllegalArgumentException("no humanitarian figure " + id + " was computed");
    }
    return f;
  }

  /** Caveats in words: editions left out, figures older than the window, sources missing. */
  public List<String> notes() {
    return book.notes();
  }

  public Optional<Selection> peopleInNeed() {
    return Optional.ofNullable(peopleInNeed.peopleInNeed());
  }

  /** The DTM round the IDP figures use. */
  public Optional<Selection> idps() {
    return Optional.ofNullable(displacement.idps());
  }

  /** The DTM round before it, against which the change is given. */
  public Optional<Selection> idpsPrevious() {
    return Optional.ofNullable(displacement.idpsPrevious());
  }

  public Optional<Selection> foodCurrent() {
    return Optional.ofNullable(food.current());
  }

  public Optional<Selection> foodProjected() {
    return Optional.ofNullable(food.projected());
  }

  public Optional<Selection> idmc() {
    return Optional.ofNullable(displacement.idmc());
  }

  public Optional<Selection> population() {
    return Optional.ofNullable(population.population());
  }

  public Optional<PopulationCoverage> populationCoverage() {
    return Optional.ofNullable(population.coverage());
  }

  /** IDPs by region (admin1), largest first, from the DTM round used. */
  public List<AreaRow> idpsByAdmin1() {
    return displacement.idpsByAdmin1();
  }

  /** The cercles (admin2) with the most IDPs, largest first, at most {@link #TOP_ADMIN2}. */
  public List<AreaRow> idpsTopAdmin2() {
    return displacement.idpsTopAdmin2();
  }

  /**
   * When DTM and IDMC both give a number of IDPs: which one the brief uses as its headline and why.
   */
  public Optional<String> idpsChoice() {
    return Optional.ofNullable(displacement.idpsChoice());
  }

  /** The id of the headline IDP figure: DTM's count, or IDMC's stock when DTM is out of date. */
  public Optional<String> headlineIdps() {
    return Optional.ofNullable(displacement.headlineIdps());
  }
}

package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.Observation;
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
 */
public final class HumanitarianIndicators {
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

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final Pattern COD_ADMIN1 = Pattern.compile("^[A-Z]{2}[0-9]{2}$");
  private static final Pattern COD_PCODE = Pattern.compile("^[A-Z]{2}[0-9]+$");
  private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");

  private final String countryIso3;
  private final Period window;
  private final LocalDate accessed;
  private final boolean hasObservations;
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<AreaRow> idpsByAdmin1 = new ArrayList<>();
  private final List<AreaRow> idpsTopAdmin2 = new ArrayList<>();
  private Selection peopleInNeed;
  private Selection idps;
  private Selection idpsPrevious;
  private Selection foodCurrent;
  private Selection foodProjected;
  private Selection idmc;
  private Selection population;
  private PopulationCoverage populationCoverage;
  private String idpsChoice;
  private String headlineIdps;

  // Working state of the computation.
  private final List<Observation> all;
  private final Set<String> knownAdmin1 = new TreeSet<>();
  private final Set<String> knownAdmin2 = new TreeSet<>();
  private final Map<String, String> names = new HashMap<>();

  private HumanitarianIndicators(
      String countryIso3, Period window, LocalDate accessed, List<Observation> all) {
    this.countryIso3 = countryIso3;
    this.window = window;
    this.accessed = accessed;
    this.all = all;
    this.hasObservations = !all.isEmpty();
  }

  /** The indicators of the request's country for its window, accessed on its day. */
  public static HumanitarianIndicators compute(ObservationSource source, SecurityRequest request) {
    requireNonNull(request, "request");
    return compute(source, request.countryIso3(), request.period(), request.today());
  }

  /**
   * The indicators of {@code countryIso3} for {@code window}.
   *
   * @param accessed the access date the citations give (the day the data was read)
   */
  public static HumanitarianIndicators compute(
      ObservationSource source, String countryIso3, Period window, LocalDate accessed) {
    requireNonNull(source, "source");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(window, "window");
    requireNonNull(accessed, "accessed");
    List<Observation> all =
        source.listObservations(countryIso3, null).stream()
            .filter(o -> o.countryIso3().equals(countryIso3))
            .toList();
    HumanitarianIndicators h = new HumanitarianIndicators(countryIso3, window, accessed, all);
    h.run();
    return h;
  }

  public String countryIso3() {
    return countryIso3;
  }

  public Period window() {
    return window;
  }

  public LocalDate accessed() {
    return accessed;
  }

  /** Whether the store holds any humanitarian observation of the country at all. */
  public boolean hasObservations() {
    return hasObservations;
  }

  /** Every figure computed, in a stable order. */
  public List<Figure> listFigures() {
    return List.copyOf(figures.values());
  }

  public Optional<Figure> findFigure(String id) {
    return Optional.ofNullable(figures.get(id));
  }

  /** The figure {@code id}, which must have been computed. */
  public Figure getFigure(String id) {
    Figure f = figures.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no humanitarian figure " + id + " was computed");
    }
    return f;
  }

  /** Caveats in words: editions left out, figures older than the window, sources missing. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  public Optional<Selection> peopleInNeed() {
    return Optional.ofNullable(peopleInNeed);
  }

  /** The DTM round the IDP figures use. */
  public Optional<Selection> idps() {
    return Optional.ofNullable(idps);
  }

  /** The DTM round before it, against which the change is given. */
  public Optional<Selection> idpsPrevious() {
    return Optional.ofNullable(idpsPrevious);
  }

  public Optional<Selection> foodCurrent() {
    return Optional.ofNullable(foodCurrent);
  }

  public Optional<Selection> foodProjected() {
    return Optional.ofNullable(foodProjected);
  }

  public Optional<Selection> idmc() {
    return Optional.ofNullable(idmc);
  }

  public Optional<Selection> population() {
    return Optional.ofNullable(population);
  }

  public Optional<PopulationCoverage> populationCoverage() {
    return Optional.ofNullable(populationCoverage);
  }

  /** IDPs by region (admin1), largest first, from the DTM round used. */
  public List<AreaRow> idpsByAdmin1() {
    return List.copyOf(idpsByAdmin1);
  }

  /** The cercles (admin2) with the most IDPs, largest first, at most {@link #TOP_ADMIN2}. */
  public List<AreaRow> idpsTopAdmin2() {
    return List.copyOf(idpsTopAdmin2);
  }

  /**
   * When DTM and IDMC both give a number of IDPs: which one the brief uses as its headline and why.
   */
  public Optional<String> idpsChoice() {
    return Optional.ofNullable(idpsChoice);
  }

  /** The id of the headline IDP figure: DTM's count, or IDMC's stock when DTM is out of date. */
  public Optional<String> headlineIdps() {
    return Optional.ofNullable(headlineIdps);
  }

  // ---------------------------------------------------------------- computation

  private void run() {
    indexPlaces();
    computePopulation();
    computePeopleInNeed();
    computeIdps();
    computeIdmc();
    chooseIdps();
    computeFood();
  }

  /** Names and region codes of every place the country's sources mention. */
  private void indexPlaces() {
    List<Observation> ordered = new ArrayList<>(all);
    // Population names first: the COD-PS table spells regions as the COD does.
    ordered.sort(Comparator.comparing((Observation o) -> !POPULATION.equals(o.indicator())));
    for (Observation o : ordered) {
      if (o.pcode() == null) {
        continue;
      }
      if (o.adminLevel() == 1) {
        knownAdmin1.add(o.pcode());
      } else if (o.adminLevel() == 2) {
        knownAdmin2.add(o.pcode());
      }
      if (o.adminLevel() > 0 && o.adminName() != null && !o.adminName().isBlank()) {
        names.putIfAbsent(o.pcode(), o.adminName().strip());
      }
    }
    for (Observation o : all) {
      String a1 = admin1Of(o);
      if (a1 != null) {
        knownAdmin1.add(a1);
      }
    }
  }

  private void computePopulation() {
    List<Observation> rows = rows(POPULATION, null, null);
    Pick pick = select(rows, null, "population figure", "population table");
    if (pick.chosen == null) {
      return;
    }
    Edition e = pick.chosen;
    population = selection(POPULATION, pick);
    List<Observation> leaves = leaves(e.rows);
    double total = sum(leaves);
    boolean countryLevel = leaves.stream().anyMatch(o -> o.adminLevel() == 0);
    Set<String> covered = new TreeSet<>();
    for (Observation o : leaves) {
      String a1 = admin1Of(o);
      if (a1 != null) {
        covered.add(a1);
      }
    }
    String prefix = covered.isEmpty() ? null : covered.iterator().next().substring(0, 2);
    List<String> known = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int width = covered.isEmpty() ? 4 : covered.iterator().next().length();
    for (String a1 : knownAdmin1) {
      if (prefix != null
          && !(a1.startsWith(prefix) && a1.length() == width && COD_ADMIN1.matcher(a1).matches())) {
        continue; // a code in another scheme (ISO3-prefixed DTM codes): not a region we can check
      }
      known.add(a1);
      if (!covered.contains(a1)) {
        missing.add(area(a1));
      }
    }
    populationCoverage =
        new PopulationCoverage(
            countryLevel, known, List.copyOf(covered), countryLevel ? List.of() : missing);
    String query = sumQuery(POPULATION, e, leaves);
    if (populationCoverage.complete()) {
      put(
          figure(
              HumanitarianIds.POPULATION,
              "population of " + countryIso3 + " (" + e.edition + ")",
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
        "the " + covered.size() + " of " + known.size() + " regions (admin1) with a figure";
    put(
        figure(
            HumanitarianIds.POPULATION,
            "population of " + countryIso3 + " (" + e.edition + ")",
            null,
            "people",
            e,
            Map.of(),
            query,
            leaves,
            "unknown: the population table has no figure for "
                + missingText
                + ", which other sources of "
                + countryIso3
                + " name; see "
                + HumanitarianIds.POPULATION_COVERED
                + " for "
                + covers));
    put(
        figure(
            HumanitarianIds.POPULATION_COVERED,
            "population of " + covers + " (" + e.edition + "; no figure for " + missingText + ")",
            total,
            "people",
            e,
            Map.of("areas", String.join(",", covered)),
            query,
            leaves,
            "a lower bound of the population of "
                + countryIso3
                + ": no figure for "
                + missingText));
  }

  private void computePeopleInNeed() {
    Pick pick =
        select(
            rows(PEOPLE_IN_NEED, null, null),
            RESPONSE_PLAN,
            "people-in-need figure",
            "response plan (OCHA HPC)");
    if (pick.chosen == null) {
      return;
    }
    Edition e = pick.chosen;
    peopleInNeed = selection(PEOPLE_IN_NEED, pick);
    Figure pin =
        total(
            HumanitarianIds.PEOPLE_IN_NEED,
            "people in need (" + e.edition + ")",
            PEOPLE_IN_NEED,
            e);
    put(pin);
    put(share(pin, e));
  }

  /** People in need as a share of the population, only over a complete population. */
  private Figure share(Figure pin, Edition e) {
    String id = HumanitarianIds.PEOPLE_IN_NEED_SHARE;
    String label = "people in need as a share of the population (" + e.edition + ")";
    String query = "people in need / population: " + HumanitarianIds.PEOPLE_IN_NEED + " / ";
    Figure pop = figures.get(HumanitarianIds.POPULATION);
    if (pop == null) {
      Figure f =
          shareFigure(
              id,
              label,
              null,
              query + HumanitarianIds.POPULATION,
              pin,
              null,
              "not computed: no population figure of "
                  + countryIso3
                  + " dated on or before "
                  + DAY.format(window.to())
                  + " is in the store");
      return f.withContext(
          e.vintage,
          new Denominator(
              "population of " + countryIso3 + " (none available)",
              null,
              "people",
              null,
              POPULATION,
              false));
    }
    if (pop.value() == null) {
      Figure covered = figures.get(HumanitarianIds.POPULATION_COVERED);
      String missing = String.join(", ", populationCoverage.missingAreas());
      Figure f =
          shareFigure(
              id,
              label,
              null,
              query + HumanitarianIds.POPULATION_COVERED,
              pin,
              covered,
              "not computed: the population table has no figure for "
                  + missing
                  + ", so the population of "
                  + countryIso3
                  + " is not known; the population of the regions with a figure ("
                  + HumanitarianIds.POPULATION_COVERED
                  + ") is only a lower bound of it, and people in need over it would only be an"
                  + " upper bound of the share");
      return f.withContext(
          e.vintage,
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
        && e.vintage != null
        && (pop.vintage().isBefore(e.vintage.minusYears(1))
            || pop.vintage().isAfter(e.vintage.plusYears(1)))) {
      note =
          "the population describes "
              + DAY.format(pop.vintage())
              + " and the people in need "
              + DAY.format(e.vintage)
              + ", more than a year apart";
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
        e.vintage,
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
        window,
        null,
        filters,
        query,
        new Citation(sources, count, List.copyOf(ids), accessed),
        note);
  }

  private void computeIdps() {
    Pick pick = select(rows(IDPS, DTM, null), DTM, "IOM DTM round", "IOM DTM");
    if (pick.chosen == null) {
      return;
    }
    Edition e = pick.chosen;
    idps = selection(IDPS, pick);
    Figure total =
        total(
            HumanitarianIds.IDPS,
            "internally displaced people counted by IOM DTM (" + e.edition + ")",
            IDPS,
            e);
    put(total);
    breakdown(e);
    if (pick.previous != null) {
      Edition p = pick.previous;
      idpsPrevious = selection(IDPS, new Pick(p, null, null));
      List<Observation> prevLeaves = leaves(p.rows);
      Figure before =
          figure(
              HumanitarianIds.IDPS_PREVIOUS,
              "internally displaced people counted by IOM DTM (" + p.edition + ")",
              sum(prevLeaves),
              "people",
              p,
              Map.of(),
              sumQuery(IDPS, p, prevLeaves, "the latest edition before " + e.edition),
              prevLeaves,
              null);
      put(before);
      putChanges(total, before, e, p);
      regionChanges(e, p);
    }
  }

  private void putChanges(Figure now, Figure before, Edition e, Edition p) {
    String between =
        p.edition
            + " ("
            + DAY.format(p.vintage)
            + ") and "
            + e.edition
            + " ("
            + DAY.format(e.vintage)
            + ")";
    List<Observation> rows = new ArrayList<>(leaves(e.rows));
    rows.addAll(leaves(p.rows));
    Map<String, String> filters = Map.of("previous_edition", p.edition);
    double b = before.getValue();
    double c = now.getValue();
    put(
        figure(
            HumanitarianIds.IDPS_CHANGE,
            "change in IDPs between " + between,
            c - b,
            "people",
            e,
            filters,
            HumanitarianIds.IDPS + " − " + HumanitarianIds.IDPS_PREVIOUS + " (" + between + ")",
            rows,
            null));
    put(
        figure(
            HumanitarianIds.IDPS_CHANGE_PERCENT,
            "change in IDPs between " + between + ", percent",
            b == 0 ? null : (c - b) / b * 100.0,
            "percent",
            e,
            filters,
            "100 × ("
                + HumanitarianIds.IDPS
                + " − "
                + HumanitarianIds.IDPS_PREVIOUS
                + ") / "
                + HumanitarianIds.IDPS_PREVIOUS
                + " ("
                + between
                + ")",
            rows,
            b == 0 ? "not computable: the earlier round counted none" : null));
  }

  /**
   * The change in each region's IDPs since the previous round; none when a row of either round
   * cannot be placed in a region (a P-code in another scheme), since a region would then seem to
   * gain or lose the rows it could not claim.
   */
  private void regionChanges(Edition e, Edition p) {
    Map<String, List<Observation>> now = byRegion(e);
    Map<String, List<Observation>> before = byRegion(p);
    if (now == null || before == null) {
      notes.add(
          "No change by region is given between "
              + p.edition
              + " and "
              + e.edition
              + ": some rows of "
              + (before == null ? p.edition : e.edition)
              + " carry no P-code that places them in a region.");
      return;
    }
    String between =
        p.edition
            + " ("
            + DAY.format(p.vintage)
            + ") and "
            + e.edition
            + " ("
            + DAY.format(e.vintage)
            + ")";
    for (int i = 0; i < idpsByAdmin1.size(); i++) {
      AreaRow r = idpsByAdmin1.get(i);
      List<Observation> cur = now.getOrDefault(r.pcode(), List.of());
      List<Observation> old = before.getOrDefault(r.pcode(), List.of());
      List<Observation> rows = new ArrayList<>(cur);
      rows.addAll(old);
      String id = HumanitarianIds.idpsAdmin1Change(r.pcode());
      put(
          figure(
              id,
              "change in IDPs in " + r.name() + " (" + r.pcode() + ") between " + between,
              sum(cur) - sum(old),
              "people",
              e,
              Map.of("admin1", r.pcode(), "previous_edition", p.edition),
              HumanitarianIds.idpsAdmin1(r.pcode())
                  + " in "
                  + e.edition
                  + " − the same region's IDPs in "
                  + p.edition
                  + " ("
                  + old.size()
                  + " rows; none counts as 0)",
              rows,
              old.isEmpty() ? "the region has no row in " + p.edition + "; counted as 0" : null));
      idpsByAdmin1.set(i, new AreaRow(r.pcode(), r.name(), r.figureId(), id));
    }
  }

  /** An edition's sub-national rows by region, or null when some row has no region. */
  private Map<String, List<Observation>> byRegion(Edition e) {
    Map<String, List<Observation>> out = new TreeMap<>();
    for (Observation o : leaves(e.rows.stream().filter(x -> x.adminLevel() > 0).toList())) {
      String a1 = admin1Of(o);
      if (a1 == null) {
        return null;
      }
      out.computeIfAbsent(a1, k -> new ArrayList<>()).add(o);
    }
    return out;
  }

  /** IDPs by region and the cercles with the most, from the round's sub-national rows. */
  private void breakdown(Edition e) {
    List<Observation> sub = leaves(e.rows.stream().filter(o -> o.adminLevel() > 0).toList());
    Map<String, List<Observation>> byAdmin1 = new TreeMap<>();
    Map<String, List<Observation>> byAdmin2 = new TreeMap<>();
    for (Observation o : sub) {
      String a1 = admin1Of(o);
      byAdmin1.computeIfAbsent(a1 == null ? "" : a1, k -> new ArrayList<>()).add(o);
      String a2 = admin2Of(o);
      if (a2 != null) {
        byAdmin2.computeIfAbsent(a2, k -> new ArrayList<>()).add(o);
      }
    }
    List<Figure> regions = new ArrayList<>();
    Map<String, AreaRow> rows = new HashMap<>();
    byAdmin1.forEach(
        (code, list) -> {
          String pcode = code.isEmpty() ? null : code;
          String name = pcode == null ? "area not given" : names.getOrDefault(pcode, pcode);
          String id = HumanitarianIds.idpsAdmin1(pcode);
          Figure f =
              figure(
                  id,
                  "IDPs in " + name + (pcode == null ? "" : " (" + pcode + ")") + ", " + e.edition,
                  sum(list),
                  "people",
                  e,
                  Map.of("admin1", pcode == null ? "none" : pcode),
                  sumQuery(IDPS, e, list) + "; group admin1 = " + (pcode == null ? "none" : pcode),
                  list,
                  null);
          regions.add(f);
          rows.put(id, new AreaRow(pcode, name, id, null));
        });
    regions.sort(Comparator.comparing(Figure::getValue).reversed().thenComparing(Figure::id));
    for (Figure f : regions) {
      put(f);
      idpsByAdmin1.add(rows.get(f.id()));
    }
    List<Figure> cercles = new ArrayList<>();
    Map<String, AreaRow> cercleRows = new HashMap<>();
    byAdmin2.forEach(
        (pcode, list) -> {
          String name = names.getOrDefault(pcode, pcode);
          String id = HumanitarianIds.idpsAdmin2(pcode);
          cercles.add(
              figure(
                  id,
                  "IDPs in " + name + " (" + pcode + "), " + e.edition,
                  sum(list),
                  "people",
                  e,
                  Map.of("admin2", pcode),
                  sumQuery(IDPS, e, list) + "; group admin2 = " + pcode,
                  list,
                  null));
          cercleRows.put(id, new AreaRow(pcode, name, id, null));
        });
    cercles.sort(Comparator.comparing(Figure::getValue).reversed().thenComparing(Figure::id));
    for (Figure f : cercles.subList(0, Math.min(TOP_ADMIN2, cercles.size()))) {
      put(f);
      idpsTopAdmin2.add(cercleRows.get(f.id()));
    }
  }

  private void computeIdmc() {
    Pick pick =
        select(rows(IDMC_STOCK, null, null), null, "IDMC conflict displacement stock", "IDMC");
    if (pick.chosen == null) {
      return;
    }
    Edition e = pick.chosen;
    idmc = selection(IDMC_STOCK, pick);
    put(
        total(
            HumanitarianIds.IDMC_IDPS_STOCK,
            "IDPs displaced by conflict, IDMC year-end stock estimate (" + e.edition + ")",
            IDMC_STOCK,
            e));
  }

  /** Which IDP number leads, when DTM and IDMC both give one, and why. */
  private void chooseIdps() {
    Figure dtm = figures.get(HumanitarianIds.IDPS);
    Figure stock = figures.get(HumanitarianIds.IDMC_IDPS_STOCK);
    if (dtm == null && stock == null) {
      return;
    }
    if (stock == null) {
      headlineIdps = dtm.id();
      return;
    }
    if (dtm == null) {
      headlineIdps = stock.id();
      idpsChoice =
          "The brief uses IDMC's year-end estimate ("
              + idmc.edition()
              + ", "
              + DAY.format(idmc.vintage())
              + ") for internally displaced people: no IOM DTM round dated on or before "
              + DAY.format(window.to())
              + " is in the store.";
      return;
    }
    double d = dtm.getValue();
    Double diff = d == 0 ? null : (stock.getValue() - d) / d * 100.0;
    List<Observation> rows = new ArrayList<>(rowsOf(dtm));
    rows.addAll(rowsOf(stock));
    put(
        new Figure(
                HumanitarianIds.IDMC_VS_DTM,
                "IDMC's IDP stock ("
                    + idmc.edition()
                    + ") against IOM DTM's count ("
                    + idps.edition()
                    + "), percent",
                diff,
                "percent",
                window,
                null,
                Map.of(
                    "country", countryIso3,
                    "dataset", idmc.dataset() + "," + idps.dataset(),
                    "edition", idmc.edition() + "," + idps.edition()),
                "100 × ("
                    + HumanitarianIds.IDMC_IDPS_STOCK
                    + " − "
                    + HumanitarianIds.IDPS
                    + ") / "
                    + HumanitarianIds.IDPS,
                citation(rows),
                diff == null ? "not computable: the DTM round counted none" : null)
            .withContext(idps.vintage(), null));
    String dtmAt = idps.edition() + ", " + DAY.format(idps.vintage());
    String idmcAt = idmc.edition() + ", " + DAY.format(idmc.vintage());
    if (idps.vintage().isBefore(idmc.vintage().minusYears(1))) {
      headlineIdps = stock.id();
      idpsChoice =
          "The sources disagree. The brief uses IDMC's year-end estimate ("
              + idmcAt
              + ") as its headline number of IDPs, because the latest IOM DTM round ("
              + dtmAt
              + ") is more than a year older; DTM's count is kept for its detail by region.";
    } else {
      headlineIdps = dtm.id();
      idpsChoice =
          "The sources disagree. The brief uses IOM DTM's count ("
              + dtmAt
              + ") as its headline number of IDPs: it is a field count of displaced people at a"
              + " known date, with detail by region and cercle. IDMC's figure ("
              + idmcAt
              + ") is a year-end estimate of the conflict displacement stock for the whole"
              + " country, compiled from several sources (DTM among them), without regional"
              + " detail; it is shown for comparison.";
    }
  }

  private void computeFood() {
    List<Observation> p3 = rows(PHASE3PLUS, null, null);
    List<Observation> current =
        p3.stream().filter(o -> o.qualifier() == null || CURRENT.equals(o.qualifier())).toList();
    List<Observation> projected = p3.stream().filter(o -> PROJECTED.equals(o.qualifier())).toList();
    Pick c = select(current, null, "Cadre Harmonisé current analysis", "Cadre Harmonisé (current)");
    if (c.chosen != null) {
      foodCurrent = selection(PHASE3PLUS, c);
      put(food(HumanitarianIds.FOOD_PHASE3PLUS, "current analysis", c.chosen));
    }
    Pick p = select(projected, null, "Cadre Harmonisé projection", "Cadre Harmonisé (projected)");
    if (p.chosen != null) {
      foodProjected = selection(PHASE3PLUS, p);
      put(food(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED, "projection", p.chosen));
    }
  }

  private Figure food(String id, String kind, Edition e) {
    return total(
        id,
        "people in food insecurity phase 3 (crisis) or worse, Cadre Harmonisé "
            + kind
            + " ("
            + e.edition
            + ")",
        PHASE3PLUS,
        e);
  }

  /** The total of an edition's rows that no coarser row of it already covers, in people. */
  private Figure total(String id, String label, String indicator, Edition e) {
    List<Observation> leaves = leaves(e.rows);
    return figure(
        id,
        label,
        sum(leaves),
        "people",
        e,
        Map.of(),
        sumQuery(indicator, e, leaves),
        leaves,
        null);
  }

  // ---------------------------------------------------------------- selection

  /** The observations of one edition of a source. */
  private record Edition(
      String dataset,
      String edition,
      String qualifier,
      LocalDate vintage,
      List<Observation> rows) {}

  /** The edition chosen for the window, the one before it, and the newest left out. */
  private record Pick(Edition chosen, Edition previous, Edition newer) {}

  private List<Observation> rows(String indicator, String dataset, String qualifier) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : all) {
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
  private Pick select(List<Observation> rows, String preferred, String what, String source) {
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
    // Ties on the vintage (two CH exercises projecting the same season): the preferred dataset,
    // then the edition naming the later year (the later exercise), then the name.
    editions.sort(
        Comparator.comparing((Edition e) -> e.vintage)
            .thenComparing(e -> e.dataset.equals(preferred))
            .thenComparing(e -> latestYear(e.edition))
            .thenComparing(e -> e.edition));
    Edition chosen = null;
    Edition newer = null;
    Edition earliestAfter = null;
    for (Edition e : editions) {
      if (e.vintage.isAfter(window.to())) {
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
      notes.add(
          "No "
              + what
              + " of "
              + countryIso3
              + " dated on or before "
              + DAY.format(window.to())
              + " is in the store; the earliest is "
              + describe(earliestAfter)
              + ", after the window's end, so none is used.");
      return new Pick(null, null, newer);
    }
    List<String> tied = new ArrayList<>();
    for (Edition e : editions) {
      if (!e.equals(chosen) && e.vintage.equals(chosen.vintage)) {
        tied.add(e.edition);
      }
    }
    if (!tied.isEmpty()) {
      notes.add(
          "Several "
              + source
              + " editions describe "
              + DAY.format(chosen.vintage)
              + ": "
              + chosen.edition
              + " is used rather than "
              + String.join(", ", tied)
              + ".");
    }
    Edition previous = null;
    for (Edition e : editions) {
      if (e.vintage.isBefore(chosen.vintage) && e.dataset.equals(chosen.dataset)) {
        previous = e;
      }
    }
    if (chosen.vintage.isBefore(window.to().minusYears(1))) {
      notes.add(
          "The newest "
              + what
              + " available for the window, "
              + describe(chosen)
              + ", is more than a year older than the window's end ("
              + DAY.format(window.to())
              + ").");
    }
    if (newer != null) {
      notes.add(
          "A newer "
              + source
              + " edition, "
              + describe(newer)
              + ", describes a date after the window's end and is not used for this window.");
    }
    return new Pick(chosen, previous, newer);
  }

  private Selection selection(String indicator, Pick pick) {
    Edition e = pick.chosen;
    return new Selection(
        indicator,
        e.dataset,
        e.edition,
        e.qualifier,
        e.vintage,
        e.rows.size(),
        sources(e.rows),
        pick.newer == null ? null : pick.newer.edition,
        pick.newer == null ? null : pick.newer.vintage,
        e.vintage.isBefore(window.to().minusYears(1)));
  }

  private static int latestYear(String edition) {
    int year = 0;
    var m = YEAR.matcher(edition);
    while (m.find()) {
      year = Math.max(year, Integer.parseInt(m.group()));
    }
    return year;
  }

  private static String describe(Edition e) {
    return e.edition + " (" + e.dataset + ", describing " + DAY.format(e.vintage) + ")";
  }

  /**
   * The rows of an edition that no coarser row of it covers: a country row covers every other row;
   * a region or cercle row covers the rows whose P-code starts with its own.
   */
  static List<Observation> leaves(List<Observation> rows) {
    List<Observation> country = rows.stream().filter(o -> o.adminLevel() == 0).toList();
    if (!country.isEmpty()) {
      return country;
    }
    Map<String, Integer> levels = new HashMap<>();
    for (Observation o : rows) {
      if (o.pcode() != null) {
        levels.merge(o.pcode(), o.adminLevel(), Math::min);
      }
    }
    List<Observation> out = new ArrayList<>();
    for (Observation o : rows) {
      if (!coveredByCoarser(o, levels)) {
        out.add(o);
      }
    }
    return out;
  }

  private static boolean coveredByCoarser(Observation o, Map<String, Integer> levels) {
    String p = o.pcode();
    if (p == null) {
      return false;
    }
    for (int len = 1; len < p.length(); len++) {
      Integer level = levels.get(p.substring(0, len));
      if (level != null && level < o.adminLevel()) {
        return true;
      }
    }
    return false;
  }

  /** The region (admin1 P-code) of a row: a known region code its P-code starts with. */
  private String admin1Of(Observation o) {
    String p = o.pcode();
    if (p == null || o.adminLevel() == 0) {
      return null;
    }
    if (o.adminLevel() == 1) {
      return p;
    }
    String best = null;
    for (String a : knownAdmin1) {
      if (p.startsWith(a)
          && p.length() > a.length()
          && (best == null || a.length() > best.length())) {
        best = a;
      }
    }
    if (best != null) {
      return best;
    }
    return codStyle(p, o.adminLevel()) ? p.substring(0, 4) : null;
  }

  /** The cercle (admin2 P-code) of a row at admin level 2 or finer. */
  private String admin2Of(Observation o) {
    String p = o.pcode();
    if (p == null || o.adminLevel() < 2) {
      return null;
    }
    if (o.adminLevel() == 2) {
      return p;
    }
    for (String a : knownAdmin2) {
      if (p.startsWith(a) && p.length() > a.length()) {
        return a;
      }
    }
    return codStyle(p, o.adminLevel()) ? p.substring(0, 6) : null;
  }

  /**
   * Whether a P-code has the COD shape of its level (two letters, two digits per level: ML05,
   * ML0501, ML050101), so that its region and cercle can be read from its prefix.
   */
  private static boolean codStyle(String pcode, int level) {
    return pcode.length() == 2 + 2 * level && COD_PCODE.matcher(pcode).matches();
  }

  private String area(String pcode) {
    String name = names.get(pcode);
    return name == null ? pcode : name + " (" + pcode + ")";
  }

  // ---------------------------------------------------------------- figures

  private void put(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("humanitarian figure computed twice: " + f.id());
    }
  }

  private Figure figure(
      String id,
      String label,
      Double value,
      String unit,
      Edition e,
      Map<String, String> extra,
      String query,
      List<Observation> rows,
      String note) {
    Map<String, String> filters = new TreeMap<>();
    filters.put("country", countryIso3);
    filters.put("dataset", e.dataset);
    filters.put("edition", e.edition);
    if (e.qualifier != null) {
      filters.put("qualifier", e.qualifier);
    }
    filters.putAll(extra);
    return new Figure(id, label, value, unit, window, null, filters, query, citation(rows), note)
        .withContext(e.vintage, null);
  }

  private String sumQuery(String indicator, Edition e, List<Observation> leaves) {
    return sumQuery(
        indicator, e, leaves, "the latest edition whose vintage is not after " + window.to());
  }

  private String sumQuery(String indicator, Edition e, List<Observation> leaves, String which) {
    Set<Integer> levels = new TreeSet<>();
    for (Observation o : leaves) {
      levels.add(o.adminLevel());
    }
    return "sum of "
        + indicator
        + " over "
        + leaves.size()
        + (leaves.size() == 1 ? " row" : " rows")
        + " (admin level "
        + levels.toString().replaceAll("[\\[\\] ]", "")
        + ") of "
        + e.dataset
        + " edition \""
        + e.edition
        + "\""
        + (e.qualifier == null ? "" : " (" + e.qualifier + ")")
        + " describing "
        + e.vintage
        + ", country "
        + countryIso3
        + "; "
        + which
        + "; rows covered by a coarser row of the edition are not added again";
  }

  private Citation citation(Collection<Observation> rows) {
    Set<String> ids = new TreeSet<>();
    for (Observation o : rows) {
      ids.add(o.recordId());
    }
    return new Citation(sources(rows), ids.size(), List.copyOf(ids), accessed);
  }

  private List<Observation> rowsOf(Figure f) {
    Set<String> ids = new LinkedHashSet<>(f.citation().eventIds());
    return all.stream().filter(o -> ids.contains(o.recordId())).toList();
  }

  private static List<SourceRef> sources(Collection<Observation> rows) {
    Set<SourceRef> out = new LinkedHashSet<>();
    for (Observation o : rows) {
      out.add(o.source());
    }
    return List.copyOf(out);
  }

  private static double sum(List<Observation> rows) {
    double s = 0;
    for (Observation o : rows) {
      s += o.value();
    }
    return s;
  }
}

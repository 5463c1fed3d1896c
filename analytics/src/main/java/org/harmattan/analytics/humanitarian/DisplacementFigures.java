package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.DTM;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.IDMC_STOCK;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.IDPS;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.TOP_ADMIN2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.humanitarian.Observation;

/**
 * Internally displaced people: IOM DTM's count of the latest round of the window, by region and for
 * the cercles with the most, with the change since the round before, overall and by region; IDMC's
 * year-end stock; and which of the two the brief leads with, and why.
 */
final class DisplacementFigures {
  private final FigureBook book;
  private final EditionPicker picker;
  private final AdminAreas areas;
  private final List<AreaRow> idpsByAdmin1 = new ArrayList<>();
  private final List<AreaRow> idpsTopAdmin2 = new ArrayList<>();
  private Selection idps;
  private Selection idpsPrevious;
  private Selection idmc;
  private String idpsChoice;
  private String headlineIdps;

  DisplacementFigures(FigureBook book, EditionPicker picker, AdminAreas areas) {
    this.book = requireNonNull(book, "book");
    this.picker = requireNonNull(picker, "picker");
    this.areas = requireNonNull(areas, "areas");
  }

  /**
   * IOM DTM's count, its breakdown and change since the previous round; IDMC's stock; which leads.
   */
  void compute() {
    computeDtm();
    computeIdmc();
    chooseIdps();
  }

  private void computeDtm() {
    EditionPicker.Pick pick =
        picker.pick(picker.rows(IDPS, DTM, null), DTM, "IOM DTM round", "IOM DTM");
    if (pick.chosen() == null) {
      return;
    }
    Edition e = pick.chosen();
    idps = picker.selection(IDPS, pick);
    Figure total =
        book.total(
            HumanitarianIds.IDPS,
            "internally displaced people counted by IOM DTM (" + e.edition() + ")",
            IDPS,
            e);
    book.put(total);
    breakdown(e);
    if (pick.previous() != null) {
      Edition p = pick.previous();
      idpsPrevious = picker.selection(IDPS, new EditionPicker.Pick(p, null, null));
      List<Observation> prevLeaves = AdminAreas.leaves(p.rows());
      Figure before =
          book.figure(
              HumanitarianIds.IDPS_PREVIOUS,
              "internally displaced people counted by IOM DTM (" + p.edition() + ")",
              FigureBook.sum(prevLeaves),
              "people",
              p,
              Map.of(),
              book.sumQuery(IDPS, p, prevLeaves, "the latest edition before " + e.edition()),
              prevLeaves,
              null);
      book.put(before);
      putChanges(total, before, e, p);
      regionChanges(e, p);
    }
  }

  private void putChanges(Figure now, Figure before, Edition e, Edition p) {
    String between =
        p.edition()
            + " ("
            + FigureBook.DAY.format(p.vintage())
            + ") and "
            + e.edition()
            + " ("
            + FigureBook.DAY.format(e.vintage())
            + ")";
    List<Observation> rows = new ArrayList<>(AdminAreas.leaves(e.rows()));
    rows.addAll(AdminAreas.leaves(p.rows()));
    Map<String, String> filters = Map.of("previous_edition", p.edition());
    double b = before.getValue();
    double c = now.getValue();
    book.put(
        book.figure(
            HumanitarianIds.IDPS_CHANGE,
            "change in IDPs between " + between,
            c - b,
            "people",
            e,
            filters,
            HumanitarianIds.IDPS + " − " + HumanitarianIds.IDPS_PREVIOUS + " (" + between + ")",
            rows,
            null));
    book.put(
        book.figure(
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
      book.note(
          "No change by region is given between "
              + p.edition()
              + " and "
              + e.edition()
              + ": some rows of "
              + (before == null ? p.edition() : e.edition())
              + " carry no P-code that places them in a region.");
      return;
    }
    String between =
        p.edition()
            + " ("
            + FigureBook.DAY.format(p.vintage())
            + ") and "
            + e.edition()
            + " ("
            + FigureBook.DAY.format(e.vintage())
            + ")";
    for (int i = 0; i < idpsByAdmin1.size(); i++) {
      AreaRow r = idpsByAdmin1.get(i);
      List<Observation> cur = now.getOrDefault(r.pcode(), List.of());
      List<Observation> old = before.getOrDefault(r.pcode(), List.of());
      List<Observation> rows = new ArrayList<>(cur);
      rows.addAll(old);
      String id = HumanitarianIds.idpsAdmin1Change(r.pcode());
      book.put(
          book.figure(
              id,
              "change in IDPs in " + r.name() + " (" + r.pcode() + ") between " + between,
              FigureBook.sum(cur) - FigureBook.sum(old),
              "people",
              e,
              Map.of("admin1", r.pcode(), "previous_edition", p.edition()),
              HumanitarianIds.idpsAdmin1(r.pcode())
                  + " in "
                  + e.edition()
                  + " − the same region's IDPs in "
                  + p.edition()
                  + " ("
                  + old.size()
                  + " rows; none counts as 0)",
              rows,
              old.isEmpty() ? "the region has no row in " + p.edition() + "; counted as 0" : null));
      idpsByAdmin1.set(i, new AreaRow(r.pcode(), r.name(), r.figureId(), id));
    }
  }

  /** An edition's sub-national rows by region, or null when some row has no region. */
  private Map<String, List<Observation>> byRegion(Edition e) {
    Map<String, List<Observation>> out = new TreeMap<>();
    for (Observation o :
        AdminAreas.leaves(e.rows().stream().filter(x -> x.adminLevel() > 0).toList())) {
      String a1 = areas.admin1Of(o);
      if (a1 == null) {
        return null;
      }
      out.computeIfAbsent(a1, k -> new ArrayList<>()).add(o);
    }
    return out;
  }

  /** IDPs by region and the cercles with the most, from the round's sub-national rows. */
  private void breakdown(Edition e) {
    List<Observation> sub =
        AdminAreas.leaves(e.rows().stream().filter(o -> o.adminLevel() > 0).toList());
    Map<String, List<Observation>> byAdmin1 = new TreeMap<>();
    Map<String, List<Observation>> byAdmin2 = new TreeMap<>();
    for (Observation o : sub) {
      String a1 = areas.admin1Of(o);
      byAdmin1.computeIfAbsent(a1 == null ? "" : a1, k -> new ArrayList<>()).add(o);
      String a2 = areas.admin2Of(o);
      if (a2 != null) {
        byAdmin2.computeIfAbsent(a2, k -> new ArrayList<>()).add(o);
      }
    }
    List<Figure> regions = new ArrayList<>();
    Map<String, AreaRow> rows = new HashMap<>();
    byAdmin1.forEach(
        (code, list) -> {
          String pcode = code.isEmpty() ? null : code;
          String name = pcode == null ? "area not given" : areas.nameOf(pcode);
          String id = HumanitarianIds.idpsAdmin1(pcode);
          Figure f =
              book.figure(
                  id,
                  "IDPs in "
                      + name
                      + (pcode == null ? "" : " (" + pcode + ")")
                      + ", "
                      + e.edition(),
                  FigureBook.sum(list),
                  "people",
                  e,
                  Map.of("admin1", pcode == null ? "none" : pcode),
                  book.sumQuery(IDPS, e, list)
                      + "; group admin1 = "
                      + (pcode == null ? "none" : pcode),
                  list,
                  null);
          regions.add(f);
          rows.put(id, new AreaRow(pcode, name, id, null));
        });
    regions.sort(Comparator.comparing(Figure::getValue).reversed().thenComparing(Figure::id));
    for (Figure f : regions) {
      book.put(f);
      idpsByAdmin1.add(rows.get(f.id()));
    }
    List<Figure> cercles = new ArrayList<>();
    Map<String, AreaRow> cercleRows = new HashMap<>();
    byAdmin2.forEach(
        (pcode, list) -> {
          String name = areas.nameOf(pcode);
          String id = HumanitarianIds.idpsAdmin2(pcode);
          cercles.add(
              book.figure(
                  id,
                  "IDPs in " + name + " (" + pcode + "), " + e.edition(),
                  FigureBook.sum(list),
                  "people",
                  e,
                  Map.of("admin2", pcode),
                  book.sumQuery(IDPS, e, list) + "; group admin2 = " + pcode,
                  list,
                  null));
          cercleRows.put(id, new AreaRow(pcode, name, id, null));
        });
    cercles.sort(Comparator.comparing(Figure::getValue).reversed().thenComparing(Figure::id));
    for (Figure f : cercles.subList(0, Math.min(TOP_ADMIN2, cercles.size()))) {
      book.put(f);
      idpsTopAdmin2.add(cercleRows.get(f.id()));
    }
  }

  private void computeIdmc() {
    EditionPicker.Pick pick =
        picker.pick(
            picker.rows(IDMC_STOCK, null, null), null, "IDMC conflict displacement stock", "IDMC");
    if (pick.chosen() == null) {
      return;
    }
    Edition e = pick.chosen();
    idmc = picker.selection(IDMC_STOCK, pick);
    book.put(
        book.total(
            HumanitarianIds.IDMC_IDPS_STOCK,
            "IDPs displaced by conflict, IDMC year-end stock estimate (" + e.edition() + ")",
            IDMC_STOCK,
            e));
  }

  /** Which IDP number leads, when DTM and IDMC both give one, and why. */
  private void chooseIdps() {
    Figure dtm = book.find(HumanitarianIds.IDPS);
    Figure stock = book.find(HumanitarianIds.IDMC_IDPS_STOCK);
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
              + FigureBook.DAY.format(idmc.vintage())
              + ") for internally displaced people: no IOM DTM round dated on or before "
              + FigureBook.DAY.format(book.window().to())
              + " is in the store.";
      return;
    }
    double d = dtm.getValue();
    Double diff = d == 0 ? null : (stock.getValue() - d) / d * 100.0;
    List<Observation> rows = new ArrayList<>(book.rowsOf(dtm));
    rows.addAll(book.rowsOf(stock));
    book.put(
        new Figure(
                HumanitarianIds.IDMC_VS_DTM,
                "IDMC's IDP stock ("
                    + idmc.edition()
                    + ") against IOM DTM's count ("
                    + idps.edition()
                    + "), percent",
                diff,
                "percent",
                book.window(),
                null,
                Map.of(
                    "country", book.countryIso3(),
                    "dataset", idmc.dataset() + "," + idps.dataset(),
                    "edition", idmc.edition() + "," + idps.edition()),
                "100 × ("
                    + HumanitarianIds.IDMC_IDPS_STOCK
                    + " − "
                    + HumanitarianIds.IDPS
                    + ") / "
                    + HumanitarianIds.IDPS,
                book.citation(rows),
                diff == null ? "not computable: the DTM round counted none" : null)
            .withContext(idps.vintage(), null));
    // Within half a percent the brief prints "0 %": the two give the same number.
    String agreement =
        diff != null && Math.abs(diff) < HumanitarianIndicators.SAME_NUMBER_PERCENT
            ? "The sources agree. "
            : "The sources disagree. ";
    String dtmAt = idps.edition() + ", " + FigureBook.DAY.format(idps.vintage());
    String idmcAt = idmc.edition() + ", " + FigureBook.DAY.format(idmc.vintage());
    if (idps.vintage().isBefore(idmc.vintage().minusYears(1))) {
      headlineIdps = stock.id();
      idpsChoice =
          agreement
              + "The brief uses IDMC's year-end estimate ("
              + idmcAt
              + ") as its headline number of IDPs, because the latest IOM DTM round ("
              + dtmAt
              + ") is more than a year older; DTM's count is kept for its detail by region.";
    } else {
      headlineIdps = dtm.id();
      idpsChoice =
          agreement
              + "The brief uses IOM DTM's count ("
              + dtmAt
              + ") as its headline number of IDPs: it is a field count of displaced people at a"
              + " known date, with detail by region and cercle. IDMC's figure ("
              + idmcAt
              + ") is a year-end estimate of the conflict displacement stock for the whole"
              + " country, compiled from several sources (DTM among them), without regional"
              + " detail; it is shown for comparison.";
    }
  }

  /** The DTM round used, or null. */
  Selection idps() {
    return idps;
  }

  /** The DTM round before it, or null. */
  Selection idpsPrevious() {
    return idpsPrevious;
  }

  /** The IDMC edition used, or null. */
  Selection idmc() {
    return idmc;
  }

  List<AreaRow> idpsByAdmin1() {
    return List.copyOf(idpsByAdmin1);
  }

  List<AreaRow> idpsTopAdmin2() {
    return List.copyOf(idpsTopAdmin2);
  }

  /** Why the headline IDP number is the one it is, when DTM and IDMC both give one; or null. */
  String idpsChoice() {
    return idpsChoice;
  }

  /** The id of the headline IDP figure, or null when neither source gives one. */
  String headlineIdps() {
    return headlineIdps;
  }
}

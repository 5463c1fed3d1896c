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
        picker.pick(
            picker.rows(IDPS, DTM, null),
            DTM,
            book.t("humanitarian.what.dtm"),
            book.t("humanitarian.source.dtm"));
    if (pick.chosen() == null) {
      return;
    }
    Edition e = pick.chosen();
    idps = picker.selection(IDPS, pick);
    Figure total =
        book.total(HumanitarianIds.IDPS, book.t("humanitarian.label.idps", e.edition()), IDPS, e);
    book.put(total);
    breakdown(e);
    if (pick.previous() != null) {
      Edition p = pick.previous();
      idpsPrevious = picker.selection(IDPS, new EditionPicker.Pick(p, null, null));
      List<Observation> prevLeaves = AdminAreas.leaves(p.rows());
      Figure before =
          book.figure(
              HumanitarianIds.IDPS_PREVIOUS,
              book.t("humanitarian.label.idps", p.edition()),
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
    String betweenWords = between(p, e);
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
            book.t("humanitarian.label.idps_change", betweenWords),
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
            book.t("humanitarian.label.idps_change_percent", betweenWords),
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
            b == 0 ? book.t("humanitarian.note.earlier_none") : null));
  }

  /** Two rounds with their dates, in the figures' language. */
  private String between(Edition p, Edition e) {
    return book.t(
        "humanitarian.between",
        p.edition(),
        book.day(p.vintage()),
        e.edition(),
        book.day(e.vintage()));
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
          book.t(
              "humanitarian.note.no_region_change",
              p.edition(),
              e.edition(),
              before == null ? p.edition() : e.edition()));
      return;
    }
    String betweenWords = between(p, e);
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
              book.t("humanitarian.label.idps_change_admin1", r.name(), r.pcode(), betweenWords),
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
              old.isEmpty() ? book.t("humanitarian.note.region_no_row", p.edition()) : null));
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
          String name = pcode == null ? book.t("humanitarian.area_not_given") : areas.nameOf(pcode);
          String id = HumanitarianIds.idpsAdmin1(pcode);
          Figure f =
              book.figure(
                  id,
                  pcode == null
                      ? book.t("humanitarian.label.idps_area", name, e.edition())
                      : book.t("humanitarian.label.idps_area_pcode", name, pcode, e.edition()),
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
                  book.t("humanitarian.label.idps_area_pcode", name, pcode, e.edition()),
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
            picker.rows(IDMC_STOCK, null, null),
            null,
            book.t("humanitarian.what.idmc"),
            book.t("humanitarian.source.idmc"));
    if (pick.chosen() == null) {
      return;
    }
    Edition e = pick.chosen();
    idmc = picker.selection(IDMC_STOCK, pick);
    book.put(
        book.total(
            HumanitarianIds.IDMC_IDPS_STOCK,
            book.t("humanitarian.label.idmc", e.edition()),
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
          book.t(
              "humanitarian.choice.idmc_only",
              idmc.edition(),
              book.day(idmc.vintage()),
              book.day(book.window().to()));
      return;
    }
    double d = dtm.getValue();
    Double diff = d == 0 ? null : (stock.getValue() - d) / d * 100.0;
    List<Observation> rows = new ArrayList<>(book.rowsOf(dtm));
    rows.addAll(book.rowsOf(stock));
    book.put(
        new Figure(
                HumanitarianIds.IDMC_VS_DTM,
                book.t("humanitarian.label.idmc_vs_dtm", idmc.edition(), idps.edition()),
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
                diff == null ? book.t("humanitarian.note.dtm_none") : null)
            .withContext(idps.vintage(), null));
    // Within half a percent the brief prints "0 %": the two give the same number.
    String agreement =
        diff != null && Math.abs(diff) < HumanitarianIndicators.SAME_NUMBER_PERCENT
            ? book.t("humanitarian.choice.agree")
            : book.t("humanitarian.choice.disagree");
    String dtmAt = book.t("humanitarian.edition_at", idps.edition(), book.day(idps.vintage()));
    String idmcAt = book.t("humanitarian.edition_at", idmc.edition(), book.day(idmc.vintage()));
    if (idps.vintage().isBefore(idmc.vintage().minusYears(1))) {
      headlineIdps = stock.id();
      idpsChoice = agreement + " " + book.t("humanitarian.choice.idmc", idmcAt, dtmAt);
    } else {
      headlineIdps = dtm.id();
      idpsChoice = agreement + " " + book.t("humanitarian.choice.dtm", dtmAt, idmcAt);
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

package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.harmattan.analytics.humanitarian.AreaRow;
import org.harmattan.analytics.humanitarian.HumanitarianIds;
import org.harmattan.analytics.humanitarian.HumanitarianIndicators;
import org.harmattan.analytics.humanitarian.Selection;
import org.harmattan.analytics.regions.PlaceNames;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;

/**
 * The "Humanitarian situation" section of a brief: people in need and their share of the
 * population, IDPs by region and their change between DTM rounds, IDMC's estimate beside DTM's
 * count with the statement of which one leads, and Cadre Harmonisé phase 3+. Every number is a
 * reference to one of {@link #figures()}; every figure names its edition and the date it describes.
 * Add it with {@code builder.section(s.section(), s.figures())}.
 *
 * @param section the section
 * @param figures the figures it refers to
 */
public record HumanitarianSection(Section section, List<Figure> figures) {
  /** The section's anchor. */
  public static final String ID = "humanitarian";

  /** The section's heading. */
  public static final String TITLE = "Humanitarian situation";

  public HumanitarianSection {
    requireNonNull(section, "section");
    figures = List.copyOf(figures);
  }

  /** The section, naming the country by its ISO3 code. */
  public static HumanitarianSection build(HumanitarianIndicators h) {
    return build(h, h.countryIso3());
  }

  /** The section of {@code h}, naming the country {@code countryName}. */
  public static HumanitarianSection build(HumanitarianIndicators h, String countryName) {
    return build(h, countryName, PlaceNames.none());
  }

  /**
   * The section of {@code h}, naming the country {@code countryName} and each region by {@code
   * regionName} (the brief's spelling, {@code PlaceNames}).
   */
  public static HumanitarianSection build(
      HumanitarianIndicators h, String countryName, PlaceNames regionName) {
    requireNonNull(h, "h");
    requireNonNull(countryName, "countryName");
    requireNonNull(regionName, "regionName");
    return new Writer(h, countryName, regionName).write();
  }

  /** Writes the blocks; one instance per section. */
  private static final class Writer {
    private final HumanitarianIndicators h;
    private final String country;
    private final PlaceNames regionName;
    private final String end;
    private final List<Block> blocks = new ArrayList<>();

    Writer(HumanitarianIndicators h, String country, PlaceNames regionName) {
      this.h = h;
      this.country = country;
      this.regionName = regionName;
      this.end = Periods.DAY.format(h.window().to());
    }

    HumanitarianSection write() {
      if (!h.hasObservations()) {
        blocks.add(
            new Block.Paragraph(
                List.of(
                    Inline.text(
                        "No humanitarian data for "
                            + country
                            + " is in the store, so this brief gives no figures on people in"
                            + " need, displacement, food insecurity or population. To add them,"
                            + " ingest the files as HDX publishes them (HXL CSV or XLSX) with"
                            + " `harmattan ingest FILE`: an OCHA response-plan people-in-need"
                            + " table, an IOM DTM baseline assessment, a Cadre Harmonisé table,"
                            + " IDMC displacement data, a COD population table."))));
        return new HumanitarianSection(new Section(ID, TITLE, blocks), List.of());
      }
      blocks.add(
          new Block.Paragraph(
              List.of(
                  Inline.text(
                      "Each figure below is from the latest edition of its source up to "
                          + end
                          + ", the window's end (a projection: from the latest exercise); its"
                          + " note gives the edition and the date it describes."))));
      peopleInNeed();
      displacement();
      sourcesCompared();
      food();
      return new HumanitarianSection(new Section(ID, TITLE, blocks), h.listFigures());
    }

    private Figure figure(String id) {
      return h.getFigure(id);
    }

    private static String at(Selection s) {
      return s.edition() + ", " + Periods.DAY.format(s.vintage());
    }

    private void peopleInNeed() {
      Prose pr = Prose.start();
      if (h.peopleInNeed().isEmpty()) {
        blocks.add(
            new Block.Paragraph(
                pr.text(
                        "No people-in-need figure of "
                            + country
                            + " dated on or before "
                            + end
                            + " is in the store.")
                    .build()));
        return;
      }
      Selection pin = h.peopleInNeed().orElseThrow();
      pr.text("People in need: ")
          .fig(HumanitarianIds.PEOPLE_IN_NEED)
          .text(
              " ("
                  + pin.edition()
                  + ", figure describing "
                  + Periods.DAY.format(pin.vintage())
                  + "). ");
      Figure share = figure(HumanitarianIds.PEOPLE_IN_NEED_SHARE);
      Denominator d = share.denominator();
      if (share.value() != null) {
        pr.text("That is ")
            .fig(share.id())
            .text(" of the population (denominator: " + d.label())
            .text(d.vintage() == null ? "" : ", describing " + Periods.DAY.format(d.vintage()))
            .text(", ")
            .fig(HumanitarianIds.POPULATION)
            .text(").");
      } else if (h.findFigure(HumanitarianIds.POPULATION_COVERED).isPresent()) {
        String missing = String.join(", ", h.populationCoverage().orElseThrow().missingAreas());
        pr.text(
                "No share of the population is given, because the population table has no figure"
                    + " for "
                    + missing
                    + ": the regions with one total ")
            .fig(HumanitarianIds.POPULATION_COVERED)
            .text(
                ", which is only a lower bound of the population of "
                    + country
                    + ", so a percentage over it would overstate the share (share: ")
            .num(share.id())
            .text(").");
      } else {
        pr.text("No share of the population is given: ").fig(share.id()).text(".");
      }
      blocks.add(new Block.Paragraph(pr.build()));
    }

    private void displacement() {
      if (h.idps().isEmpty()) {
        blocks.add(
            new Block.Paragraph(
                List.of(
                    Inline.text(
                        "No IOM DTM round for "
                            + country
                            + " dated on or before "
                            + end
                            + " is in the store."))));
        return;
      }
      Selection round = h.idps().orElseThrow();
      Prose pr =
          Prose.start()
              .text("IOM's Displacement Tracking Matrix counted ")
              .fig(HumanitarianIds.IDPS)
              .text(" internally displaced in " + round.edition() + " (" + day(round) + ")");
      if (h.idpsPrevious().isPresent()) {
        Selection before = h.idpsPrevious().orElseThrow();
        pr.text(", against ")
            .fig(HumanitarianIds.IDPS_PREVIOUS)
            .text(" in " + before.edition() + " (" + day(before) + "): a change of ")
            .fig(HumanitarianIds.IDPS_CHANGE)
            .text(" (")
            .fig(HumanitarianIds.IDPS_CHANGE_PERCENT)
            .text(")");
      } else {
        pr.text("; no earlier round is in the store to compare with");
      }
      List<AreaRow> regions = h.idpsByAdmin1();
      if (!regions.isEmpty()) {
        AreaRow top = regions.get(0);
        pr.text(". Most were in " + regionName.apply(top.name()) + " (")
            .fig(top.figureId())
            .text(")");
        if (regions.size() > 1) {
          AreaRow next = regions.get(1);
          pr.text(", then " + regionName.apply(next.name()) + " (").fig(next.figureId()).text(")");
        }
      }
      blocks.add(new Block.Paragraph(pr.text(".").build()));
      if (!regions.isEmpty()) {
        blocks.add(
            areaTable(
                "Internally displaced people by region (admin1), " + at(round) + " (IOM DTM)",
                "Region",
                regions,
                h.idpsPrevious().map(Selection::edition).orElse(null),
                regionName));
        elsewhere(regions);
      }
      if (!h.idpsTopAdmin2().isEmpty()) {
        blocks.add(
            areaTable(
                "Cercles (admin2) with the most internally displaced people, "
                    + at(round)
                    + " (IOM DTM)",
                "Cercle",
                h.idpsTopAdmin2(),
                null,
                UnaryOperator.identity()));
      }
    }

    /**
     * A line under the regions' table naming the regions that neither the events nor the maps know,
     * so that a reader does not look for them in the security tables.
     */
    private void elsewhere(List<AreaRow> regions) {
      List<String> names = new ArrayList<>();
      for (AreaRow r : regions) {
        if (regionName.unknownToEvents(r.name())) {
          names.add(regionName.apply(r.name()) + (r.pcode() == null ? "" : " (" + r.pcode() + ")"));
        }
      }
      if (names.isEmpty()) {
        return;
      }
      boolean one = names.size() == 1;
      blocks.add(
          new Block.Paragraph(
              List.of(
                  Inline.text(
                      (one
                              ? names.get(0)
                              : String.join(", ", names.subList(0, names.size() - 1))
                                  + " and "
                                  + names.get(names.size() - 1))
                          + (one ? " is a region" : " are regions")
                          + " of the humanitarian data's P-codes that neither the events"
                          + (regionName.withOutlines() ? " nor the maps' outlines" : "")
                          + " name: they count "
                          + (one ? "its" : "their")
                          + " area within another region, as a coding or a boundary older than"
                          + " the region does."))));
    }

    private static String day(Selection s) {
      return Periods.DAY.format(s.vintage());
    }

    /** A table of areas; with a change column when every row has a change since {@code before}. */
    private static Block.Table areaTable(
        String caption,
        String first,
        List<AreaRow> rows,
        String before,
        UnaryOperator<String> name) {
      boolean changes = before != null && rows.stream().allMatch(r -> r.changeFigureId() != null);
      List<List<List<Inline>>> cells = new ArrayList<>();
      for (AreaRow r : rows) {
        List<List<Inline>> row = new ArrayList<>();
        row.add(List.of(Inline.text(name.apply(r.name()))));
        row.add(List.of(Inline.text(r.pcode() == null ? "—" : r.pcode())));
        row.add(List.of(Inline.number(r.figureId())));
        if (changes) {
          row.add(List.of(Inline.number(r.changeFigureId())));
        }
        cells.add(row);
      }
      List<String> headers = new ArrayList<>(List.of(first, "P-code", "IDPs"));
      if (changes) {
        headers.add("Change since " + before);
      }
      return new Block.Table(caption, headers, cells);
    }

    /** IDMC's estimate beside DTM's count, and which one the brief uses. */
    private void sourcesCompared() {
      if (h.idmc().isEmpty()) {
        return;
      }
      Selection idmc = h.idmc().orElseThrow();
      Prose pr =
          Prose.start()
              .text("IDMC estimates ")
              .fig(HumanitarianIds.IDMC_IDPS_STOCK)
              .text(
                  " displaced by conflict at the end of "
                      + idmc.vintage().getYear()
                      + " ("
                      + at(idmc)
                      + ")");
      Optional<Figure> versus = h.findFigure(HumanitarianIds.IDMC_VS_DTM);
      if (versus.isPresent()) {
        Double diff = versus.get().value();
        boolean same = diff != null && Math.abs(diff) < HumanitarianIndicators.SAME_NUMBER_PERCENT;
        pr.text(", against IOM DTM's ")
            .fig(HumanitarianIds.IDPS)
            .text(
                " ("
                    + at(h.idps().orElseThrow())
                    + (same
                        ? "): the same number (a difference of "
                        : "); IDMC's figure differs by "))
            .fig(HumanitarianIds.IDMC_VS_DTM)
            .text(same ? "). " : ". ");
      } else {
        pr.text(". ");
      }
      h.idpsChoice().ifPresent(pr::text);
      blocks.add(new Block.Paragraph(pr.build()));
    }

    private void food() {
      List<List<Inline>> items = new ArrayList<>();
      h.foodCurrent()
          .ifPresent(
              s ->
                  items.add(
                      Prose.start()
                          .text("Cadre Harmonisé, " + s.edition() + ": ")
                          .fig(HumanitarianIds.FOOD_PHASE3PLUS)
                          .text(" in phase 3 (crisis) or worse.")
                          .build()));
      h.foodProjected()
          .ifPresent(
              s ->
                  items.add(
                      Prose.start()
                          .text("Cadre Harmonisé, " + s.edition() + ": ")
                          .fig(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED)
                          .text(" in phase 3 or worse.")
                          .build()));
      if (items.isEmpty()) {
        items.add(
            List.of(
                Inline.text(
                    "No Cadre Harmonisé analysis of "
                        + country
                        + " dated on or before "
                        + end
                        + " is in the store.")));
      }
      blocks.add(new Block.Bullets(items));
    }
  }
}

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
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

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

  /** The section of {@code h} in English, naming each region by {@code regionName}. */
  public static HumanitarianSection build(
      HumanitarianIndicators h, String countryName, PlaceNames regionName) {
    return build(h, countryName, regionName, Language.EN);
  }

  /**
   * The section of {@code h} in {@code language}, naming the country {@code countryName} and each
   * region by {@code regionName} (the brief's spelling, {@code PlaceNames}).
   */
  public static HumanitarianSection build(
      HumanitarianIndicators h, String countryName, PlaceNames regionName, Language language) {
    requireNonNull(h, "h");
    requireNonNull(countryName, "countryName");
    requireNonNull(regionName, "regionName");
    return new Writer(h, countryName, regionName, BriefTexts.of(language)).write();
  }

  /** Writes the blocks; one instance per section. */
  private static final class Writer {
    private final HumanitarianIndicators h;
    private final String country;
    private final PlaceNames regionName;
    private final Texts texts;
    private final String end;
    private final List<Block> blocks = new ArrayList<>();

    Writer(HumanitarianIndicators h, String country, PlaceNames regionName, Texts texts) {
      this.h = h;
      this.country = country;
      this.regionName = regionName;
      this.texts = texts;
      this.end = texts.day(h.window().to());
    }

    HumanitarianSection write() {
      if (!h.hasObservations()) {
        blocks.add(
            new Block.Paragraph(List.of(Inline.text(texts.t("humanitarian.no_data", country)))));
        return new HumanitarianSection(new Section(ID, title(), blocks), List.of());
      }
      blocks.add(new Block.Paragraph(List.of(Inline.text(texts.t("humanitarian.intro", end)))));
      peopleInNeed();
      displacement();
      sourcesCompared();
      food();
      return new HumanitarianSection(new Section(ID, title(), blocks), h.listFigures());
    }

    private String title() {
      return texts.t("humanitarian.title");
    }

    private Figure figure(String id) {
      return h.getFigure(id);
    }

    private String at(Selection s) {
      return texts.t("humanitarian.edition_at", s.edition(), texts.day(s.vintage()));
    }

    private void peopleInNeed() {
      Prose pr = Prose.start();
      if (h.peopleInNeed().isEmpty()) {
        blocks.add(
            new Block.Paragraph(pr.text(texts.t("humanitarian.pin.none", country, end)).build()));
        return;
      }
      Selection pin = h.peopleInNeed().orElseThrow();
      pr.t(
          texts,
          "humanitarian.pin",
          Inline.figure(HumanitarianIds.PEOPLE_IN_NEED),
          pin.edition(),
          texts.day(pin.vintage()));
      pr.text(" ");
      Figure share = figure(HumanitarianIds.PEOPLE_IN_NEED_SHARE);
      Denominator d = share.denominator();
      if (share.value() != null) {
        pr.t(
            texts,
            d.vintage() == null ? "humanitarian.pin.share" : "humanitarian.pin.share_dated",
            Inline.figure(share.id()),
            d.label(),
            Inline.figure(HumanitarianIds.POPULATION),
            d.vintage() == null ? "" : texts.day(d.vintage()));
      } else if (h.findFigure(HumanitarianIds.POPULATION_COVERED).isPresent()) {
        String missing = String.join(", ", h.populationCoverage().orElseThrow().missingAreas());
        pr.t(
            texts,
            "humanitarian.pin.share_partial",
            missing,
            Inline.figure(HumanitarianIds.POPULATION_COVERED),
            country,
            Inline.number(share.id()));
      } else {
        pr.t(texts, "humanitarian.pin.share_none", Inline.figure(share.id()));
      }
      blocks.add(new Block.Paragraph(pr.build()));
    }

    private void displacement() {
      if (h.idps().isEmpty()) {
        blocks.add(
            new Block.Paragraph(
                List.of(Inline.text(texts.t("humanitarian.dtm.none", country, end)))));
        return;
      }
      Selection round = h.idps().orElseThrow();
      Prose pr = Prose.start();
      if (h.idpsPrevious().isPresent()) {
        Selection before = h.idpsPrevious().orElseThrow();
        pr.t(
            texts,
            "humanitarian.dtm.count_change",
            Inline.figure(HumanitarianIds.IDPS),
            round.edition(),
            day(round),
            Inline.figure(HumanitarianIds.IDPS_PREVIOUS),
            before.edition(),
            day(before),
            Inline.figure(HumanitarianIds.IDPS_CHANGE),
            Inline.figure(HumanitarianIds.IDPS_CHANGE_PERCENT));
      } else {
        pr.t(
            texts,
            "humanitarian.dtm.count",
            Inline.figure(HumanitarianIds.IDPS),
            round.edition(),
            day(round));
      }
      List<AreaRow> regions = h.idpsByAdmin1();
      if (!regions.isEmpty()) {
        AreaRow top = regions.get(0);
        pr.text(" ");
        if (regions.size() > 1) {
          AreaRow next = regions.get(1);
          pr.t(
              texts,
              "humanitarian.dtm.most_then",
              regionName.apply(top.name()),
              Inline.figure(top.figureId()),
              regionName.apply(next.name()),
              Inline.figure(next.figureId()));
        } else {
          pr.t(
              texts,
              "humanitarian.dtm.most",
              regionName.apply(top.name()),
              Inline.figure(top.figureId()));
        }
      }
      blocks.add(new Block.Paragraph(pr.build()));
      if (!regions.isEmpty()) {
        blocks.add(
            areaTable(
                texts.t("humanitarian.table.admin1", at(round)),
                texts.t("humanitarian.table.region"),
                regions,
                h.idpsPrevious().map(Selection::edition).orElse(null),
                regionName));
        elsewhere(regions);
      }
      if (!h.idpsTopAdmin2().isEmpty()) {
        blocks.add(
            areaTable(
                texts.t("humanitarian.table.admin2", at(round)),
                texts.t("humanitarian.table.cercle"),
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
      String key =
          regionName.withOutlines()
              ? "humanitarian.elsewhere.outlines"
              : "humanitarian.elsewhere.events";
      blocks.add(
          new Block.Paragraph(
              List.of(Inline.text(texts.plural(key, names.size(), texts.list(names))))));
    }

    private String day(Selection s) {
      return texts.day(s.vintage());
    }

    /** A table of areas; with a change column when every row has a change since {@code before}. */
    private Block.Table areaTable(
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
      List<String> headers =
          new ArrayList<>(
              List.of(
                  first, texts.t("humanitarian.table.pcode"), texts.t("humanitarian.table.idps")));
      if (changes) {
        headers.add(texts.t("humanitarian.table.change", before));
      }
      return new Block.Table(caption, headers, cells);
    }

    /** IDMC's estimate beside DTM's count, and which one the brief uses. */
    private void sourcesCompared() {
      if (h.idmc().isEmpty()) {
        return;
      }
      Selection idmc = h.idmc().orElseThrow();
      Prose pr = Prose.start();
      String year = Integer.toString(idmc.vintage().getYear());
      Optional<Figure> versus = h.findFigure(HumanitarianIds.IDMC_VS_DTM);
      if (versus.isPresent()) {
        Double diff = versus.get().value();
        boolean same = diff != null && Math.abs(diff) < HumanitarianIndicators.SAME_NUMBER_PERCENT;
        pr.t(
            texts,
            same ? "humanitarian.idmc.same" : "humanitarian.idmc.differs",
            Inline.figure(HumanitarianIds.IDMC_IDPS_STOCK),
            year,
            at(idmc),
            Inline.figure(HumanitarianIds.IDPS),
            at(h.idps().orElseThrow()),
            Inline.figure(HumanitarianIds.IDMC_VS_DTM));
      } else {
        pr.t(
            texts,
            "humanitarian.idmc.alone",
            Inline.figure(HumanitarianIds.IDMC_IDPS_STOCK),
            year,
            at(idmc));
      }
      h.idpsChoice().ifPresent(c -> pr.text(" " + c));
      blocks.add(new Block.Paragraph(pr.build()));
    }

    private void food() {
      List<List<Inline>> items = new ArrayList<>();
      h.foodCurrent()
          .ifPresent(
              s ->
                  items.add(
                      Prose.of(
                          texts,
                          "humanitarian.food.current",
                          s.edition(),
                          Inline.figure(HumanitarianIds.FOOD_PHASE3PLUS))));
      h.foodProjected()
          .ifPresent(
              s ->
                  items.add(
                      Prose.of(
                          texts,
                          "humanitarian.food.projected",
                          s.edition(),
                          Inline.figure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED))));
      if (items.isEmpty()) {
        items.add(List.of(Inline.text(texts.t("humanitarian.food.none", country, end))));
      }
      blocks.add(new Block.Bullets(items));
    }
  }
}

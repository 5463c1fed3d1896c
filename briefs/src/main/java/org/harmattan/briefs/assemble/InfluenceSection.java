package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.harmattan.analytics.influence.GetisOrd;
import org.harmattan.analytics.influence.TerritorialInfluence;
import org.harmattan.analytics.influence.TerritorialInfluence.ActorInfluence;
import org.harmattan.analytics.influence.TerritorialInfluence.CellInfluence;
import org.harmattan.analytics.influence.TerritorialInfluence.Corner;
import org.harmattan.analytics.influence.TerritorialInfluence.HotCell;
import org.harmattan.analytics.influence.TerritorialInfluence.Transfer;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.briefs.render.MapSvg;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;
import org.harmattan.domain.text.Vocabulary;

/**
 * The brief's section on territorial control, "who holds what": which registry actor leads each H3
 * cell, how many cells are contested, territory transfers, Gi* hot cells and ACLED's diffusion
 * measure, with the uncertainty stated; a table of actors, a table of transfers, and a map of the
 * cells coloured by leading actor (opacity: its share) with the hot cells on top. Add it with
 * {@code builder.section(built.section(), built.figures())}.
 */
public final class InfluenceSection {
  /** The section's anchor. */
  public static final String ID = "influence";

  /**
   * The most actors the table lists (most decayed activity first): as many as the map gives a
   * colour of their own.
   */
  public static final int TABLE_ACTORS = 8;

  /** The most transfers the table lists (oldest first). */
  public static final int TABLE_TRANSFERS = 40;

  /** The legend category of a hot cell. */
  public static final String HOT = MapSvg.HOT_CELLS;

  /**
   * The section and the figures it references.
   *
   * @param section the section
   * @param figures every figure of the influence result, to register with the brief
   */
  public record Built(Section section, List<Figure> figures) {
    public Built {
      requireNonNull(section, "section");
      figures = List.copyOf(figures);
    }
  }

  private InfluenceSection() {}

  /**
   * Builds the section.
   *
   * @param result the computed influence
   * @param baseLayers drawn under the cells (country outlines); may be empty
   * @param bounds the map's area, or null to fit the cells
   */
  public static Built build(
      TerritorialInfluence result, List<MapView.Layer> baseLayers, MapView.Bounds bounds) {
    requireNonNull(result, "result");
    requireNonNull(baseLayers, "baseLayers");
    Texts texts = BriefTexts.of(result.language());
    FigureFormat format = FigureFormat.of(result.language());
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(method(texts)));
    blocks.add(new Block.Paragraph(whoHoldsWhat(result, texts)));
    blocks.add(new Block.Paragraph(uncertainty(result, texts)));
    blocks.add(new Block.Paragraph(transfers(result, texts)));
    blocks.add(new Block.Paragraph(hotspots(result, texts, format)));
    // The map before the tables: a table may run on to the next page, the map may not, and
    // placed after them it would leave the rest of a page empty more often.
    MapView.Bounds b = bounds != null ? bounds : fit(result);
    if (b != null) {
      blocks.add(new Block.Map(map(result, baseLayers, b, texts)));
    }
    if (!result.listActors().isEmpty()) {
      blocks.add(actorTable(result, texts));
    }
    if (!result.listTransfers().isEmpty()) {
      blocks.add(transferTable(result, texts, format));
    }
    return new Built(new Section(ID, texts.t("influence.title"), blocks), result.listFigures());
  }

  private static List<Inline> method(Texts texts) {
    return Prose.of(
        texts,
        "influence.method",
        Inline.number("influence.h3_resolution"),
        Inline.figure("influence.half_life_days"),
        Inline.figure("influence.dominance_threshold"),
        Inline.figure("influence.min_events"));
  }

  private static List<Inline> whoHoldsWhat(TerritorialInfluence r, Texts texts) {
    List<ActorInfluence> dominant =
        r.listActors().stream()
            .filter(a -> a.dominantCells() > 0)
            .sorted(Comparator.comparingInt(ActorInfluence::dominantCells).reversed())
            .toList();
    Prose by = Prose.start();
    for (int i = 0; i < dominant.size(); i++) {
      ActorInfluence a = dominant.get(i);
      by.t(
          texts,
          i == 0 ? "influence.held.actor" : "influence.held.actor_next",
          a.actor().name(),
          Inline.number(a.dominantCellsFigure()));
    }
    Prose p = Prose.start();
    Object[] args = {
      Inline.figure("influence.cells"),
      Inline.figure("influence.dominant_cells"),
      Inline.figure("influence.contested_cells"),
      Inline.figure("influence.contested_share"),
      Inline.figure("influence.thin_cells"),
      by.build()
    };
    p.t(texts, dominant.isEmpty() ? "influence.held" : "influence.held_by", args);
    if (!r.listActors().isEmpty()) {
      ActorInfluence top = r.listActors().get(0);
      p.text(" ")
          .t(
              texts,
              "influence.top",
              top.actor().name(),
              Inline.figure(top.cellsFigure()),
              Inline.figure(top.eventsFigure()));
    }
    return p.build();
  }

  private static List<Inline> uncertainty(TerritorialInfluence r, Texts texts) {
    return Prose.start()
        .text(TerritorialInfluence.uncertainty(r.language()))
        .text(" ")
        .t(texts, "influence.robust", Inline.figure("influence.dominant_cells.robust"))
        .build();
  }

  private static List<Inline> transfers(TerritorialInfluence r, Texts texts) {
    if (r.listTransfers().isEmpty()) {
      return Prose.of(texts, "influence.transfers.none", Inline.figure("territory.transfers"));
    }
    if (r.transferFigures().isEmpty()) {
      return Prose.of(texts, "influence.transfers", Inline.figure("territory.transfers"));
    }
    Prose by = Prose.start();
    int i = 0;
    for (var e : r.transferFigures().entrySet()) {
      String name =
          r.knownActors().containsKey(e.getKey())
              ? r.knownActors().get(e.getKey()).name()
              : e.getKey();
      by.t(
          texts,
          i++ == 0 ? "influence.transfers.actor" : "influence.transfers.actor_next",
          name,
          Inline.number(e.getValue()));
    }
    return Prose.of(
        texts, "influence.transfers.by", Inline.figure("territory.transfers"), by.build());
  }

  private static List<Inline> hotspots(TerritorialInfluence r, Texts texts, FigureFormat format) {
    List<Object> args =
        new ArrayList<>(
            List.of(
                Inline.figure("hotspots.hot_cells"),
                Inline.number("hotspots.hot_cells_99"),
                Inline.figure("hotspots.study_cells"),
                format.day(r.diffusionPeriod().to()),
                Inline.figure("diffusion.cells_10plus"),
                Inline.figure("diffusion.cell_km"),
                Inline.figure("diffusion.min_events"),
                Inline.figure("diffusion.share")));
    if (r.findFigure("diffusion.country_cells").isPresent()) {
      args.add(Inline.figure("diffusion.country_cells"));
      return Prose.of(texts, "influence.hotspots_country", args.toArray());
    }
    return Prose.of(texts, "influence.hotspots", args.toArray());
  }

  private static Block.Table actorTable(TerritorialInfluence r, Texts texts) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    List<ActorInfluence> actors = r.listActors();
    for (ActorInfluence a : actors.subList(0, Math.min(TABLE_ACTORS, actors.size()))) {
      rows.add(
          List.of(
              List.of(Inline.text(a.actor().name())),
              List.of(Inline.number(a.eventsFigure())),
              List.of(Inline.number(a.activityFigure())),
              List.of(Inline.number(a.cellsFigure())),
              List.of(Inline.number(a.dominantCellsFigure())),
              a.transfersFigure() == null
                  ? List.of(Inline.text("–"))
                  : List.of(Inline.number(a.transfersFigure()))));
    }
    String caption =
        actors.size() > TABLE_ACTORS
            ? texts.t("influence.actors.caption_top")
            : texts.t("influence.actors.caption");
    return new Block.Table(
        caption,
        List.of(
            texts.t("influence.actors.actor"),
            texts.t("influence.actors.events"),
            texts.t("influence.actors.activity"),
            texts.t("influence.actors.cells"),
            texts.t("influence.actors.dominant_cells"),
            texts.t("influence.actors.transfers")),
        rows);
  }

  private static Block.Table transferTable(
      TerritorialInfluence r, Texts texts, FigureFormat format) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    List<Transfer> all = r.listTransfers();
    for (Transfer t : all.subList(0, Math.min(TABLE_TRANSFERS, all.size()))) {
      String actor =
          t.actorId() != null && r.knownActors().containsKey(t.actorId())
              ? r.knownActors().get(t.actorId()).name()
              : t.actorName() == null ? "–" : t.actorName();
      rows.add(
          List.of(
              List.of(Inline.text(format.day(t.date()))),
              List.of(Inline.text(Vocabulary.subEventType(texts.language(), t.subEventType()))),
              List.of(Inline.text(actor)),
              List.of(Inline.text(t.location() == null ? "–" : t.location())),
              List.of(Inline.text(t.eventId()))));
    }
    String caption =
        all.size() > TABLE_TRANSFERS
            ? texts.t("influence.transfers.caption_first")
            : texts.t("influence.transfers.caption");
    return new Block.Table(
        caption,
        List.of(
            texts.t("influence.transfers.date"),
            texts.t("influence.transfers.sub_event_type"),
            texts.t("influence.transfers.actor1"),
            texts.t("influence.transfers.location"),
            texts.t("influence.transfers.event")),
        rows);
  }

  private static MapView map(
      TerritorialInfluence r, List<MapView.Layer> baseLayers, MapView.Bounds bounds, Texts texts) {
    List<MapView.Layer> layers = new ArrayList<>(baseLayers);
    List<MapView.Cell> lead = new ArrayList<>();
    for (CellInfluence c : r.listCells()) {
      lead.add(
          new MapView.Cell(
              lonLat(c.boundary()), c.dominantActorName(), Math.max(0, Math.min(1, c.share()))));
    }
    layers.add(new MapView.Cells(texts.t("influence.map.lead"), lead));
    // Hot cells as outlines over the leading actors' colours, which stay readable under them.
    List<MapView.Cell> hot = new ArrayList<>();
    for (HotCell c : r.listHotCells()) {
      hot.add(
          new MapView.Cell(
              lonLat(c.boundary()), HOT, c.z() >= GetisOrd.Z99 ? MapSvg.HOT_STRICT : 0.5));
    }
    if (!hot.isEmpty()) {
      layers.add(new MapView.Cells(texts.t("influence.map.hot"), hot));
    }
    return new MapView("influence-map", texts.t("influence.map.caption"), bounds, layers);
  }

  private static List<MapView.LonLat> lonLat(List<Corner> corners) {
    List<MapView.LonLat> out = new ArrayList<>();
    for (Corner c : corners) {
      out.add(new MapView.LonLat(c.lon(), c.lat()));
    }
    if (!out.isEmpty()) {
      out.add(out.get(0));
    }
    return out;
  }

  /** The cells' extent with a margin, or null when there is no cell to draw. */
  private static MapView.Bounds fit(TerritorialInfluence r) {
    double west = Double.POSITIVE_INFINITY;
    double south = Double.POSITIVE_INFINITY;
    double east = Double.NEGATIVE_INFINITY;
    double north = Double.NEGATIVE_INFINITY;
    List<List<Corner>> all = new ArrayList<>();
    r.listCells().forEach(c -> all.add(c.boundary()));
    r.listHotCells().forEach(c -> all.add(c.boundary()));
    for (List<Corner> cs : all) {
      for (Corner c : cs) {
        west = Math.min(west, c.lon());
        east = Math.max(east, c.lon());
        south = Math.min(south, c.lat());
        north = Math.max(north, c.lat());
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    double m = 0.5;
    return new MapView.Bounds(
        Math.max(-180, west - m),
        Math.max(-90, south - m),
        Math.min(180, east + m),
        Math.min(90, north + m));
  }
}

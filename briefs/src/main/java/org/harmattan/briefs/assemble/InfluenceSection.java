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
import org.harmattan.domain.figure.Figure;

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

  /** The section's heading. */
  public static final String TITLE = "Territorial influence: who acts where";

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
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(method()));
    blocks.add(new Block.Paragraph(whoHoldsWhat(result)));
    blocks.add(new Block.Paragraph(uncertainty()));
    blocks.add(new Block.Paragraph(transfers(result)));
    blocks.add(new Block.Paragraph(hotspots(result)));
    // The map before the tables: a table may run on to the next page, the map may not, and
    // placed after them it would leave the rest of a page empty more often.
    MapView.Bounds b = bounds != null ? bounds : fit(result);
    if (b != null) {
      blocks.add(new Block.Map(map(result, baseLayers, b)));
    }
    if (!result.listActors().isEmpty()) {
      blocks.add(actorTable(result));
    }
    if (!result.listTransfers().isEmpty()) {
      blocks.add(transferTable(result));
    }
    return new Built(new Section(ID, TITLE, blocks), result.listFigures());
  }

  private static List<Inline> method() {
    return Prose.start()
        .text(
            "Political violence (battles, explosions/remote violence, violence against civilians)"
                + " is counted on H3 hexagons of resolution ")
        .num("influence.h3_resolution")
        .text(
            " for every armed actor of the registry the event names, in any role. An event weighs"
                + " half as much for every ")
        .fig("influence.half_life_days")
        .text(
            " it lies before the end of the window. The actor with the most weighted activity in"
                + " a cell leads it; it dominates the cell when it holds at least ")
        .fig("influence.dominance_threshold")
        .text(" of that activity over at least ")
        .fig("influence.min_events")
        .text(
            ", the cell is contested when the events suffice but no actor reaches that share,"
                + " and cells with fewer events are not classified.")
        .build();
  }

  private static List<Inline> whoHoldsWhat(TerritorialInfluence r) {
    Prose p =
        Prose.start()
            .text("Registry actors were active in ")
            .fig("influence.cells")
            .text(". A single actor dominated ")
            .fig("influence.dominant_cells");
    List<ActorInfluence> dominant =
        r.listActors().stream()
            .filter(a -> a.dominantCells() > 0)
            .sorted(Comparator.comparingInt(ActorInfluence::dominantCells).reversed())
            .toList();
    if (!dominant.isEmpty()) {
      p.text(" (");
      for (int i = 0; i < dominant.size(); i++) {
        ActorInfluence a = dominant.get(i);
        p.text((i == 0 ? "" : "; ") + a.actor().name() + ": ").num(a.dominantCellsFigure());
      }
      p.text(")");
    }
    p.text("; contested: ")
        .fig("influence.contested_cells")
        .text(", ")
        .fig("influence.contested_share")
        .text(" of the cells with enough events to classify; too few events to say: ")
        .fig("influence.thin_cells")
        .text(".");
    if (!r.listActors().isEmpty()) {
      ActorInfluence top = r.listActors().get(0);
      p.text(" The most active actor, weighting recent events more, was " + top.actor().name())
          .text(", present in ")
          .fig(top.cellsFigure())
          .text(" with ")
          .fig(top.eventsFigure())
          .text(".");
    }
    return p.build();
  }

  private static List<Inline> uncertainty() {
    return Prose.start()
        .text(TerritorialInfluence.UNCERTAINTY)
        .text(
            " Dominated cells whose leading actor keeps a majority at the low end of that"
                + " interval: ")
        .fig("influence.dominant_cells.robust")
        .text("; the others could be shared on the same evidence.")
        .build();
  }

  private static List<Inline> transfers(TerritorialInfluence r) {
    String kinds =
        "ACLED's sub-event types non-state actor overtakes territory, government regains"
            + " territory and non-violent transfer of territory";
    if (r.listTransfers().isEmpty()) {
      return Prose.start()
          .text("No event of the window records territory changing hands (")
          .fig("territory.transfers")
          .text(" of " + kinds + ").")
          .build();
    }
    Prose p =
        Prose.start()
            .text("Territory changed hands in ")
            .fig("territory.transfers")
            .text(" (" + kinds + ")");
    if (!r.transferFigures().isEmpty()) {
      p.text("; by the actor the source names first: ");
      int i = 0;
      for (var e : r.transferFigures().entrySet()) {
        String name =
            r.knownActors().containsKey(e.getKey())
                ? r.knownActors().get(e.getKey()).name()
                : e.getKey();
        p.text((i++ == 0 ? "" : "; ") + name + " ").num(e.getValue());
      }
    }
    return p.text(".").build();
  }

  private static List<Inline> hotspots(TerritorialInfluence r) {
    Prose p =
        Prose.start()
            .text("Getis-Ord Gi* marks ")
            .fig("hotspots.hot_cells")
            .text(" as significant hot spots of political violence (")
            .num("hotspots.hot_cells_99")
            .text(" of them also at the stricter level) among ")
            .fig("hotspots.study_cells")
            .text(
                " studied; a hot cell sits in a cluster of high counts and may itself have none."
                    + " Diffusion, ACLED's measure over the year to "
                    + FigureFormat.ENGLISH.day(r.diffusionPeriod().to())
                    + ": ")
            .fig("diffusion.cells_10plus")
            .text(" of ")
            .fig("diffusion.cell_km")
            .text(" a side held at least ")
            .fig("diffusion.min_events");
    if (r.findFigure("diffusion.country_cells").isPresent()) {
      p.text(", ")
          .fig("diffusion.share")
          .text(" of the ")
          .fig("diffusion.country_cells")
          .text(" covering the country.");
    } else {
      p.text("; their share of the country's cells is ").fig("diffusion.share").text(".");
    }
    return p.build();
  }

  private static Block.Table actorTable(TerritorialInfluence r) {
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
            ? "The most active armed actors of the registry, by weighted activity"
            : "Armed actors of the registry, by weighted activity";
    return new Block.Table(
        caption,
        List.of(
            "Actor",
            "Events",
            "Weighted activity",
            "Active cells",
            "Dominated cells",
            "Transfers (actor 1)"),
        rows);
  }

  private static Block.Table transferTable(TerritorialInfluence r) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    List<Transfer> all = r.listTransfers();
    for (Transfer t : all.subList(0, Math.min(TABLE_TRANSFERS, all.size()))) {
      String actor =
          t.actorId() != null && r.knownActors().containsKey(t.actorId())
              ? r.knownActors().get(t.actorId()).name()
              : t.actorName() == null ? "–" : t.actorName();
      rows.add(
          List.of(
              List.of(Inline.text(FigureFormat.ENGLISH.day(t.date()))),
              List.of(Inline.text(t.subEventType())),
              List.of(Inline.text(actor)),
              List.of(Inline.text(t.location() == null ? "–" : t.location())),
              List.of(Inline.text(t.eventId()))));
    }
    String caption =
        all.size() > TABLE_TRANSFERS
            ? "The first territory transfers, oldest first (the figure counts them all)"
            : "Territory transfers, oldest first";
    return new Block.Table(
        caption, List.of("Date", "Sub-event type", "Actor 1", "Location", "Event"), rows);
  }

  private static MapView map(
      TerritorialInfluence r, List<MapView.Layer> baseLayers, MapView.Bounds bounds) {
    List<MapView.Layer> layers = new ArrayList<>(baseLayers);
    List<MapView.Cell> lead = new ArrayList<>();
    for (CellInfluence c : r.listCells()) {
      lead.add(
          new MapView.Cell(
              lonLat(c.boundary()), c.dominantActorName(), Math.max(0, Math.min(1, c.share()))));
    }
    layers.add(new MapView.Cells("Leading actor (opacity: its share)", lead));
    // Hot cells as outlines over the leading actors' colours, which stay readable under them.
    List<MapView.Cell> hot = new ArrayList<>();
    for (HotCell c : r.listHotCells()) {
      hot.add(
          new MapView.Cell(
              lonLat(c.boundary()), HOT, c.z() >= GetisOrd.Z99 ? MapSvg.HOT_STRICT : 0.5));
    }
    if (!hot.isEmpty()) {
      layers.add(new MapView.Cells("Hot cells (thicker: also at the stricter level)", hot));
    }
    return new MapView(
        "influence-map",
        "Leading armed actor per H3 cell by time-weighted political violence; opacity is its"
            + " share; hot cells of Getis-Ord Gi* outlined. Activity is not control",
        bounds,
        layers);
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

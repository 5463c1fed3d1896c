package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.analytics.corridors.Corridor;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.corridors.PassageCategory;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.domain.figure.Figure;
import org.harmattan.reference.roads.RoadNetwork;

/**
 * The brief's section on supply corridors: per corridor its status, length, passage-affecting
 * events, blockade index and days since the last incident, all figure references; a table of
 * segments; and a map of the corridors coloured by status with the passage-affecting events and the
 * capital. Add it with {@code builder.section(built.section(), built.figures())}.
 */
public final class CorridorSection {
  /** The section's anchor. */
  public static final String ID = "corridors";

  /**
   * The section and the figures it references.
   *
   * @param section the section
   * @param figures every figure of the report, to register with the brief
   */
  public record Built(Section section, List<Figure> figures) {
    public Built {
      requireNonNull(section, "section");
      figures = List.copyOf(figures);
    }
  }

  private CorridorSection() {}

  /**
   * Builds the section.
   *
   * @param report the corridors' figures
   * @param baseLayers drawn under the corridors (country outlines); may be empty
   * @param bounds the map's area, or null to fit the corridors
   */
  public static Built build(
      CorridorReport report, List<MapView.Layer> baseLayers, MapView.Bounds bounds) {
    requireNonNull(report, "report");
    requireNonNull(baseLayers, "baseLayers");
    String capital = report.capital().name();
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            Prose.start()
                .text(
                    "Supply corridors are the shortest paths on the African Urban Network road"
                        + " graph from "
                        + capital
                        + " through the towns of the country profile. Events near a corridor"
                        + " (within the buffer stated in each figure's filters) count when they"
                        + " affect passage: ambushes, IEDs and mines, attacks on convoys, fuel"
                        + " tankers, trucks or buses, checkpoints, looting on the road and"
                        + " blockades, recognised from the sub-event type and keywords of the"
                        + " notes in English and French. A segment is blocked after several such"
                        + " events or a blockade in the last month of the window, disrupted after"
                        + " one in its last three months, open otherwise.")
                .build()));
    List<List<Inline>> items = new ArrayList<>();
    for (CorridorReport.CorridorResult c : report.corridors()) {
      Corridor.Snap end = c.corridor().snaps().get(c.corridor().snaps().size() - 1);
      Prose p =
          Prose.start()
              .text(c.corridor().spec().name() + ": ")
              .fig(c.statusFigure())
              .text(" at the end of the window; ")
              .fig(c.lengthFigure())
              .text(" on the road graph, ending at " + c.corridor().endLabel());
      if (end.border()) {
        p.text(", the graph's nearest node to the " + end.place().name());
      }
      p.text("; ")
          .fig(c.passageEventsFigure())
          .text(" affecting passage in the window; blockade index ")
          .fig(c.blockadeIndexFigure())
          .text("; last incident ")
          .fig(c.daysSinceFigure())
          .text(" before the window's end.");
      items.add(p.build());
    }
    if (items.isEmpty()) {
      items.add(List.of(Inline.text("The country profile names no supply corridor.")));
    }
    blocks.add(new Block.Bullets(items));
    // The map before the tables, which may run on to the next page where the map may not.
    if (!report.corridors().isEmpty()) {
      blocks.add(new Block.Map(map(report, baseLayers, bounds)));
    }
    for (CorridorReport.CorridorResult c : report.corridors()) {
      List<List<List<Inline>>> rows = new ArrayList<>();
      for (CorridorReport.StretchResult s : c.stretches()) {
        rows.add(
            List.of(
                List.of(Inline.text(s.label())),
                List.of(Inline.number(s.lengthFigure())),
                List.of(Inline.number(s.statusFigure())),
                List.of(
                    Inline.text(
                        s.lastIncident() == null ? "none" : FigureFormat.ENGLISH.day(s.lastIncident())))));
      }
      blocks.add(
          new Block.Table(
              "The " + c.corridor().spec().name() + " from town to town",
              List.of("Stretch", "Length (km)", "Status", "Last passage-affecting event"),
              rows));
    }
    return new Built(new Section(ID, "Supply corridors", blocks), report.listFigures());
  }

  private static MapView map(
      CorridorReport report, List<MapView.Layer> baseLayers, MapView.Bounds bounds) {
    List<MapView.Layer> layers = new ArrayList<>(baseLayers);
    List<MapView.Line> lines = new ArrayList<>();
    List<MapView.Marker> events = new ArrayList<>();
    double west = report.capital().longitude();
    double east = west;
    double south = report.capital().latitude();
    double north = south;
    for (CorridorReport.CorridorResult c : report.corridors()) {
      for (CorridorReport.SegmentResult s : c.segments()) {
        RoadNetwork.Node a = s.segment().from();
        RoadNetwork.Node b = s.segment().to();
        lines.add(
            new MapView.Line(
                c.corridor().spec().name() + ": " + s.segment().label(),
                s.status().label(),
                List.of(
                    new MapView.LonLat(a.longitude(), a.latitude()),
                    new MapView.LonLat(b.longitude(), b.latitude()))));
        for (RoadNetwork.Node n : List.of(a, b)) {
          west = Math.min(west, n.longitude());
          east = Math.max(east, n.longitude());
          south = Math.min(south, n.latitude());
          north = Math.max(north, n.latitude());
        }
      }
      for (CorridorReport.PassageEvent e : c.events()) {
        PassageCategory cat = e.passage().category();
        events.add(
            new MapView.Marker(
                FigureFormat.ENGLISH.day(e.point().date())
                    + (e.point().location() == null ? "" : ", " + e.point().location())
                    + ": "
                    + cat.label(),
                cat.label(),
                new MapView.LonLat(e.point().longitude(), e.point().latitude())));
      }
    }
    layers.add(new MapView.Lines("Corridors by status", lines));
    layers.add(new MapView.Points("Passage-affecting events", events));
    layers.add(
        new MapView.Points(
            "Capital",
            List.of(
                new MapView.Marker(
                    report.capital().name(),
                    "capital",
                    new MapView.LonLat(
                        report.capital().longitude(), report.capital().latitude())))));
    double margin = 0.5;
    MapView.Bounds b =
        bounds != null
            ? bounds
            : new MapView.Bounds(
                Math.max(-180, west - margin),
                Math.max(-90, south - margin),
                Math.min(180, east + margin),
                Math.min(90, north + margin));
    return new MapView(
        "corridors",
        "Supply corridors from "
            + report.capital().name()
            + " by status, with the events affecting"
            + " passage in the window",
        b,
        layers);
  }
}

package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.analytics.corridors.Corridor;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;
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
    Texts texts = BriefTexts.of(report.language());
    FigureFormat format = FigureFormat.of(report.language());
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(Prose.of(texts, "corridors.method", capital)));
    List<List<Inline>> items = new ArrayList<>();
    for (CorridorReport.CorridorResult c : report.corridors()) {
      Corridor.Snap end = c.corridor().snaps().get(c.corridor().snaps().size() - 1);
      String name = c.corridor().spec().name();
      String endLabel = c.corridor().endLabel();
      items.add(
          end.border()
              ? Prose.of(
                  texts,
                  "corridors.item_border",
                  name,
                  Inline.figure(c.statusFigure()),
                  Inline.figure(c.lengthFigure()),
                  endLabel,
                  end.place().name(),
                  Inline.figure(c.passageEventsFigure()),
                  Inline.figure(c.blockadeIndexFigure()),
                  Inline.figure(c.daysSinceFigure()))
              : Prose.of(
                  texts,
                  "corridors.item",
                  name,
                  Inline.figure(c.statusFigure()),
                  Inline.figure(c.lengthFigure()),
                  endLabel,
                  Inline.figure(c.passageEventsFigure()),
                  Inline.figure(c.blockadeIndexFigure()),
                  Inline.figure(c.daysSinceFigure())));
    }
    if (items.isEmpty()) {
      items.add(List.of(Inline.text(texts.t("corridors.none"))));
    }
    blocks.add(new Block.Bullets(items));
    // The map before the tables, which may run on to the next page where the map may not.
    if (!report.corridors().isEmpty()) {
      blocks.add(new Block.Map(map(report, baseLayers, bounds, texts, format)));
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
                        s.lastIncident() == null
                            ? texts.t("corridors.table.none")
                            : format.day(s.lastIncident())))));
      }
      blocks.add(
          new Block.Table(
              texts.t("corridors.table.caption", c.corridor().spec().name()),
              List.of(
                  texts.t("corridors.table.stretch"),
                  texts.t("corridors.table.length"),
                  texts.t("corridors.table.status"),
                  texts.t("corridors.table.last")),
              rows));
    }
    return new Built(new Section(ID, texts.t("corridors.title"), blocks), report.listFigures());
  }

  private static MapView map(
      CorridorReport report,
      List<MapView.Layer> baseLayers,
      MapView.Bounds bounds,
      Texts texts,
      FigureFormat format) {
    Texts passage = AnalyticsTexts.of(report.language());
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
                texts.t("corridors.map.line", c.corridor().spec().name(), s.segment().label()),
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
        String cat = e.passage().category().label(passage);
        events.add(
            new MapView.Marker(
                texts.t(
                    "corridors.map.marker",
                    format.day(e.point().date())
                        + (e.point().location() == null ? "" : ", " + e.point().location()),
                    cat),
                texts.capitalise(cat),
                new MapView.LonLat(e.point().longitude(), e.point().latitude())));
      }
    }
    layers.add(new MapView.Lines(texts.t("corridors.map.lines"), lines));
    layers.add(new MapView.Points(texts.t("corridors.map.events"), events));
    layers.add(
        new MapView.Points(
            texts.t("corridors.map.capital"),
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
        "corridors", texts.t("corridors.map.caption", report.capital().name()), b, layers);
  }
}

package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;

/**
 * The brief as one JSON document for a screen: its sections and blocks as the model holds them,
 * every figure once with its value and the text the brief prints for it (so that a page shows the
 * number the PDF shows, never one it formatted itself), and every map as GeoJSON layers. Citations
 * are not repeated here: a figure's full citation is in figures.json (or the API's figure object).
 *
 * <pre>{@code
 * {"title", "country": {"iso3", "name"}, "period": {"from", "to"}, "comparison": {...}|null,
 *  "synthetic", "generatedAt", "attribution", "editionNotes": [text],
 *  "figures": {id: {"label", "value", "unit", "text", "number", "note", "vintage",
 *                   "period", "comparison", "records"}},
 *  "sections": [{"id", "title", "blocks": [
 *     {"type": "paragraph", "parts": [PART]},   PART = {"text"} | {"figure", "style": unit|number}
 *     {"type": "bullets", "items": [[PART]]},
 *     {"type": "judgements", "judgements": [{"area", "verdict", "basis": [PART], "rule"}]},
 *     {"type": "table", "caption", "headers", "rows": [[[PART]]]},
 *     {"type": "chart", "id", "kind": line|bar|fan, "caption", "valueLabel",
 *      "series": [{"name", "points": [{"label", "figure"}]}], "annotations": [{"date", "label"}]},
 *     {"type": "map", "id", "caption", "bounds": [west, south, east, north],
 *      "layers": [{"name", "kind": outlines|lines|points|rings|cells, ..., "features": GeoJSON
 *                  FeatureCollection}]}]}]}
 * }</pre>
 */
public final class BriefJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BriefJson() {}

  /** The brief as a JSON tree. */
  public static ObjectNode toNode(Brief brief) {
    requireNonNull(brief, "brief");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("title", brief.title());
    ObjectNode country = root.putObject("country");
    country.put("iso3", brief.countryIso3());
    country.put("name", brief.countryName());
    root.set("period", period(brief.period()));
    root.set("comparison", brief.comparison() == null ? null : period(brief.comparison()));
    root.put("synthetic", brief.synthetic());
    root.put("generatedAt", brief.generatedAt().toString());
    root.put("attribution", brief.attribution());
    ArrayNode editionNotes = root.putArray("editionNotes");
    brief.editionNotes().forEach(editionNotes::add);
    ObjectNode figures = root.putObject("figures");
    for (Figure f : brief.figures()) {
      figures.set(f.id(), figure(f, FigureFormat.of(brief.language())));
    }
    ArrayNode sections = root.putArray("sections");
    for (Section s : brief.sections()) {
      ObjectNode n = sections.addObject();
      n.put("id", s.id());
      n.put("title", s.title());
      ArrayNode blocks = n.putArray("blocks");
      for (Block b : s.blocks()) {
        blocks.add(block(b));
      }
    }
    return root;
  }

  private static ObjectNode figure(Figure f, FigureFormat format) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("label", f.label());
    if (f.value() == null) {
      n.putNull("value");
    } else if (f.value() == Math.rint(f.value()) && Math.abs(f.value()) < 1e15) {
      n.put("value", f.value().longValue());
    } else {
      n.put("value", f.value());
    }
    n.put("unit", f.unit());
    n.put("text", format.format(f, Inline.Style.WITH_UNIT));
    n.put("number", format.format(f, Inline.Style.NUMBER_ONLY));
    n.put("note", f.note());
    n.put("vintage", f.vintage() == null ? null : f.vintage().toString());
    n.set("period", period(f.period()));
    n.set("comparison", f.comparison() == null ? null : period(f.comparison()));
    n.put("records", f.citation().recordCount());
    return n;
  }

  private static ObjectNode period(Period p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("from", p.from().toString());
    n.put("to", p.to().toString());
    return n;
  }

  private static ObjectNode block(Block b) {
    ObjectNode n = MAPPER.createObjectNode();
    if (b instanceof Block.Paragraph p) {
      n.put("type", "paragraph");
      n.set("parts", parts(p.parts()));
    } else if (b instanceof Block.Bullets bl) {
      n.put("type", "bullets");
      ArrayNode items = n.putArray("items");
      bl.items().forEach(i -> items.add(parts(i)));
    } else if (b instanceof Block.Table t) {
      n.put("type", "table");
      n.put("caption", t.caption());
      ArrayNode headers = n.putArray("headers");
      t.headers().forEach(headers::add);
      ArrayNode rows = n.putArray("rows");
      for (List<List<Inline>> r : t.rows()) {
        ArrayNode row = rows.addArray();
        r.forEach(c -> row.add(parts(c)));
      }
    } else if (b instanceof Block.Judgements j) {
      n.put("type", "judgements");
      ArrayNode items = n.putArray("judgements");
      for (org.harmattan.briefs.model.Judgement g : j.judgements()) {
        ObjectNode i = items.addObject();
        i.put("area", g.area());
        i.put("verdict", g.verdict().label());
        i.set("basis", parts(g.basis()));
        i.put("rule", g.rule());
      }
    } else if (b instanceof Block.Chart c) {
      chart(n, c);
    } else if (b instanceof Block.Map m) {
      map(n, m.view());
    } else {
      throw new IllegalArgumentException("a block of an unknown kind: " + b);
    }
    return n;
  }

  private static ArrayNode parts(List<Inline> parts) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Inline i : parts) {
      ObjectNode n = a.addObject();
      if (i instanceof Inline.Text t) {
        n.put("text", t.text());
      } else if (i instanceof Inline.FigureRef r) {
        n.put("figure", r.figureId());
        n.put("style", r.style() == Inline.Style.WITH_UNIT ? "unit" : "number");
      } else if (i instanceof Inline.Stated st) {
        Inline.Check c = HtmlRenderer.requireChecked(st);
        n.put("text", st.text());
        n.put("stated", st.figureId());
        n.put("check", c.verdict());
        n.put("reason", c.reason());
      }
    }
    return a;
  }

  private static void chart(ObjectNode n, Block.Chart c) {
    n.put("type", "chart");
    n.put("id", c.id());
    n.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    n.put("caption", c.caption());
    n.put("valueLabel", c.valueLabel());
    ArrayNode series = n.putArray("series");
    for (Block.Series s : c.series()) {
      ObjectNode sn = series.addObject();
      sn.put("name", s.name());
      ArrayNode points = sn.putArray("points");
      for (Block.Point p : s.points()) {
        ObjectNode pn = points.addObject();
        pn.put("label", p.label());
        pn.put("figure", p.figureId());
      }
    }
    ArrayNode annotations = n.putArray("annotations");
    for (Block.Annotation a : c.annotations()) {
      ObjectNode an = annotations.addObject();
      an.put("date", a.date());
      an.put("label", a.label());
    }
  }

  private static void map(ObjectNode n, MapView v) {
    n.put("type", "map");
    n.put("id", v.id());
    n.put("caption", v.caption());
    ArrayNode bounds = n.putArray("bounds");
    bounds.add(v.bounds().west()).add(v.bounds().south());
    bounds.add(v.bounds().east()).add(v.bounds().north());
    ArrayNode layers = n.putArray("layers");
    MapSymbols symbols = new MapSymbols(v);
    for (MapView.Layer l : v.layers()) {
      ObjectNode ln = layers.addObject();
      ln.put("name", l.name());
      ObjectNode fc = MAPPER.createObjectNode();
      fc.put("type", "FeatureCollection");
      ArrayNode features = fc.putArray("features");
      if (l instanceof MapView.Outlines o) {
        ln.put("kind", "outlines");
        ln.put("outline", o.kind().name().toLowerCase(java.util.Locale.ROOT));
        ln.put("source", o.source());
        for (MapView.Shape s : o.shapes()) {
          ObjectNode g = MAPPER.createObjectNode();
          g.put("type", "Polygon");
          ArrayNode rings = g.putArray("coordinates");
          s.rings().forEach(r -> rings.add(positions(r)));
          feature(features, g).put("label", s.label());
        }
      } else if (l instanceof MapView.Lines ls) {
        ln.put("kind", "lines");
        for (MapView.Line line : ls.lines()) {
          ObjectNode g = MAPPER.createObjectNode();
          g.put("type", "LineString");
          g.set("coordinates", positions(line.points()));
          ObjectNode p = feature(features, g);
          p.put("label", line.label());
          p.put("style", line.style());
        }
      } else if (l instanceof MapView.Points ps) {
        ln.put("kind", "points");
        for (MapView.Marker m : ps.markers()) {
          ObjectNode g = MAPPER.createObjectNode();
          g.put("type", "Point");
          g.set("coordinates", position(m.at()));
          ObjectNode p = feature(features, g);
          p.put("label", m.label());
          p.put("category", m.category());
        }
      } else if (l instanceof MapView.Rings r) {
        ln.put("kind", "rings");
        ObjectNode g = MAPPER.createObjectNode();
        g.put("type", "Point");
        g.set("coordinates", position(r.centre()));
        ArrayNode radii = feature(features, g).putArray("radiiKm");
        r.radiiKm().forEach(radii::add);
      } else if (l instanceof MapView.Cells cs) {
        ln.put("kind", "cells");
        for (MapView.Cell c : cs.cells()) {
          ObjectNode g = MAPPER.createObjectNode();
          g.put("type", "Polygon");
          ArrayNode rings = g.putArray("coordinates");
          List<MapView.LonLat> ring = new java.util.ArrayList<>(c.boundary());
          if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) {
            ring.add(ring.get(0));
          }
          rings.add(positions(ring));
          ObjectNode p = feature(features, g);
          p.put("category", c.category());
          p.put("intensity", c.intensity());
          p.put("colour", symbols.cellColour(c.category()));
        }
      }
      ln.set("features", fc);
    }
  }

  /** Adds a feature with {@code geometry}; returns its properties to fill. */
  private static ObjectNode feature(ArrayNode features, ObjectNode geometry) {
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    f.set("geometry", geometry);
    return f.putObject("properties");
  }

  private static ArrayNode positions(List<MapView.LonLat> points) {
    ArrayNode a = MAPPER.createArrayNode();
    points.forEach(p -> a.add(position(p)));
    return a;
  }

  private static ArrayNode position(MapView.LonLat p) {
    ArrayNode a = MAPPER.createArrayNode();
    a.add(Math.round(p.lon() * 1e5) / 1e5);
    a.add(Math.round(p.lat() * 1e5) / 1e5);
    return a;
  }
}

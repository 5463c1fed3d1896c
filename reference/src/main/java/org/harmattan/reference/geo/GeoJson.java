package org.harmattan.reference.geo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads GeoJSON (RFC 7946): a FeatureCollection, a single Feature or a bare geometry. Properties
 * are read with Jackson, geometries with JTS's {@link GeoJsonReader}.
 */
public final class GeoJson {
  private static final Set<String> GEOMETRY_TYPES =
      Set.of(
          "Point",
          "MultiPoint",
          "LineString",
          "MultiLineString",
          "Polygon",
          "MultiPolygon",
          "GeometryCollection");

  private GeoJson() {}

  /** The features of a GeoJSON file. */
  public static List<GeoFeature> read(Path file) {
    return decode(Json.readTree(file), file.toString());
  }

  /** The features of a GeoJSON stream; {@code fileName} is used in error messages. */
  public static List<GeoFeature> read(InputStream in, String fileName) throws IOException {
    return decode(Json.readTree(in, fileName), fileName);
  }

  /** Decodes a parsed GeoJSON document. */
  static List<GeoFeature> decode(JsonNode root, String fileName) {
    requireNonNull(root, "root");
    String type = root.path("type").asText();
    List<GeoFeature> out = new ArrayList<>();
    if ("FeatureCollection".equals(type)) {
      JsonNode features = root.path("features");
      if (!features.isArray()) {
        throw bad(fileName, "a FeatureCollection needs a \"features\" array");
      }
      for (int i = 0; i < features.size(); i++) {
        out.add(feature(features.get(i), fileName + ", feature " + i));
      }
    } else if ("Feature".equals(type)) {
      out.add(feature(root, fileName + ", feature 0"));
    } else if (GEOMETRY_TYPES.contains(type)) {
      out.add(new GeoFeature(null, Map.of(), geometry(root, fileName)));
    } else {
      throw bad(
          fileName,
          "\"type\" is \""
              + type
              + "\" (expected FeatureCollection, Feature or a GeoJSON geometry type)");
    }
    return out;
  }

  private static GeoFeature feature(JsonNode f, String where) {
    if (!"Feature".equals(f.path("type").asText())) {
      throw bad(where, "expected an object with \"type\": \"Feature\", got " + brief(f));
    }
    String id = f.hasNonNull("id") ? f.get("id").asText() : null;
    String at = id == null ? where : where + " (id " + id + ")";
    JsonNode g = f.get("geometry");
    Geometry geometry =
        g == null || g.isNull() ? Json.FACTORY.createGeometryCollection() : geometry(g, at);
    return new GeoFeature(id, TopoJson.properties(f.path("properties")), geometry);
  }

  private static Geometry geometry(JsonNode g, String at) {
    String type = g.path("type").asText();
    if (!GEOMETRY_TYPES.contains(type)) {
      throw bad(
          at,
          "geometry \"type\" is \""
              + type
              + "\" (expected Point, MultiPoint, LineString, MultiLineString, Polygon,"
              + " MultiPolygon or GeometryCollection)");
    }
    try {
      Geometry geometry = new GeoJsonReader(Json.FACTORY).read(g.toString());
      geometry.setSRID(4326);
      return geometry;
    } catch (ParseException | RuntimeException e) {
      // The JTS reader signals malformed coordinates with class-cast and index errors.
      throw bad(
          at,
          "the "
              + type
              + " geometry is malformed (expected coordinates as nested arrays of [longitude,"
              + " latitude]): "
              + e.getMessage());
    }
  }

  private static String brief(JsonNode n) {
    String s = n.toString();
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private static HarmattanException bad(String where, String what) {
    return HarmattanException.userInput(ProblemCode.BOUNDARY_FILE_INVALID, where + ": " + what);
  }
}

package org.harmattan.reference.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Reads boundary files of either format, told apart by content ({@code "type": "Topology"} is
 * TopoJSON, anything else must be GeoJSON), and turns features into {@link AdminArea}s.
 */
public final class BoundaryFiles {
  /** Properties that hold an area's name, in order of preference (world-atlas, COD, GADM). */
  static final List<String> NAME_KEYS =
      List.of(
          "name",
          "NAME",
          "ADM1_EN",
          "ADM1_FR",
          "admin1Name_en",
          "admin1Name_fr",
          "admin1Name",
          "ADM0_EN",
          "ADM0_FR",
          "admin0Name_en",
          "admin0Name",
          "NAME_1",
          "NAME_0",
          "name_en",
          "NAME_EN",
          "ADMIN");

  /** Properties that hold an area's code when the feature has no id. */
  static final List<String> ID_KEYS =
      List.of(
          "ADM1_PCODE",
          "admin1Pcode",
          "ADM0_PCODE",
          "admin0Pcode",
          "GID_1",
          "GID_0",
          "ISO_A3",
          "iso_a3",
          "ISO_N3",
          "code",
          "id");

  private BoundaryFiles() {}

  /**
   * Every feature of a GeoJSON file, or of a TopoJSON file's first object (world-atlas puts {@code
   * countries} before {@code land}; COD and mapshaper files hold one object).
   */
  public static List<GeoFeature> read(Path file) {
    return decode(Json.readTree(file), file.toString());
  }

  /** As {@link #read(Path)}, from a stream; {@code fileName} is used in error messages. */
  public static List<GeoFeature> read(InputStream in, String fileName) throws IOException {
    return decode(Json.readTree(in, fileName), fileName);
  }

  private static List<GeoFeature> decode(JsonNode root, String fileName) {
    if (!"Topology".equals(root.path("type").asText())) {
      return GeoJson.decode(root, fileName);
    }
    Iterator<String> names = root.path("objects").fieldNames();
    return TopoJson.decode(root, fileName, names.hasNext() ? names.next() : null);
  }

  /**
   * The features as areas of {@code level}: the name from the first of {@link #NAME_KEYS} present,
   * the id from the feature's id or the first of {@link #ID_KEYS}, else the name. Features without
   * a polygonal geometry are refused, as are features without a name.
   *
   * @throws HarmattanException (user input) naming the file and feature index
   */
  public static List<AdminArea> toAreas(List<GeoFeature> features, int level, String fileName) {
    List<AdminArea> out = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      GeoFeature f = features.get(i);
      String where = fileName + ", feature " + i + (f.id() == null ? "" : " (id " + f.id() + ")");
      String name =
          f.findProperty(NAME_KEYS.toArray(new String[0]))
              .orElseThrow(
                  () ->
                      HarmattanException.userInput(
                          ProblemCode.BOUNDARY_FILE_INVALID,
                          where
                              + ": no name property (expected one of "
                              + String.join(", ", NAME_KEYS)
                              + "; it has "
                              + f.properties().keySet()
                              + ")"));
      Geometry g = f.geometry();
      if (!g.isEmpty() && !(g instanceof Polygonal) && g.getDimension() != 2) {
        throw HarmattanException.userInput(
            ProblemCode.BOUNDARY_FILE_INVALID,
            where
                + " ("
                + name
                + "): geometry is a "
                + g.getGeometryType()
                + " (expected a Polygon or MultiPolygon outline)");
      }
      String id =
          f.id() != null ? f.id() : f.findProperty(ID_KEYS.toArray(new String[0])).orElse(name);
      out.add(new AdminArea(id, name, level, g));
    }
    return out;
  }
}

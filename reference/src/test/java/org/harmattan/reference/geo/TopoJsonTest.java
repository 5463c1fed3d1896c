package org.harmattan.reference.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** The TopoJSON rules on hand-made topologies whose decoded positions are worked out here. */
class TopoJsonTest {
  private static List<GeoFeature> topo(String json) throws IOException {
    return TopoJson.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.topo.json", null);
  }

  private static List<GeoFeature> geo(String json) throws IOException {
    return GeoJson.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "g.geojson");
  }

  /**
   * Two squares sharing the edge x = 1: arc 0 is the shared edge (1,0)→(1,1), arc 1 the rest of the
   * left square, arc 2 the rest of the right square. Quantized with scale 0.5 and translate (10,
   * 20), delta-encoded: positions (2,0),(2,2) encode as [2,0],[0,2].
   */
  private static final String TWO_SQUARES =
      """
      {"type":"Topology",
       "transform":{"scale":[0.5,0.5],"translate":[10,20]},
       "arcs":[[[2,0],[0,2]],
               [[2,2],[-2,0],[0,-2],[2,0]],
               [[2,0],[2,0],[0,2],[-2,0]]],
       "objects":{"squares":{"type":"GeometryCollection","geometries":[
         {"type":"Polygon","id":"L","properties":{"name":"Left","pop":12},"arcs":[[0,1]]},
         {"type":"MultiPolygon","id":"R","properties":{"name":"Right"},"arcs":[[[2,-1]]]},
         {"type":null,"id":"N","properties":{"name":"Nothing"}}
       ]}}}
      """;

  @Test
  void quantizedDeltaEncodedArcsAndReversedIndices() throws IOException {
    List<GeoFeature> fs = topo(TWO_SQUARES);

    assertThat(fs).extracting(GeoFeature::id).containsExactly("L", "R", "N");
    assertThat(fs.get(0).properties()).containsEntry("name", "Left").containsEntry("pop", "12");
    Polygon left = (Polygon) fs.get(0).geometry();
    // Arc 0: (11,20) (11,21); arc 1 from (11,21): (10,21) (10,20) (11,20).
    assertThat(left.getExteriorRing().getCoordinates())
        .containsExactly(
            new Coordinate(11, 20),
            new Coordinate(11, 21),
            new Coordinate(10, 21),
            new Coordinate(10, 20),
            new Coordinate(11, 20));
    MultiPolygon right = (MultiPolygon) fs.get(1).geometry();
    // Arc 2: (11,20) (12,20) (12,21) (11,21); then arc 0 reversed: (11,21) (11,20).
    assertThat(right.getGeometryN(0).getCoordinates())
        .containsExactly(
            new Coordinate(11, 20),
            new Coordinate(12, 20),
            new Coordinate(12, 21),
            new Coordinate(11, 21),
            new Coordinate(11, 20));
    assertThat(left.getArea()).isEqualTo(1.0);
    assertThat(right.getArea()).isEqualTo(1.0);
    assertThat(fs.get(2).geometry().isEmpty()).isTrue();
  }

  @Test
  void withoutTransformPositionsAreAbsolute() throws IOException {
    List<GeoFeature> fs =
        topo(
            """
            {"type":"Topology","arcs":[[[0,0],[4,0],[4,3],[0,0]]],
             "objects":{"t":{"type":"Polygon","arcs":[[0]]},
                        "p":{"type":"Point","coordinates":[1.5,2.5]}}}
            """);

    assertThat(fs.get(0).geometry().getArea()).isEqualTo(6.0);
    assertThat(fs.get(1).geometry().getCoordinate()).isEqualTo(new Coordinate(1.5, 2.5));
  }

  @Test
  void badInputNamesTheFileFeatureAndWhatWasExpected() {
    assertThatThrownBy(
            () ->
                topo(
                    """
                    {"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,0]]],
                     "objects":{"o":{"type":"GeometryCollection","geometries":[
                       {"type":"Polygon","arcs":[[0]]},
                       {"type":"Polygon","id":"X","arcs":[[5]]}]}}}
                    """))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("t.topo.json, object 'o', feature 1 (id X)")
        .hasMessageContaining("arc index 5 is out of range (the file has 1 arcs)");
    assertThatThrownBy(() -> topo("{\"type\":\"FeatureCollection\",\"features\":[]}"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("expected a TopoJSON object");
    assertThatThrownBy(() -> topo("{\"type\":\"Topology\", \"arcs\": [[[0,0]"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("t.topo.json: not JSON at line 1");
    assertThatThrownBy(
            () ->
                topo(
                    """
                    {"type":"Topology","arcs":[[[0,0],[1,0],[1,1]]],
                     "objects":{"o":{"type":"GeometryCollection","geometries":[
                       {"type":"Polygon","arcs":[[0]]}]}}}
                    """))
        .hasMessageContaining("feature 0, ring 0: the ring's arcs do not close");
  }

  @Test
  void geoJsonFeaturesCollectionsAndBareGeometries() throws IOException {
    List<GeoFeature> fc =
        geo(
            """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":"A","properties":{"ADM1_FR":"Ségou","ADM1_PCODE":"ML05"},
               "geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}},
              {"type":"Feature","properties":{"name":"Empty"},"geometry":null}]}
            """);
    List<GeoFeature> bare =
        geo("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}");

    assertThat(fc).hasSize(2);
    assertThat(fc.get(0).geometry().getArea()).isEqualTo(4.0);
    assertThat(BoundaryFiles.toAreas(fc.subList(0, 1), 1, "g"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("Ségou");
              assertThat(a.id()).isEqualTo("A");
            });
    assertThat(fc.get(1).geometry().isEmpty()).isTrue();
    assertThat(bare.get(0).geometry().getArea()).isEqualTo(0.5);
  }

  @Test
  void geoJsonErrorsNameTheFeature() {
    assertThatThrownBy(
            () ->
                geo(
                    """
                    {"type":"FeatureCollection","features":[
                      {"type":"Feature","properties":{},"geometry":{"type":"Polygon",
                       "coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
                      {"type":"Feature","properties":{},"geometry":{"type":"Polygon",
                       "coordinates":"nonsense"}}]}
                    """))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("g.geojson, feature 1")
        .hasMessageContaining("Polygon geometry is malformed");
    assertThatThrownBy(() -> geo("{\"type\":\"Topology\"}"))
        .hasMessageContaining("expected FeatureCollection, Feature or a GeoJSON geometry type");
    assertThatThrownBy(
            () ->
                BoundaryFiles.toAreas(
                    geo(
                        """
                        {"type":"Feature","properties":{"pop":3},
                         "geometry":{"type":"Point","coordinates":[1,2]}}
                        """),
                    1,
                    "g.geojson"))
        .hasMessageContaining("g.geojson, feature 0: no name property");
  }
}

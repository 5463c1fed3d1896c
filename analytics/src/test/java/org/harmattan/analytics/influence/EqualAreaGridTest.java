package org.harmattan.analytics.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.reference.geo.ReferenceGeography;
import org.harmattan.reference.profile.CountryProfiles;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class EqualAreaGridTest {
  /** Area of a longitude/latitude rectangle on a sphere: R² Δλ (sin φ2 − sin φ1). */
  private static double areaKm2(Envelope e) {
    double r = 6371.0088;
    return r
        * r
        * Math.toRadians(e.getMaxX() - e.getMinX())
        * (Math.sin(Math.toRadians(e.getMaxY())) - Math.sin(Math.toRadians(e.getMinY())));
  }

  @Test
  void everyCellCoversOneHundredSquareKilometres() {
    EqualAreaGrid g = new EqualAreaGrid(17, 10);

    for (double lat : new double[] {0, 10.5, 17, 24.9}) {
      Envelope e = g.bounds(g.cellOf(lat, -3.3));
      assertThat(areaKm2(e)).as("at %s°", lat).isCloseTo(100, within(1e-6));
      assertThat(e.contains(-3.3, lat)).isTrue();
    }
  }

  @Test
  void aSquareOfOneDegreeIsCoveredByTheCellsItTouches() {
    EqualAreaGrid g = new EqualAreaGrid(15, 10);
    GeometryFactory gf = new GeometryFactory();

    var cells = g.cover(gf.toGeometry(new Envelope(-4, -3, 15, 16)));

    // x = R λ cos 15°, y = R sin φ / cos 15° (R = 6371.0088 km): x from -429.62 km (4 W, column
    // -43) to -322.22 km (3 W, column -33), 11 columns; y from 1707.11 km (15 N, row 170) to
    // 1818.04 km (16 N, row 181), 12 rows. Every cell of that block touches the square.
    assertThat(cells.size()).isEqualTo(11 * 12);
    assertThat(cells)
        .contains(
            new EqualAreaGrid.Key(-43, 170),
            new EqualAreaGrid.Key(-33, 170),
            new EqualAreaGrid.Key(-43, 181),
            new EqualAreaGrid.Key(-33, 181));
    double area = cells.stream().mapToDouble(k -> areaKm2(g.bounds(k))).sum();
    assertThat(area).isCloseTo(cells.size() * 100.0, within(1e-3));
  }

  /** Every cell of the outline's box tested whole against the outline, column by column. */
  private static List<EqualAreaGrid.Key> cellByCell(EqualAreaGrid g, Geometry outline) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(outline);
    Envelope e = outline.getEnvelopeInternal();
    EqualAreaGrid.Key min = g.cellOf(e.getMinY(), e.getMinX());
    EqualAreaGrid.Key max = g.cellOf(e.getMaxY(), e.getMaxX());
    List<EqualAreaGrid.Key> out = new ArrayList<>();
    for (int c = min.column(); c <= max.column(); c++) {
      for (int r = min.row(); r <= max.row(); r++) {
        EqualAreaGrid.Key k = new EqualAreaGrid.Key(c, r);
        if (prepared.intersects(outline.getFactory().toGeometry(g.bounds(k)))) {
          out.add(k);
        }
      }
    }
    return out;
  }

  @Test
  void theCoverOfMalisOutlineIsTheCellsThatTouchItTestedOneByOne() {
    Geometry mali =
        ReferenceGeography.load(CountryProfiles.shipped().find("MLI").orElseThrow())
            .country()
            .geometry();

    for (double lat0 : new double[] {11.3, 14.0, 17.05}) {
      EqualAreaGrid g = new EqualAreaGrid(lat0, 10);
      List<EqualAreaGrid.Key> expected = cellByCell(g, mali);

      assertThat(g.cover(mali)).as("standard parallel %s", lat0).isEqualTo(expected);
      assertThat(expected.size()).isGreaterThan(10_000);
    }
  }

  @Test
  void holesAndIslandsSmallerThanACellAreCoveredAsCellByCell() throws ParseException {
    // A square with a square hole, and an island of about 1 km² off its corner.
    Geometry outline =
        new WKTReader()
            .read(
                "MULTIPOLYGON (((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1)),"
                    + " ((3.5 3.5, 3.51 3.5, 3.51 3.51, 3.5 3.51, 3.5 3.5)))");
    EqualAreaGrid g = new EqualAreaGrid(1.5, 10);

    List<EqualAreaGrid.Key> cover = g.cover(outline);

    assertThat(cover).isEqualTo(cellByCell(g, outline));
    assertThat(cover).contains(g.cellOf(3.505, 3.505));
    assertThat(cover).doesNotContain(g.cellOf(1.5, 1.5));
  }
}

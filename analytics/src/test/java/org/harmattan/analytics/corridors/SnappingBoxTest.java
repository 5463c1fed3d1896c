package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.reference.profile.CountryProfile.CorridorSpec;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.roads.RoadNetwork;
import org.junit.jupiter.api.Test;

/**
 * The box around a segment holds every point the snapping measures within the distance, and is no
 * wider than that: a degree of latitude is 111.19508 km (R = 6371.0088 km), a degree of longitude
 * that times the cosine of the latitude.
 */
class SnappingBoxTest {
  private static final double KM_PER_DEGREE = 6371.0088 * Math.PI / 180;

  @Test
  void aSegmentAlongAParallelIsWidenedByTheDistanceAtTheBoxsWidestParallel() {
    EventFilter.Box b = Snapping.box(12, -8, 12, -7, 10);

    double dLat = 10 / KM_PER_DEGREE;
    assertThat(b.south()).isCloseTo(12 - dLat, within(1e-8));
    assertThat(b.north()).isCloseTo(12 + dLat, within(1e-8));
    double dLon = 10 / (KM_PER_DEGREE * Math.cos(Math.toRadians(12 + dLat)));
    assertThat(b.west()).isCloseTo(-8 - dLon, within(1e-8));
    assertThat(b.east()).isCloseTo(-7 + dLon, within(1e-8));
    // A point 10 km due north of the middle is measured at 10 km and lies inside; one 10.01 km
    // north lies outside, and is farther than 10 km.
    assertThat(Snapping.toSegment(12 + dLat, -7.5, 12, -8, 12, -7).distanceKm())
        .isCloseTo(10, within(1e-9));
    assertThat(b.contains(12 + dLat, -7.5)).isTrue();
    assertThat(b.contains(12 + 10.01 / KM_PER_DEGREE, -7.5)).isFalse();
  }

  @Test
  void everyPointWithinTheDistanceLiesInTheBox() {
    SplittableRandom random = new SplittableRandom(20_181_231);
    int within = 0;
    for (int i = 0; i < 200_000; i++) {
      double aLat = random.nextDouble(-75, 75);
      double aLon = random.nextDouble(-170, 170);
      double bLat = aLat + random.nextDouble(-1, 1);
      double bLon = aLon + random.nextDouble(-1, 1);
      double km = random.nextDouble(1, 60);
      EventFilter.Box box = Snapping.box(aLat, aLon, bLat, bLon, km);
      double lat = Math.min(aLat, bLat) + random.nextDouble(-1.5, 2.5) * Math.abs(bLat - aLat);
      double lon = Math.min(aLon, bLon) + random.nextDouble(-1.5, 2.5) * Math.abs(bLon - aLon);
      lat += random.nextDouble(-1, 1) * km / KM_PER_DEGREE;
      lon += random.nextDouble(-3, 3) * km / KM_PER_DEGREE;
      if (Snapping.toSegment(lat, lon, aLat, aLon, bLat, bLon).distanceKm() <= km) {
        within++;
        assertThat(box.contains(lat, lon))
            .as(
                "point %s, %s within %s km of %s, %s – %s, %s",
                lat, lon, km, aLat, aLon, bLat, bLon)
            .isTrue();
      }
    }
    // The cases are not vacuous: many points fall within the distance.
    assertThat(within).isGreaterThan(20_000);
  }

  @Test
  void nearAPoleOrTheAntimeridianTheBoxSpansEveryLongitude() {
    assertThat(Snapping.box(89.95, 10, 89.99, 11, 20))
        .extracting(EventFilter.Box::west, EventFilter.Box::east, EventFilter.Box::north)
        .containsExactly(-180.0, 180.0, 90.0);
    EventFilter.Box dateLine = Snapping.box(-17, 179.95, -17.1, 179.99, 10);
    assertThat(dateLine.west()).isEqualTo(-180.0);
    assertThat(dateLine.east()).isEqualTo(180.0);
    assertThat(dateLine.contains(-17.05, -179.99)).isTrue();
  }

  @Test
  void aCorridorsBoxesHoldItsSegmentsBoxesAndJoinNeighbours() {
    Corridor line = corridor(12, -8, 12, -7.5, 12, -6.8, 14, -6.8);
    List<EventFilter.Box> boxes = Corridors.neighbourhood(List.of(line), 10);
    // The two segments along the parallel share a box; the one north would widen it by more than a
    // degree beyond its own box, so it has its own.
    assertThat(boxes).hasSize(2);
    for (Corridor.Segment s : line.segments()) {
      EventFilter.Box own =
          Snapping.box(
              s.from().latitude(), s.from().longitude(), s.to().latitude(), s.to().longitude(), 10);
      assertThat(boxes)
          .anySatisfy(
              b -> {
                assertThat(b.south()).isLessThanOrEqualTo(own.south());
                assertThat(b.west()).isLessThanOrEqualTo(own.west());
                assertThat(b.north()).isGreaterThanOrEqualTo(own.north());
                assertThat(b.east()).isGreaterThanOrEqualTo(own.east());
              });
    }
  }

  /** A corridor through the nodes at the given latitude, longitude pairs. */
  private static Corridor corridor(double... latLon) {
    List<RoadNetwork.Node> nodes = new ArrayList<>();
    for (int i = 0; i < latLon.length; i += 2) {
      nodes.add(new RoadNetwork.Node("n" + i, "road", latLon[i], latLon[i + 1], 0, "TST"));
    }
    List<Corridor.Segment> segments = new ArrayList<>();
    for (int i = 1; i < nodes.size(); i++) {
      segments.add(new Corridor.Segment(i - 1, nodes.get(i - 1), nodes.get(i), 1, "s", "t"));
    }
    CorridorSpec spec =
        new CorridorSpec(
            "line",
            "Line",
            List.of(),
            new NamedPlace("end", latLon[latLon.length - 2], latLon[latLon.length - 1]));
    return new Corridor(spec, List.of(), nodes, segments);
  }
}

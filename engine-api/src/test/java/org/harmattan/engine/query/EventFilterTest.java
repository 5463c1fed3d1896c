package org.harmattan.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;

/**
 * What a filter accepts and how it states itself; what filters select is the engine contract's
 * business.
 */
class EventFilterTest {
  private static final Period MAY = new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31));
  private static final EventFilter MALI = EventFilter.of("MLI", MAY);

  @Test
  void aCirclesBoundsHoldEveryPointWithinItsDistance() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(6371);
    int inside = 0;
    for (int i = 0; i < 200_000; i++) {
      EventFilter.Near near =
          new EventFilter.Near(
              random.nextDouble(-89, 89), random.nextDouble(-179, 179), random.nextDouble(1, 900));
      EventFilter.Box box = near.bounds();
      double reach = near.km() / 111.19 * 3;
      double lat = Math.max(-90, Math.min(90, near.latitude() + random.nextDouble(-1, 1) * reach));
      double lon = near.longitude() + random.nextDouble(-1, 1) * reach * 4;
      lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
      if (haversineKm(near.latitude(), near.longitude(), lat, lon) <= near.km()) {
        inside++;
        assertThat(box.contains(lat, lon)).as("%s, %s in %s", lat, lon, near).isTrue();
      }
    }
    assertThat(inside).isGreaterThan(10_000);
    // A circle of 111.19 km (one degree of arc) at the equator: one degree each way.
    EventFilter.Box equator = new EventFilter.Near(0, 10, 111.19508).bounds();
    assertThat(equator.south()).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(equator.east()).isCloseTo(11, org.assertj.core.api.Assertions.within(1e-6));
    // At 60 degrees a degree of longitude is half as long: asin(sin 1° / cos 60°) = 2.0003°.
    EventFilter.Box north = new EventFilter.Near(60, 10, 111.19508).bounds();
    assertThat(north.east() - 10)
        .isCloseTo(
            Math.toDegrees(Math.asin(Math.sin(Math.toRadians(1)) / 0.5)),
            org.assertj.core.api.Assertions.within(1e-6));
    // Reaching a pole or the antimeridian: every longitude.
    assertThat(new EventFilter.Near(89.5, 10, 100).bounds().west()).isEqualTo(-180);
    assertThat(new EventFilter.Near(-17, 179.9, 50).bounds().east()).isEqualTo(180);
  }

  private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1) / 2;
    double dLon = Math.toRadians(lon2 - lon1) / 2;
    double h =
        Math.sin(dLat) * Math.sin(dLat)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon)
                * Math.sin(dLon);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  }

  @Test
  void aBoxTakesTheWholeGlobeAndSinglePointsButNothingOffIt() {
    assertThat(new EventFilter.Box(-90, -180, 90, 180).contains(90, -180)).isTrue();
    assertThat(new EventFilter.Box(14.5, -3, 14.5, -3).contains(14.5, -3)).isTrue();

    assertThatThrownBy(() -> new EventFilter.Box(-91, 0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a box: south -91.0, west 0.0, north 10.0, east 1.0"
                + " (latitudes must lie in [-90, 90], longitudes in [-180, 180])");
    assertThatThrownBy(() -> new EventFilter.Box(0, -181, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longitudes in [-180, 180]");
    assertThatThrownBy(() -> new EventFilter.Box(0, 0, 90.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventFilter.Box(0, 0, 10, 180.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventFilter.Box(Double.NaN, 0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventFilter.Box(12, 0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("south must not be greater than north");
    assertThatThrownBy(() -> new EventFilter.Box(0, 170, 10, -170))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("west must not be greater than east");
  }

  @Test
  void aBoxHoldsItsEdges() {
    EventFilter.Box box = new EventFilter.Box(14.5, -3.0, 15.0, -1.5);

    assertThat(box.contains(15.0, -2.0)).isTrue();
    assertThat(box.contains(14.5, -3.0)).isTrue();
    assertThat(box.contains(14.5, -1.5)).isTrue();
    assertThat(box.contains(15.0001, -2.0)).isFalse();
    assertThat(box.contains(14.7, -3.0001)).isFalse();
  }

  @Test
  void aFatalityRangeIsNeverNegativeNorUpsideDown() {
    assertThat(MALI.withMinFatalities(5L).withMaxFatalities(5L).minFatalities()).isEqualTo(5L);

    assertThatThrownBy(() -> MALI.withMinFatalities(-1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minFatalities must not be negative: -1");
    assertThatThrownBy(() -> MALI.withMaxFatalities(-1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFatalities must not be negative: -1");
    assertThatThrownBy(() -> MALI.withMinFatalities(6L).withMaxFatalities(5L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minFatalities 6 is more than maxFatalities 5");
  }

  @Test
  void theCopyMethodsChangeOnlyTheirComponent() {
    EventFilter f =
        MALI.withSubEventTypes(Set.of("Attack"))
            .withBbox(new EventFilter.Box(10, -12, 25, 4))
            .withMinFatalities(1L)
            .withMaxFatalities(9L)
            .withAdmin1(Set.of("Mopti"));

    assertThat(f.subEventTypes()).containsExactly("Attack");
    assertThat(f.bbox()).isEqualTo(new EventFilter.Box(10, -12, 25, 4));
    assertThat(f.minFatalities()).isEqualTo(1L);
    assertThat(f.maxFatalities()).isEqualTo(9L);
    assertThat(f.admin1()).containsExactly("Mopti");
    assertThat(f.withPeriod(MAY).withBbox(null).withSubEventTypes(Set.of()))
        .isEqualTo(MALI.withAdmin1(Set.of("Mopti")).withMinFatalities(1L).withMaxFatalities(9L));
  }

  @Test
  void theNewRestrictionsAreStatedLikeTheOthers() {
    EventFilter f =
        MALI.withSubEventTypes(Set.of("Attack", "Armed clash"))
            .withBbox(new EventFilter.Box(10, -12.25, 25, 4.5));

    assertThat(f.describe())
        .isEqualTo(
            Map.of(
                "country", "MLI",
                "period", MAY.toString(),
                "sub_event_type", "Armed clash; Attack",
                "bbox", "latitude 10.0000 to 25.0000, longitude -12.2500 to 4.5000"));
    assertThat(MALI.withMinFatalities(5L).describe()).containsEntry("fatalities", "at least 5");
    assertThat(MALI.withMaxFatalities(0L).describe()).containsEntry("fatalities", "at most 0");
    assertThat(MALI.withMinFatalities(1L).withMaxFatalities(9L).describe())
        .containsEntry("fatalities", "1 to 9");
    assertThat(MALI.describe()).doesNotContainKeys("sub_event_type", "bbox", "fatalities");
    assertThat(MALI.withMinFatalities(1L).toCondition()).contains("fatalities in [at least 1]");
  }
}

package org.harmattan.analytics.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAndGeoTest {
  @Test
  void anExactLineHasItsSlopeAndNoUncertainty() {
    Trend t =
        Trend.fit(List.of(new double[] {0, 300}, new double[] {1, 280}, new double[] {2, 260}));

    assertThat(t.slope()).isCloseTo(-20, within(1e-12));
    assertThat(t.low()).isCloseTo(-20, within(1e-9));
    assertThat(t.high()).isCloseTo(-20, within(1e-9));
  }

  @Test
  void theIntervalFollowsStudentsT() {
    // x = 0..3, y = 0, 2, 1, 3: slope 0.8, residuals -0.3, 0.9, -0.9, 0.3, SSE 1.8, Sxx 5,
    // se = sqrt(1.8 / 2 / 5) = 0.42426..., t(0.975, 2) = 4.303.
    Trend t =
        Trend.fit(
            List.of(
                new double[] {0, 0},
                new double[] {1, 2},
                new double[] {2, 1},
                new double[] {3, 3}));

    assertThat(t.slope()).isCloseTo(0.8, within(1e-12));
    assertThat(t.high() - t.slope()).isCloseTo(4.303 * Math.sqrt(0.18), within(1e-9));
  }

  @Test
  void distancesAgreeWithTheSphericalLawOfCosines() {
    double lat1 = Math.toRadians(12.65);
    double lon1 = Math.toRadians(-8.0);
    double lat2 = Math.toRadians(13.4317);
    double lon2 = Math.toRadians(-6.2157);
    double cosines =
        Geo.EARTH_RADIUS_KM
            * Math.acos(
                Math.sin(lat1) * Math.sin(lat2)
                    + Math.cos(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1));

    assertThat(Geo.distanceKm(12.65, -8.0, 13.4317, -6.2157)).isCloseTo(cosines, within(1e-6));
    assertThat(Geo.distanceKm(12.65, -8.0, 12.65, -8.0)).isZero();
  }
}

package org.harmattan.analytics.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GetisOrdTest {

  /**
   * Four areas in a line, A – B – C – D, with 0, 0, 4, 0 events. By hand: n = 4, mean 1, Σx²/n = 4,
   * S = √3. A's neighbourhood {A, B}: W = 2, local sum 0, numerator 0 − 1·2 = −2, √((4·2 − 2²)/3) =
   * √(4/3), z = −2 / (√3 · √(4/3)) = −1. B {A, B, C}: W = 3, sum 4, numerator 1, √((12 − 9)/3) = 1,
   * z = 1/√3. C {B, C, D}: likewise 1/√3. D {C, D}: numerator 4 − 2 = 2, z = 2/2 = 1.
   */
  @Test
  void fourAreasInALineMatchTheHandComputation() {
    Map<String, Integer> x = new LinkedHashMap<>();
    x.put("A", 0);
    x.put("B", 0);
    x.put("C", 4);
    x.put("D", 0);
    Map<String, List<String>> nb =
        Map.of(
            "A", List.of("A", "B"),
            "B", List.of("A", "B", "C"),
            "C", List.of("B", "C", "D"),
            "D", List.of("C", "D"));

    Map<String, Double> z = GetisOrd.zScores(x, nb::get);

    assertThat(z.get("A")).isCloseTo(-1.0, within(1e-12));
    assertThat(z.get("B")).isCloseTo(1 / Math.sqrt(3), within(1e-12));
    assertThat(z.get("C")).isCloseTo(1 / Math.sqrt(3), within(1e-12));
    assertThat(z.get("D")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void constantValuesHaveNoStatistic() {
    Map<String, Integer> x = Map.of("A", 2, "B", 2, "C", 2);

    assertThat(GetisOrd.zScores(x, k -> List.of("A", "B", "C"))).isEmpty();
  }

  /**
   * On real H3 cells: a disk of radius 3 around a cell, events only in the centre cell. Written out
   * with the general weighted formula (Σ wij² kept apart from Σ wij) over the H3 ring-1
   * neighbourhood.
   */
  @Test
  void h3NeighbourhoodsAgreeWithTheGeneralFormula() throws Exception {
    H3Core h3 = H3Core.newInstance();
    long centre = h3.latLngToCell(14.5, -4.2, 5);
    List<Long> study = h3.gridDisk(centre, 3);
    Map<Long, Integer> x = new LinkedHashMap<>();
    for (long c : study) {
      x.put(c, c == centre ? 12 : 0);
    }
    x.put(h3.gridRing(centre, 3).get(0), 1);

    Map<Long, Double> z = GetisOrd.zScores(x, c -> h3.gridDisk(c, 1));

    int n = x.size();
    double mean = x.values().stream().mapToDouble(Integer::doubleValue).sum() / n;
    double s = Math.sqrt(x.values().stream().mapToDouble(v -> v * v).sum() / n - mean * mean);
    for (long i : study) {
      double sumW = 0;
      double sumW2 = 0;
      double sumWx = 0;
      List<Long> near = new ArrayList<>(h3.gridDisk(i, 1));
      for (long j : study) {
        double w = near.contains(j) ? 1 : 0;
        sumW += w;
        sumW2 += w * w;
        sumWx += w * x.get(j);
      }
      double expected =
          (sumWx - mean * sumW) / (s * Math.sqrt((n * sumW2 - sumW * sumW) / (n - 1)));
      assertThat(z.get(i)).as("cell %x", i).isCloseTo(expected, within(1e-9));
    }
    assertThat(z.get(centre)).isGreaterThan(GetisOrd.Z95);
  }
}

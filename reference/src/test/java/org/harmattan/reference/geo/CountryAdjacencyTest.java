package org.harmattan.reference.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Neighbours from the installed outlines: land borders, narrow straits, symmetry. */
class CountryAdjacencyTest {
  private final Map<String, List<String>> n = CountryAdjacency.byNumericCode();

  @Test
  void maliBordersItsSevenNeighbours() {
    // Algeria, Côte d'Ivoire, Guinea, Mauritania, Niger, Senegal, Burkina Faso.
    assertThat(n.get("466"))
        .containsExactlyInAnyOrder("012", "384", "324", "478", "562", "686", "854");
  }

  @Test
  void aNarrowStraitCountsAndTheOceanDoesNot() {
    assertThat(n.get("724")).as("Spain").contains("504"); // Morocco across Gibraltar
    assertThat(n.get("826")).as("United Kingdom").contains("250"); // France across Dover
    assertThat(n.get("076")).as("Brazil").doesNotContain("710", "566"); // South Africa, Nigeria
  }

  @Test
  void neighbourhoodIsSymmetric() {
    n.forEach(
        (a, near) -> {
          for (String b : near) {
            assertThat(n.get(b)).as(b + " lists " + a).contains(a);
          }
        });
  }
}

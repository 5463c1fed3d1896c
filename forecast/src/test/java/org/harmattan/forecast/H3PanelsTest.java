package org.harmattan.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which panels are of H3 cells, and a cell's neighbours in the panel. */
class H3PanelsTest {
  private static MonthlyPanel panel(String... ids) {
    List<Unit> units = java.util.Arrays.stream(ids).map(id -> new Unit(id, id, "MLI")).toList();
    return MonthlyPanel.of(units, YearMonth.of(2020, 1), new double[ids.length][2]);
  }

  @Test
  void regionNamesAndCountryCodesAreNotCells() {
    assertThat(H3Panels.isCellPanel(panel("Bamako", "Mopti"))).isFalse();
    assertThat(H3Panels.isCellPanel(panel("MLI"))).isFalse();
    assertThat(H3Panels.isCellPanel(panel("8558c3b7fffffff", "Gao"))).isFalse();
    assertThat(H3Panels.isCellPanel(panel())).isFalse();
  }

  @Test
  void cellsAreCellsAndTheirNeighboursAreTheRingTheyHold() {
    // Bamako's resolution-5 cell, one cell of its ring, and a cell far away (Gao).
    String bamako = "855440d3fffffff";
    com.uber.h3core.H3Core core;
    try {
      core = com.uber.h3core.H3Core.newInstance();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String next =
        core.gridDisk(bamako, 1).stream().filter(c -> !c.equals(bamako)).findFirst().orElseThrow();
    String gao = core.latLngToCellAddress(16.27, -0.04, 5);
    MonthlyPanel p = panel(bamako, next, gao);
    assertThat(H3Panels.isCellPanel(p)).isTrue();
    var n = H3Panels.neighbours(p);
    assertThat(n.get(bamako)).containsExactly(next);
    assertThat(n.get(next)).containsExactly(bamako);
    assertThat(n).doesNotContainKey(gao);
  }
}

package org.harmattan.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scorer against the competition's own per-cell scores: the published draws of each benchmark
 * scored against the v2 actuals give the published CRPS, IGN and MIS of every cell, to 1e-6.
 * Conflictology's IGN is the exception: the competition resampled its 12 draws at random to 1,000
 * before binning, which no seed reproduces; its CRPS and MIS are checked.
 */
class PublishedScoresTest {

  @ParameterizedTest
  @CsvSource({
    "bm_conflictology, 2018", "bm_conflictology, 2019", "bm_conflictology, 2020",
    "bm_conflictology, 2021", "bm_conflictology, 2022", "bm_zero, 2018",
    "bm_last_historical_poisson, 2018", "bm_last_historical_poisson, 2022", "bm_boot_240, 2020"
  })
  void everyCellScoresAsPublished(String benchmark, int year) {
    Map<String, double[]> draws = ViewsFiles.draws(benchmark, year);
    Map<String, Double> actuals = ViewsFiles.actuals();
    List<String> scores =
        benchmark.equals("bm_conflictology")
            ? List.of("crps", "mis")
            : List.of("crps", "ign", "mis");
    for (String score : scores) {
      Map<String, Double> published = ViewsFiles.scores(benchmark, year, score);
      assertThat(published).hasSize(191 * 12);
      for (Map.Entry<String, Double> cell : published.entrySet()) {
        double[] d = draws.get(cell.getKey());
        double y = actuals.get(cell.getKey());
        double ours =
            switch (score) {
              case "crps" -> Scores.crps(d, y);
              case "ign" -> Scores.ign(d, y);
              default -> Scores.mis(d, y, 0.1);
            };
        assertThat(ours)
            .as("%s %d %s of cell %s", benchmark, year, score, cell.getKey())
            .isCloseTo(cell.getValue(), org.assertj.core.api.Assertions.within(1e-6));
      }
    }
  }
}

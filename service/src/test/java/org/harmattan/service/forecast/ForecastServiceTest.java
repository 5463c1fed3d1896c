package org.harmattan.service.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.harmattan.forecast.MonthlyPanel;
import org.harmattan.forecast.Unit;
import org.junit.jupiter.api.Test;

/** The learned model's neighbours for a panel of countries. */
class ForecastServiceTest {
  @Test
  void countriesGetThePanelsUnitsOfTheirNeighbouringCountries() {
    List<Unit> units =
        List.of(
            new Unit("50", "Mali", "MLI"),
            new Unit("51", "Niger", "NER"),
            new Unit("52", "Burkina Faso", "BFA"),
            new Unit("90", "Brazil", "BRA"));
    MonthlyPanel panel = MonthlyPanel.of(units, YearMonth.of(2020, 1), new double[4][3]);
    var n = ForecastService.countryNeighbours(panel);
    assertThat(n.get("50")).containsExactlyInAnyOrder("51", "52");
    assertThat(n.get("51")).containsExactlyInAnyOrder("50", "52");
    assertThat(n).doesNotContainKey("90");
  }

  @Test
  void regionsOfOneCountryHaveNoNeighboursFromTheOutlines() {
    List<Unit> units = List.of(new Unit("Gao", "Gao", "MLI"), new Unit("Mopti", "Mopti", "MLI"));
    MonthlyPanel panel = MonthlyPanel.of(units, YearMonth.of(2020, 1), new double[2][3]);
    assertThat(ForecastService.countryNeighbours(panel)).isEmpty();
  }
}

package org.harmattan.domain.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class CadreHarmoniseEditionTest {
  @Test
  void aCurrentAnalysisIsNamedByItsExerciseOnly() {
    String name = CadreHarmoniseEdition.name("Sep-Dec", 2018, "current", "Sep-Dec", 2018);
    assertThat(name).isEqualTo("CH Sep-Dec 2018 current");
    assertThat(CadreHarmoniseEdition.exerciseStart(name)).contains(LocalDate.of(2018, 9, 1));
    assertThat(CadreHarmoniseEdition.projectedEnd(name)).isEmpty();
  }

  @Test
  void aProjectionNamesTheSeasonItProjects() {
    String name = CadreHarmoniseEdition.name("Sep-Dec", 2018, "projected", "Jun-Aug", 2019);
    assertThat(name).isEqualTo("CH Sep-Dec 2018 projected Jun-Aug 2019");
    assertThat(CadreHarmoniseEdition.exerciseStart(name)).contains(LocalDate.of(2018, 9, 1));
    assertThat(CadreHarmoniseEdition.projectedEnd(name)).contains(LocalDate.of(2019, 8, 31));
  }

  @Test
  void aSeasonAcrossNewYearEndsInTheNextYear() {
    String name = CadreHarmoniseEdition.name("Sep-Dec", 2014, "projected", "Oct-Feb", 2014);
    assertThat(CadreHarmoniseEdition.projectedEnd(name)).contains(LocalDate.of(2015, 2, 28));
  }

  @Test
  void otherNamesSayNothingOfAnExercise() {
    assertThat(CadreHarmoniseEdition.exerciseStart("DTM round 72")).isEmpty();
    assertThat(CadreHarmoniseEdition.exerciseStart("CH something 2018")).isEmpty();
    assertThat(CadreHarmoniseEdition.projectedEnd("HRP 2022")).isEmpty();
  }

  @Test
  void periodLabelsStartWithTheirFirstMonth() {
    assertThat(CadreHarmoniseEdition.startMonth("Jan-May")).isEqualTo(Month.JANUARY);
    assertThat(CadreHarmoniseEdition.startMonth(" june-august")).isEqualTo(Month.JUNE);
    assertThat(CadreHarmoniseEdition.startMonth("Q3")).isNull();
    assertThat(CadreHarmoniseEdition.startMonth(null)).isNull();
  }
}

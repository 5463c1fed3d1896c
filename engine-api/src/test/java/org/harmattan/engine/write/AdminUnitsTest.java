package org.harmattan.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.engine.write.AdminUnits.SourcedUnit;
import org.junit.jupiter.api.Test;

/**
 * The reference and reading rules of {@link AdminUnits}, one case per branch, worked out by hand
 * from the class comment.
 */
class AdminUnitsTest {
  private static final LocalDate D2021 = LocalDate.of(2021, 12, 20);
  private static final LocalDate D2023 = LocalDate.of(2023, 1, 1);

  private static SourcedUnit unit(String name, LocalDate validFrom, String sha, long line) {
    return new SourcedUnit(new AdminUnit("MLI", 2, "ML0502", name, "ML05", validFrom, line), sha);
  }

  private static List<String> chosenNames(List<SourcedUnit> units) {
    List<String> names = new ArrayList<>();
    for (AdminUnit u : AdminUnits.choose(units)) {
      names.add(u.name());
    }
    return names;
  }

  /** The choice must not depend on the order of the list, so every case is tried reversed too. */
  private static void assertChosen(List<SourcedUnit> units, String expected) {
    List<SourcedUnit> reversed = new ArrayList<>(units);
    Collections.reverse(reversed);
    assertThat(chosenNames(units)).containsExactly(expected);
    assertThat(chosenNames(reversed)).containsExactly(expected);
  }

  @Test
  void theUnitValidFromTheLaterDateNamesTheCode() {
    assertChosen(
        List.of(unit("Bankass", D2021, "bb", 5), unit("Bankass Cercle", D2023, "aa", 5)),
        "Bankass Cercle");
  }

  @Test
  void aUnitWithADateIsPreferredToOneWithout() {
    assertChosen(
        List.of(unit("Bankass", null, "aa", 5), unit("Bankass Cercle", D2021, "bb", 5)),
        "Bankass Cercle");
  }

  @Test
  void onTheSameDateTheFileWithTheSmallerHashWins() {
    assertChosen(
        List.of(unit("Bankass", D2021, "b7", 5), unit("Bankass Cercle", D2021, "a9", 5)),
        "Bankass Cercle");
    assertChosen(
        List.of(unit("Bankass", null, "00", 5), unit("Bankass Cercle", null, "ff", 5)), "Bankass");
  }

  @Test
  void withinOneFileTheEarlierLineWins() {
    assertChosen(
        List.of(unit("Bankass Cercle", D2021, "aa", 9), unit("Bankass", D2021, "aa", 4)),
        "Bankass");
  }

  @Test
  void oneUnitPerCodeInCodeOrder() {
    SourcedUnit region =
        new SourcedUnit(new AdminUnit("MLI", 1, "ML05", "Mopti", "MLI", D2021, 3), "aa");
    assertThat(AdminUnits.choose(List.of(unit("Bankass", D2021, "aa", 5), region)))
        .extracting(AdminUnit::pcode)
        .containsExactly("ML05", "ML0502");
  }

  private static ObservationRecord idps(String pcode, String note) {
    return new ObservationRecord(
        new Observation(
            "iom-dtm:aa:3",
            "iom-dtm",
            "DTM round 72",
            "idps",
            null,
            "MLI",
            2,
            pcode,
            "Bankass",
            D2021,
            1500,
            "people",
            new SourceRef("IOM DTM", "dtm.csv", "aa"),
            3),
        pcode,
        note);
  }

  @Test
  void aReadingCountsNewPlacedOtherwiseAndUnchangedRows() {
    ObservationRecord before = idps("ML0599", "code not in the admin reference");
    ObservationRecord after = idps("ML0502", "placed by name");
    ObservationRow row = new ObservationRow(List.of(after), List.of());
    assertThat(AdminUnits.outcome(List.of(row), 1, Map.of(), List.of()))
        .isEqualTo(new ObservationOutcome(1, 0, 0, 1));
    assertThat(
            AdminUnits.outcome(
                List.of(row), 0, Map.of(before.observation().recordId(), before), List.of()))
        .isEqualTo(new ObservationOutcome(0, 1, 0, 0));
    assertThat(
            AdminUnits.outcome(
                List.of(row), 0, Map.of(after.observation().recordId(), after), List.of()))
        .isEqualTo(new ObservationOutcome(0, 0, 1, 0));
  }

  @Test
  void aUnitHeldFromAnyFileOnAnyLineIsNotNew() {
    AdminUnit held = new AdminUnit("MLI", 2, "ML0502", "Bankass", "ML05", D2021, 5);
    AdminUnit sameOnAnotherLine = new AdminUnit("MLI", 2, "ML0502", "Bankass", "ML05", D2021, 40);
    AdminUnit renamed = new AdminUnit("MLI", 2, "ML0502", "Bankass Cercle", "ML05", D2023, 5);
    assertThat(
            AdminUnits.outcome(
                List.of(new ObservationRow(List.of(), List.of(sameOnAnotherLine))),
                0,
                Map.of(),
                List.of(held)))
        .isEqualTo(new ObservationOutcome(0, 0, 1, 0));
    assertThat(
            AdminUnits.outcome(
                List.of(new ObservationRow(List.of(), List.of(renamed))),
                0,
                Map.of(),
                List.of(held)))
        .isEqualTo(new ObservationOutcome(1, 0, 0, 0));
  }
}

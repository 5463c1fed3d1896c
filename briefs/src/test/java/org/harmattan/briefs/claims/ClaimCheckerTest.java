package org.harmattan.briefs.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.harmattan.briefs.MaliStore;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One case per verdict, on the real Mali store; expected values are the golden figures. */
class ClaimCheckerTest {
  @TempDir Path dir;

  private static Claim claim(String figure, String from, String to, double value, double tol) {
    return new Claim(
        "c",
        "",
        figure,
        "MLI",
        LocalDate.parse(from),
        LocalDate.parse(to),
        value,
        Claim.Tolerance.of(tol),
        null);
  }

  private static List<ClaimResult> check(Claim... claims) throws Exception {
    try (DuckDbStore store = MaliStore.open()) {
      return new ClaimChecker(store.analytics(), Set.of(SourceSystem.ACLED), MaliStore.TODAY)
          .check(List.of(claims));
    }
  }

  @Test
  void aTrueStatementIsSupportedWithItsCitation() throws Exception {
    ClaimResult r = check(claim("events.total", "2018-01-01", "2018-12-31", 757, 0)).get(0);

    assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(r.computed().getValue()).isEqualTo(757);
    assertThat(r.computed().citation().recordCount()).isEqualTo(757);
    assertThat(r.computed().citation().eventIds()).hasSize(757);
  }

  @Test
  void aChangeAgainstANamedYearIsRecomputed() throws Exception {
    Claim c =
        new Claim(
            "x",
            "",
            "change.fatalities.violence_against_civilians.state_forces",
            "MLI",
            LocalDate.of(2018, 1, 1),
            LocalDate.of(2018, 12, 31),
            257.7,
            Claim.Tolerance.of(0.1),
            2017);

    ClaimResult r = check(c).get(0);

    assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(r.computed().getValue()).isCloseTo(100.0 * (93 - 26) / 26, within(1e-9));
    assertThat(r.computed().comparison().from()).isEqualTo(LocalDate.of(2017, 1, 1));
  }

  @Test
  void anOverstatementIsContradicted() throws Exception {
    ClaimResult r = check(claim("fatalities.total", "2018-01-01", "2018-12-31", 2500, 0)).get(0);

    assertThat(r.verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(r.computed().getValue()).isEqualTo(1762);
  }

  @Test
  void aWindowTheStoreDoesNotCoverIsNotComputable() throws Exception {
    ClaimResult r =
        check(
                claim(
                    "events.violence_against_civilians.state_forces",
                    "2025-01-01",
                    "2025-10-31",
                    239,
                    0))
            .get(0);

    assertThat(r.verdict()).isEqualTo(Verdict.NOT_COMPUTABLE);
    assertThat(r.computed()).isNull();
    assertThat(r.reason()).contains("MLI", "1997-01-06", "does not cover", "2025-10-31");
  }

  @Test
  void anUnknownFigureIsNotComputableAndNamesTheVocabulary() throws Exception {
    ClaimResult r = check(claim("deaths.everything", "2018-01-01", "2018-12-31", 1, 0)).get(0);

    assertThat(r.verdict()).isEqualTo(Verdict.NOT_COMPUTABLE);
    assertThat(r.reason()).contains("unknown figure id 'deaths.everything'", "events.total");
  }

  @Test
  void theShippedExampleFilesRead() {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Claim> mali2025 = ClaimsFile.read(root.resolve("examples/claims/mali-2025-11.yaml"));
    List<Claim> mali2018 = ClaimsFile.read(root.resolve("examples/claims/mali-2018.yaml"));

    assertThat(mali2025)
        .extracting(Claim::value)
        .containsExactly(239.0, 1021.0, 61.0, 6_400_000.0, 0.27);
    assertThat(mali2025.get(2).compareYear()).isEqualTo(2023);
    assertThat(mali2018).hasSize(4);
  }

  @Test
  void aBadClaimsFileSaysWhereAndWhat() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        "claims:\n  - id: a\n    figure: events.total\n    country: MLI\n    from: 2018-13-01\n"
            + "    to: 2018-12-31\n    value: 3\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ClaimsFile.read(f))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("claim 1 (a)")
        .hasMessageContaining("'from' is \"2018-13-01\" (expected yyyy-MM-dd)");
  }

  @Test
  void aRelativeToleranceIsAShareOfTheStatedValue() throws Exception {
    // 1,762 deaths: "1,800" is 2.2 % above, within 3 % (54 deaths) but not within 2 % (36).
    Claim loose =
        new Claim(
            "a",
            "",
            "fatalities.total",
            "MLI",
            LocalDate.of(2018, 1, 1),
            LocalDate.of(2018, 12, 31),
            1800,
            Claim.Tolerance.percent(3),
            null);
    Claim tight =
        new Claim(
            "b",
            "",
            "fatalities.total",
            "MLI",
            LocalDate.of(2018, 1, 1),
            LocalDate.of(2018, 12, 31),
            1800,
            Claim.Tolerance.percent(2),
            null);

    List<ClaimResult> r = check(loose, tight);

    assertThat(r)
        .extracting(ClaimResult::verdict)
        .containsExactly(Verdict.SUPPORTED, Verdict.CONTRADICTED);
    assertThat(loose.tolerance().around(1800)).isCloseTo(54, within(1e-9));
  }

  @Test
  void aToleranceIsANumberOrAPercentage() throws Exception {
    Path f = dir.resolve("t.yaml");
    Files.writeString(
        f,
        "claims:\n"
            + "  - {id: a, figure: events.total, country: MLI, from: 2018-01-01, to: 2018-12-31,"
            + " value: 757, tolerance: 2%}\n"
            + "  - {id: b, figure: events.total, country: MLI, from: 2018-01-01, to: 2018-12-31,"
            + " value: 757, tolerance: 3}\n",
        StandardCharsets.UTF_8);
    assertThat(ClaimsFile.read(f))
        .extracting(Claim::tolerance)
        .containsExactly(Claim.Tolerance.percent(2), Claim.Tolerance.of(3));

    Files.writeString(
        f,
        "claims:\n"
            + "  - {id: a, figure: events.total, country: MLI, from: 2018-01-01, to: 2018-12-31,"
            + " value: 757, tolerance: two percent}\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ClaimsFile.read(f))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("claim 1 (a): 'tolerance' is \"two percent\"")
        .hasMessageContaining("such as 2%");
  }
}

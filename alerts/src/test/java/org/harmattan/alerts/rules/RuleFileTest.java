package org.harmattan.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.harmattan.alerts.Severity;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileTest {
  @TempDir Path dir;

  @Test
  void readsEveryKindWithItsDefaultsAndOptions() {
    List<Rule> rules =
        RuleFile.parse(
            """
            rules:
              - id: mali-surge
                kind: acled-surge
                countries: [MLI, BFA]
                admin1: [Mopti]
                severity: Severe
              - id: hdx
                kind: hdx-signals
                countries: MLI
                severity: extreme
                sources: [acled, ucdp]
              - id: bamako
                kind: capital-radius
                countries: [MLI]
                severity: minor
                radius_km: 100
                quiet_months: 3
                capital: {name: Bamako, lat: 12.65, lon: -8.0}
              - id: odd
                kind: anomaly
                countries: [MLI]
                severity: moderate
                suppress_days: 0
                p_value_below: 0.01
            """,
            "rules.yaml");

    assertThat(rules).extracting(Rule::id).containsExactly("mali-surge", "hdx", "bamako", "odd");
    Rule surge = rules.get(0);
    assertThat(surge.kind()).isEqualTo(RuleKind.ACLED_SURGE);
    assertThat(surge.countries()).containsExactly("MLI", "BFA");
    assertThat(surge.admin1()).containsExactly("Mopti");
    assertThat(surge.severity()).isEqualTo(Severity.SEVERE);
    assertThat(surge.suppressDays()).isEqualTo(7);
    assertThat(surge.sources()).containsExactly(SourceSystem.ACLED);
    Rule hdx = rules.get(1);
    assertThat(hdx.countries()).containsExactly("MLI");
    assertThat(hdx.suppressDays()).isEqualTo(180);
    assertThat(hdx.sources()).containsExactlyInAnyOrder(SourceSystem.ACLED, SourceSystem.UCDP);
    Rule capital = rules.get(2);
    assertThat(capital.radiusKm()).isEqualTo(100.0);
    assertThat(capital.quietMonths()).isEqualTo(3);
    assertThat(capital.capital().name()).isEqualTo("Bamako");
    assertThat(capital.capital().latitude()).isEqualTo(12.65);
    assertThat(capital.suppressDays()).isZero();
    Rule anomaly = rules.get(3);
    assertThat(anomaly.pValueBelow()).isEqualTo(0.01);
    assertThat(anomaly.suppressDays()).isZero();
  }

  @Test
  void eachMistakeIsNamedWithItsRuleKeyAndWhatWasExpected() {
    String head = "rules:\n  - id: r1\n    kind: acled-surge\n    countries: [MLI]\n";
    assertRefused(head + "    severity: severe\n    severty: high\n", "rule 1 (r1)", "'severty'");
    assertRefused(head + "    severity: high\n", "rule 1 (r1)", "extreme, severe, moderate, minor");
    assertRefused(
        "rules:\n  - id: r1\n    kind: acled-sirge\n    countries: [MLI]\n    severity: minor\n",
        "unknown kind 'acled-sirge'",
        "acled-surge, acled-threat");
    assertRefused(
        "rules:\n  - id: r1\n    kind: acled-surge\n    severity: minor\n",
        "rule 1 (r1)",
        "'countries' is missing");
    assertRefused(
        "rules:\n  - id: r1\n    kind: acled-surge\n    countries: [Mali]\n    severity: minor\n",
        "'Mali'",
        "ISO 3166-1 alpha-3");
    assertRefused(head + "    severity: minor\n    suppress_days: -1\n", "suppress_days", "0 to");
    assertRefused(head + "    severity: minor\n    radius_km: 10\n", "'radius_km'", "acled-surge");
    assertRefused(
        head
            + "    severity: minor\n"
            + head.substring("rules:\n".length())
            + "    severity: minor\n",
        "rule 2",
        "used twice");
    assertRefused("rules: []\n", "rules.yaml", "non-empty list");
    assertRefused("rule:\n  - id: a\n", "rules.yaml", "'rules'");
    assertRefused("rules:\n  - id: [a\n", "rules.yaml: not valid YAML at line", "");
    assertRefused(
        "rules:\n  - id: b\n    kind: capital-radius\n    countries: [MLI]\n    severity: minor\n"
            + "    admin1: [Mopti]\n",
        "rule 1 (b)",
        "admin1 does not apply");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("none.yaml");
    assertThatThrownBy(() -> RuleFile.read(missing))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  private static void assertRefused(String yaml, String where, String expected) {
    assertThatThrownBy(() -> RuleFile.parse(yaml, "rules.yaml"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("rules.yaml: ")
        .hasMessageContaining(where)
        .hasMessageContaining(expected);
  }
}

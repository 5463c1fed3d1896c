package org.harmattan.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harmattan.alerts.Severity;
import org.harmattan.analytics.advisories.ChangeKind;
import org.harmattan.analytics.corridors.SegmentStatus;
import org.harmattan.domain.context.Government;
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
  void readsCorridorAndAdvisoryRulesWithPathsRelativeToTheFile() throws IOException {
    CorridorStatusRuleTest.writeRoads(dir.resolve("roads"));
    Path snapshots = Files.createDirectories(dir.resolve("advice"));
    Files.writeString(snapshots.resolve("b-uk.json"), "{}");
    Files.writeString(snapshots.resolve("a-us.xml"), "<rss/>");
    Files.writeString(snapshots.resolve("notes.txt"), "not a snapshot");
    Path file = dir.resolve("rules.yaml");
    Files.writeString(
        file,
        """
        rules:
          - {id: roads, kind: corridor-status, countries: [MLI], severity: severe, roads: roads}
          - id: reopened
            kind: corridor-status
            countries: [MLI]
            severity: minor
            roads: ./roads
            corridors: [dakar, abidjan]
            directions: [better]
            to: [open]
            buffer_km: 5
            suppress_days: 3
          - {id: advice, kind: advisory-change, countries: [MLI], severity: severe,
             advisories: [advice, advice/b-uk.json]}
          - {id: leave, kind: advisory-change, countries: [MLI, BFA], severity: extreme,
             advisories: advice/a-us.xml, changes: [leave-now-added], governments: [us, FR]}
        """);

    List<Rule> rules = RuleFile.read(file);

    Rule.CorridorConfig roads = rules.get(0).corridor();
    assertThat(roads.roads()).isEqualTo(dir.resolve("roads").toAbsolutePath());
    assertThat(roads.corridors()).isEmpty();
    assertThat(roads.directions()).containsExactly(Rule.Direction.WORSE);
    assertThat(roads.to()).containsExactlyInAnyOrder(SegmentStatus.values());
    assertThat(roads.bufferKm()).isEqualTo(10.0);
    assertThat(rules.get(0).suppressDays()).isZero();
    assertThat(rules.get(0).advisory()).isNull();
    Rule.CorridorConfig reopened = rules.get(1).corridor();
    assertThat(reopened.roads()).isEqualTo(roads.roads());
    assertThat(reopened.corridors()).containsExactly("dakar", "abidjan");
    assertThat(reopened.directions()).containsExactly(Rule.Direction.BETTER);
    assertThat(reopened.to()).containsExactly(SegmentStatus.OPEN);
    assertThat(reopened.bufferKm()).isEqualTo(5.0);
    assertThat(reopened.fires(SegmentStatus.DISRUPTED, SegmentStatus.OPEN)).isTrue();
    assertThat(reopened.fires(SegmentStatus.BLOCKED, SegmentStatus.DISRUPTED)).isFalse();
    assertThat(roads.fires(SegmentStatus.OPEN, SegmentStatus.BLOCKED)).isTrue();
    assertThat(roads.fires(SegmentStatus.BLOCKED, SegmentStatus.BLOCKED)).isFalse();
    // A folder gives its snapshots by name; a file named twice counts once.
    Rule.AdvisoryConfig advice = rules.get(2).advisory();
    assertThat(advice.files())
        .containsExactly(
            snapshots.resolve("a-us.xml").toAbsolutePath(),
            snapshots.resolve("b-uk.json").toAbsolutePath());
    assertThat(advice.changes())
        .containsExactlyInAnyOrder(ChangeKind.LEVEL_RAISED, ChangeKind.LEAVE_NOW_ADDED);
    assertThat(advice.governments()).containsExactlyInAnyOrder(Government.values());
    assertThat(rules.get(2).suppressDays()).isZero();
    Rule.AdvisoryConfig leave = rules.get(3).advisory();
    assertThat(leave.changes()).containsExactly(ChangeKind.LEAVE_NOW_ADDED);
    assertThat(leave.governments()).containsExactlyInAnyOrder(Government.US, Government.FR);
  }

  @Test
  void corridorAndAdvisoryMistakesAreNamed() throws IOException {
    CorridorStatusRuleTest.writeRoads(dir.resolve("roads"));
    Files.createDirectories(dir.resolve("empty"));
    String corridor =
        "rules:\n  - {id: c, kind: corridor-status, countries: [MLI], severity: minor";
    assertRefused(dir, corridor + "}\n", "rule 1 (c)", "the key 'roads' is missing");
    assertRefused(
        dir,
        corridor + ", roads: empty}\n",
        "roads 'empty' (" + dir.resolve("empty") + ")",
        "AfricaNetworkNodes.csv and AfricaNetworkEdges.csv");
    assertRefused(
        dir, corridor + ", roads: roads, directions: [up]}\n", "directions 'up'", "worse, better");
    assertRefused(
        dir,
        corridor + ", roads: roads, to: [closed]}\n",
        "to 'closed'",
        "open, disrupted, blocked");
    assertRefused(
        dir,
        corridor + ", roads: roads, to: [open]}\n",
        "to 'open' is never reached in the directions [worse]",
        "directions: [better]");
    assertRefused(
        dir,
        corridor + ", roads: roads, directions: [better], to: [blocked]}\n",
        "to 'blocked'",
        "directions: [worse]");
    assertRefused(dir, corridor + ", roads: roads, buffer_km: 0}\n", "'buffer_km'", "1.0 to 50.0");
    assertRefused(
        dir, corridor + ", roads: roads, admin1: [Kayes]}\n", "admin1 does not apply", "corridors");
    assertRefused(dir, corridor + ", roads: roads, advisories: [a]}\n", "'advisories'", "roads");
    String advisory =
        "rules:\n  - {id: a, kind: advisory-change, countries: [MLI], severity: minor";
    assertRefused(dir, advisory + "}\n", "rule 1 (a)", "the key 'advisories' is missing");
    assertRefused(
        dir,
        advisory + ", advisories: [none.json]}\n",
        "advisories 'none.json' (" + dir.resolve("none.json") + ") does not exist",
        ".json, .xml, .rss");
    assertRefused(
        dir, advisory + ", advisories: [empty]}\n", "advisories 'empty'", "holds no snapshot");
    assertRefused(
        dir,
        advisory + ", advisories: [roads/AfricaNetworkNodes.csv], changes: [raised]}\n",
        "changes 'raised'",
        "level-raised, level-lowered, leave-now-added");
    assertRefused(
        dir,
        advisory + ", advisories: [roads/AfricaNetworkNodes.csv], governments: [gb]}\n",
        "governments 'gb'",
        "uk, us, de, fr");
    assertRefused(
        dir,
        advisory + ", advisories: [roads/AfricaNetworkNodes.csv], sources: [acled]}\n",
        "unknown key 'sources' for kind advisory-change",
        "advisories, changes");
    assertRefused(
        dir,
        advisory + ", advisories: [roads/AfricaNetworkNodes.csv], changes: []}\n",
        "'changes'",
        "must not be empty");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("none.yaml");
    assertThatThrownBy(() -> RuleFile.read(missing))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  private static void assertRefused(Path base, String yaml, String where, String expected) {
    assertThatThrownBy(() -> RuleFile.parse(yaml, "rules.yaml", base))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("rules.yaml: ")
        .hasMessageContaining(where)
        .hasMessageContaining(expected);
  }

  private static void assertRefused(String yaml, String where, String expected) {
    assertThatThrownBy(() -> RuleFile.parse(yaml, "rules.yaml"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("rules.yaml: ")
        .hasMessageContaining(where)
        .hasMessageContaining(expected);
  }
}

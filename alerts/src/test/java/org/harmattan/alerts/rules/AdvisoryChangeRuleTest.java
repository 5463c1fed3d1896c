package org.harmattan.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.deliver.CapMessage;
import org.harmattan.alerts.deliver.CapSchema;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.profile.CountryProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advisory-change} on two snapshots of the Auswärtiges Amt's advice on Mali written here in
 * its open-data JSON: on 20 June 2025 a partial travel warning (Kidal and Gao) with travel advised
 * against elsewhere (level 3 for the whole country), on 3 November 2025 a travel warning for the
 * whole country (level 4) telling Germans to leave ("aufgefordert, das Land zu verlassen"); and a
 * list response of the same office that holds Niger only.
 */
class AdvisoryChangeRuleTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);
  private static final Period YEAR =
      new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
  private static final String JUNE =
      """
      {"response": {"lastModified": 1750406400000, "contentList": ["208258"],
        "208258": {"lastModified": 1750406400000, "effective": 1750406400000,
          "title": "Mali: Reise- und Sicherheitshinweise (Teilreisewarnung)",
          "countryCode": "ML", "iso3CountryCode": "MLI", "countryName": "Mali",
          "warning": false, "partialWarning": true, "situationWarning": true,
          "situationPartWarning": false,
          "content": "<p>Vor Reisen in folgende Landesteile wird gewarnt:</p><ul><li>Region Kidal</li><li>Region Gao</li></ul><p>Von Reisen in die &uuml;brigen Landesteile wird abgeraten.</p>"}}}
      """;
  private static final String NOVEMBER =
      """
      {"response": {"lastModified": 1762167600000, "contentList": ["208258"],
        "208258": {"lastModified": 1762167600000, "effective": 1762167600000,
          "title": "Mali: Reise- und Sicherheitshinweise (Reisewarnung)",
          "countryCode": "ML", "iso3CountryCode": "MLI", "countryName": "Mali",
          "warning": true, "partialWarning": false, "situationWarning": false,
          "situationPartWarning": false,
          "content": "<p>Vor Reisen nach Mali wird gewarnt. Deutsche Staatsangeh&ouml;rige werden dringend aufgefordert, das Land zu verlassen.</p>"}}}
      """;
  private static final String NIGER_LIST =
      """
      {"response": {"lastModified": 1762167600000, "contentList": ["208000"],
        "208000": {"lastModified": 1762167600000, "effective": 1762167600000,
          "title": "Niger: Reise- und Sicherheitshinweise (Reisewarnung)",
          "countryCode": "NE", "iso3CountryCode": "NER", "countryName": "Niger",
          "warning": true, "partialWarning": false, "situationWarning": false,
          "situationPartWarning": false}}}
      """;

  @TempDir Path dir;
  private InMemoryStore store;

  @BeforeEach
  void write() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("advisories"));
    Files.writeString(snapshots.resolve("de-mali-2025-06-20.json"), JUNE);
    Files.writeString(snapshots.resolve("de-mali-2025-11-03.json"), NOVEMBER);
    Files.writeString(snapshots.resolve("de-list-niger.json"), NIGER_LIST);
    // Not a snapshot: a folder contributes its .json, .xml and .rss files only.
    Files.writeString(snapshots.resolve("README.md"), "Saved by the watcher.\n");
    store = new InMemoryStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private RuleEvaluator.Result evaluate(String options) {
    String rules =
        "rules:\n  - {id: advice, kind: advisory-change, countries: [MLI], severity: severe,"
            + " advisories: [advisories]"
            + options
            + "}\n";
    return new RuleEvaluator(
            store.analytics(), TODAY, CountryProfiles.shipped(), AdvisoryFiles::read)
        .evaluate(RuleFile.parse(rules, "rules.yaml", dir), YEAR);
  }

  @Test
  void theRaisedLevelAndTheCallToLeaveMakeOneAlertOnTheDateOfTheLaterAdvice() throws IOException {
    RuleEvaluator.Result r = evaluate("");

    assertThat(r.alerts()).hasSize(1);
    Alert a = r.alerts().get(0);
    assertThat(a.id()).isEqualTo("advice:MLI:de:2025-11-03");
    assertThat(a.kind()).isEqualTo("advisory-change");
    assertThat(a.date()).isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(a.admin1()).isNull();
    assertThat(a.headline())
        .isEqualTo(
            "Travel advice change: Germany (Auswärtiges Amt), level raised, call to leave added"
                + " — Mali");
    assertThat(a.text())
        .isEqualTo(
            "Germany (Auswärtiges Amt) changed its travel advice on Mali on 3 November 2025,"
                + " against its snapshot of 20 June 2025: whole country raised from level 3"
                + " (reconsider travel / all but essential travel) to level 4 (do not travel);"
                + " now: warning; the advice now tells people in the country to leave:"
                + " \"aufgefordert, das Land zu verlassen\". Source:"
                + " https://www.auswaertiges-amt.de/opendata/travelwarning/208258.");
    assertThat(a.area().description()).isEqualTo("Mali");
    // Each level cites its snapshot by name and SHA-256, dated by the advice.
    Figure level = a.figures().get(0);
    assertThat(level.id()).isEqualTo("advisories.de.level");
    assertThat(level.value()).isEqualTo(4.0);
    assertThat(level.vintage()).isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(level.period()).isEqualTo(new Period(a.date(), a.date()));
    assertThat(level.citation().sources().get(0).dataset()).isEqualTo("de-mali-2025-11-03.json");
    assertThat(level.citation().sources().get(0).sha256())
        .isEqualTo(sha256(dir.resolve("advisories").resolve("de-mali-2025-11-03.json")));
    Figure before = a.figures().get(1);
    assertThat(before.id()).isEqualTo("advisories.de.level_before");
    assertThat(before.value()).isEqualTo(3.0);
    assertThat(before.period())
        .isEqualTo(new Period(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 11, 2)));
    assertThat(before.citation().sources().get(0).dataset()).isEqualTo("de-mali-2025-06-20.json");
    // The snapshots say nothing of the days after the last; a watch run looks at them again.
    assertThat(r.notes())
        .containsExactly(
            "rule advice, MLI: the latest snapshot of Germany (Auswärtiges Amt) is dated"
                + " 2025-11-03; a watch run looks at the days after it again");
    assertThat(r.evaluatedThrough()).containsEntry("advice", LocalDate.of(2025, 11, 3));
  }

  @Test
  void theChangesAndGovernmentsAskedForChooseWhatFires() {
    Alert areas = evaluate(", changes: [region-removed]").alerts().get(0);
    assertThat(areas.headline())
        .isEqualTo("Travel advice change: Germany (Auswärtiges Amt), area removed — Mali");
    assertThat(areas.text())
        .contains(
            ": Region Gao (level 4) no longer listed: the whole country is now at level 4;"
                + " Region Kidal (level 4) no longer listed: the whole country is now at level 4.");
    assertThat(evaluate(", changes: [level-lowered, leave-now-removed]").alerts()).isEmpty();
    RuleEvaluator.Result uk = evaluate(", governments: [uk]");
    assertThat(uk.alerts()).isEmpty();
    assertThat(uk.notes())
        .containsExactly(
            "rule advice, MLI: not evaluated: none of its 3 advisory snapshot(s) holds advice of"
                + " uk on the country");
    assertThat(uk.evaluatedThrough()).doesNotContainKey("advice");
  }

  @Test
  void daysBeforeTheChangeRaiseNothingAndItsAlertIsAValidCapMessage() {
    RuleEvaluator.Result early =
        new RuleEvaluator(store.analytics(), TODAY, CountryProfiles.shipped(), AdvisoryFiles::read)
            .evaluate(
                RuleFile.parse(
                    "rules:\n  - {id: advice, kind: advisory-change, countries: [MLI],"
                        + " severity: severe, advisories: [advisories/de-mali-2025-06-20.json,"
                        + " advisories/de-mali-2025-11-03.json]}\n",
                    "rules.yaml",
                    dir),
                new Period(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 11, 2)));
    assertThat(early.alerts()).isEmpty();
    assertThat(early.notes()).isEmpty();

    String xml =
        CapMessage.toXml(
            evaluate("").alerts().get(0),
            CapMessage.Options.of(
                "harmattan@localhost",
                CapMessage.Status.ACTUAL,
                Instant.parse("2025-11-04T06:00:00Z")));
    assertThat(CapSchema.validate(xml)).isEmpty();
    assertThat(xml).contains("<event>Travel advice change</event>");
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

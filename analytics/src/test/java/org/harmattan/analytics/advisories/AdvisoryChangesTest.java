package org.harmattan.analytics.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.AdvisoryLevel;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.EntryKind;
import org.harmattan.domain.context.Government;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.junit.jupiter.api.Test;

/** Change detection on pairs of the hand-written snapshots kept with the ingest readers. */
class AdvisoryChangesTest {
  private static final Path FIXTURES = Path.of("../ingest/src/test/resources/advisories");

  static AdvisoryReport report(String name) {
    return AdvisoryFiles.read(FIXTURES.resolve(name), "MLI");
  }

  static Advisory advisory(String name) {
    return AdvisoryLevels.normalise(report(name));
  }

  private static List<ChangeKind> kinds(List<AdvisoryChange> changes) {
    return changes.stream().map(AdvisoryChange::kind).toList();
  }

  @Test
  void levelsOnOneScale() {
    Advisory uk = advisory("uk-mali-2025-06.json");
    assertThat(uk.level()).isEqualTo(AdvisoryLevel.RECONSIDER);
    assertThat(uk.highest()).isEqualTo(AdvisoryLevel.DO_NOT_TRAVEL);
    assertThat(uk.regions()).hasSize(6).allMatch(r -> r.level() == AdvisoryLevel.DO_NOT_TRAVEL);
    assertThat(advisory("us-tastws-2025-10-01.xml").level()).isEqualTo(AdvisoryLevel.DO_NOT_TRAVEL);
    Advisory de = advisory("de-travelwarning-mali-2025-06.json");
    assertThat(de.level()).isEqualTo(AdvisoryLevel.RECONSIDER);
    assertThat(de.highest()).isEqualTo(AdvisoryLevel.DO_NOT_TRAVEL);
    Advisory fr = advisory("fr-conseils-2025-05.xml");
    assertThat(fr.level()).isEqualTo(AdvisoryLevel.RECONSIDER);
    assertThat(fr.regions()).allMatch(r -> r.level() == AdvisoryLevel.DO_NOT_TRAVEL);
    assertThat(advisory("fr-conseils-2025-11.xml").level()).isEqualTo(AdvisoryLevel.DO_NOT_TRAVEL);
    assertThat(uk.leaveNow()).isFalse();
  }

  @Test
  void ukRegionAddedThenWholeCountryRaisedWithLeaveNow() {
    List<AdvisoryChange> jun2sep =
        ChangeDetector.compare(advisory("uk-mali-2025-06.json"), advisory("uk-mali-2025-09.json"));
    assertThat(kinds(jun2sep)).containsExactly(ChangeKind.REGION_ADDED);
    assertThat(jun2sep.get(0).region()).isEqualTo("Kayes region");
    assertThat(jun2sep.get(0).description())
        .contains("level 4")
        // The government's code in words, never raw.
        .contains("(avoid all travel to parts)")
        .doesNotContain("_");

    List<AdvisoryChange> sep2nov =
        ChangeDetector.compare(advisory("uk-mali-2025-09.json"), advisory("uk-mali-2025-11.json"));
    assertThat(kinds(sep2nov))
        .startsWith(ChangeKind.LEVEL_RAISED, ChangeKind.LEAVE_NOW_ADDED)
        .containsOnly(
            ChangeKind.LEVEL_RAISED, ChangeKind.LEAVE_NOW_ADDED, ChangeKind.REGION_REMOVED)
        .filteredOn(k -> k == ChangeKind.REGION_REMOVED)
        .hasSize(7);
    assertThat(sep2nov.get(0).description())
        .contains("from level 3")
        .contains("to level 4")
        .contains("now: avoid all travel to whole country");
    assertThat(sep2nov.get(1).description()).contains("should leave now by commercial means");
    assertThat(sep2nov.get(2).description()).contains("the whole country is now at level 4");
  }

  @Test
  void usLeaveNowAdded() {
    List<AdvisoryChange> c =
        ChangeDetector.compare(
            advisory("us-tastws-2025-10-01.xml"), advisory("us-tastws-2025-10-31.xml"));
    assertThat(kinds(c)).containsExactly(ChangeKind.LEAVE_NOW_ADDED);
    // The first phrase in the text: the ordered departure.
    assertThat(c.get(0).after().leaveNowPhrase()).startsWith("ordered departure");
    assertThat(c.get(0).toAlertCandidate().severity()).isEqualTo("high");
  }

  @Test
  void germanyRaisedToAFullTravelWarningAndCallsToLeave() {
    List<AdvisoryChange> c =
        ChangeDetector.compare(
            advisory("de-travelwarning-mali-2025-06.json"),
            advisory("de-travelwarning-mali-2025-11.json"));
    assertThat(kinds(c)).contains(ChangeKind.LEVEL_RAISED, ChangeKind.LEAVE_NOW_ADDED);
    assertThat(c.get(1).after().leaveNowPhrase()).contains("das Land zu verlassen");
  }

  @Test
  void franceRougeEverywhereAndQuitter() {
    List<AdvisoryChange> c =
        ChangeDetector.compare(
            advisory("fr-conseils-2025-05.xml"), advisory("fr-conseils-2025-11.xml"));
    assertThat(kinds(c)).contains(ChangeKind.LEVEL_RAISED, ChangeKind.LEAVE_NOW_ADDED);
    assertThat(c.get(1).after().leaveNowPhrase()).startsWith("quitter temporairement le Mali");
  }

  @Test
  void identicalSnapshotsHaveNoChange() {
    assertThat(
            ChangeDetector.compare(
                advisory("uk-mali-2025-09.json"), advisory("uk-mali-2025-09.json")))
        .isEmpty();
  }

  @Test
  void aLoweredLevelAndAWithdrawnCallToLeaveAreChangesToo() {
    List<AdvisoryChange> c =
        ChangeDetector.compare(
            advisory("de-travelwarning-mali-2025-11.json"),
            advisory("de-travelwarning-mali-2025-06.json"));
    assertThat(kinds(c))
        .startsWith(ChangeKind.LEVEL_LOWERED, ChangeKind.LEAVE_NOW_REMOVED)
        .contains(ChangeKind.REGION_ADDED);
  }

  @Test
  void thePictureKeepsTheLatestOfEachGovernmentAndItsChangesBecomeTimelineEntries() {
    AdvisoryPicture p =
        AdvisoryPicture.of(
            "MLI",
            List.of(
                report("uk-mali-2025-11.json"),
                report("uk-mali-2025-06.json"),
                report("uk-mali-2025-09.json"),
                report("us-tastws-2025-10-31.xml"),
                report("us-tastws-2025-10-01.xml")));
    assertThat(p.current())
        .extracting(Advisory::government)
        .containsExactly(Government.UK, Government.US);
    assertThat(p.current().get(0).report().sourceFile()).isEqualTo("uk-mali-2025-11.json");
    // 06->09: 1 change; 09->11: 9; US: 1.
    assertThat(p.changes()).hasSize(11);
    assertThat(p.listTimelineEntries())
        .allMatch(e -> e.kind() == EntryKind.ADVISORY_CHANGE && !e.sources().isEmpty());
    assertThat(p.listAlertCandidates())
        .extracting(AlertCandidate::severity)
        .contains("high", "medium", "low");
    assertThat(p.changes().get(0).id())
        .isEqualTo("advisory.uk.MLI.2025-09-19.region_added.kayes_region");
  }
}

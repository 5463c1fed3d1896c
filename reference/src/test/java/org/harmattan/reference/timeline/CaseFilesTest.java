package org.harmattan.reference.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.harmattan.domain.context.EntryKind;
import org.harmattan.domain.context.Timeline;
import org.harmattan.domain.context.TimelineEntry;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.text.Language;
import org.junit.jupiter.api.Test;

class CaseFilesTest {

  @Test
  void theShippedMaliCaseFileHoldsTheEntriesOfTheAnalysis() {
    Timeline t = CaseFiles.shipped(CaseFiles.MALI);
    assertThat(t.countryIso3()).isEqualTo("MLI");
    assertThat(t.sha256()).hasSize(64);
    Map<LocalDate, EntryKind> byDate =
        t.entries().stream().collect(Collectors.toMap(TimelineEntry::date, TimelineEntry::kind));
    assertThat(byDate)
        .containsEntry(LocalDate.of(2017, 3, 2), EntryKind.ALLIANCE)
        .containsEntry(LocalDate.of(2018, 8, 12), EntryKind.ELECTION)
        .containsEntry(LocalDate.of(2019, 3, 23), EntryKind.MAJOR_ATTACK)
        .containsEntry(LocalDate.of(2020, 8, 18), EntryKind.COUP)
        .containsEntry(LocalDate.of(2021, 5, 24), EntryKind.COUP)
        .containsEntry(LocalDate.of(2022, 1, 9), EntryKind.SANCTION)
        .containsEntry(LocalDate.of(2022, 8, 15), EntryKind.FOREIGN_FORCES)
        .containsEntry(LocalDate.of(2023, 9, 16), EntryKind.ALLIANCE)
        .containsEntry(LocalDate.of(2024, 1, 28), EntryKind.WITHDRAWAL)
        .containsEntry(LocalDate.of(2025, 1, 29), EntryKind.WITHDRAWAL)
        .containsEntry(LocalDate.of(2024, 4, 10), EntryKind.PARTY_BAN)
        .containsEntry(LocalDate.of(2024, 7, 6), EntryKind.ALLIANCE)
        .containsEntry(LocalDate.of(2025, 5, 13), EntryKind.PARTY_BAN)
        .containsEntry(LocalDate.of(2025, 6, 6), EntryKind.FOREIGN_FORCES)
        .containsEntry(LocalDate.of(2025, 9, 3), EntryKind.BLOCKADE);
    // The attack on the gendarmerie school: the real date, with a note on the date.
    TimelineEntry attack =
        t.entries().stream()
            .filter(e -> e.id().equals("bamako-attack-2024-09"))
            .findFirst()
            .orElseThrow();
    assertThat(attack.date()).isEqualTo(LocalDate.of(2024, 9, 17));
    assertThat(attack.note()).contains("18 September 2025").contains("17 September 2024");
    assertThat(attack.findNote(Language.FR))
        .hasValueSatisfying(n -> assertThat(n).contains("17\u00a0septembre 2024"));
    assertThat(t.entries())
        .allMatch(e -> e.findNote().isPresent() == e.findNote(Language.FR).isPresent());
    assertThat(t.entries())
        .anyMatch(e -> e.kind() == EntryKind.RATING && e.summary().contains("Not Free"));
    assertThat(t.entries()).allMatch(e -> e.sources().stream().allMatch(u -> u.startsWith("http")));
    assertThat(t.entries()).anyMatch(e -> !e.sourceChecked());
    assertThat(t.entries())
        .isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::date));
  }

  @Test
  void everyProblemIsReportedWithFileLineEntryFieldAndExpectation() {
    String yaml =
        "country: MLI\n"
            + "entries:\n"
            + "  - id: ok-1\n"
            + "    date: 2024-01-01\n"
            + "    kind: coup\n"
            + "    title: T\n"
            + "    summary: S\n"
            + "    sources: [https://example.org/a]\n"
            + "  - id: bad-2\n"
            + "    date: 2024-13-01\n"
            + "    kind: putsch\n"
            + "    title: T\n"
            + "    summary: S\n"
            + "    sources: [not-a-url]\n"
            + "    colour: red\n";
    assertThatThrownBy(() -> CaseFiles.read(yaml.getBytes(StandardCharsets.UTF_8), "case.yaml"))
        .isInstanceOf(HarmattanException.class)
        .satisfies(
            e ->
                assertThat(((HarmattanException) e).category()).isEqualTo(ErrorCategory.USER_INPUT))
        .hasMessageContaining("4 problems in case file case.yaml")
        .hasMessageContaining(
            "case.yaml line 9, entry 2 (id 'bad-2'), field date: '2024-13-01' is not a date (expected yyyy-MM-dd)")
        .hasMessageContaining("field kind: 'putsch' is not a kind (expected one of coup,")
        .hasMessageContaining("field sources: 'not-a-url' is not an http(s) URL")
        .hasMessageContaining("unknown field 'colour'");
  }

  @Test
  void aDuplicateIdAndAMissingSourceAreRefused() {
    String yaml =
        "country: MLI\nentries:\n"
            + "  - {id: a, date: 2024-01-01, kind: coup, title: T, summary: S, sources: [https://x.org]}\n"
            + "  - {id: a, date: 2024-01-02, kind: coup, title: T, summary: S, sources: [https://x.org]}\n"
            + "  - {id: b, date: 2024-01-02, kind: coup, title: T, summary: S}\n";
    assertThatThrownBy(() -> CaseFiles.read(yaml.getBytes(StandardCharsets.UTF_8), "c.yaml"))
        .hasMessageContaining("id 'a' is used twice")
        .hasMessageContaining(
            "(id 'b'), field sources: missing (expected a list of at least one URL)");
  }

  @Test
  void everyEntryOfTheShippedMaliCaseFileHasItsTitleAndSummaryInFrench() {
    Timeline t = CaseFiles.shipped(CaseFiles.MALI);
    assertThat(t.entries()).hasSize(28);
    for (TimelineEntry e : t.entries()) {
      assertThat(e.translations()).as(e.id()).containsOnlyKeys(Language.FR);
      assertThat(e.title(Language.EN)).isEqualTo(e.title());
      assertThat(e.summary(Language.EN)).isEqualTo(e.summary());
      // The report's name, a proper name, is the only English left.
      String fr =
          (e.title(Language.FR) + " " + e.summary(Language.FR)).replace("Freedom in the World", "");
      assertThat(fr)
          .as(e.id())
          .doesNotContain("'", " ;", " :", "« ", " »", "\n")
          .doesNotContainPattern("\\b(the|and|of|with|after)\\b");
    }
    TimelineEntry coup = find(t, "coup-2020-08");
    assertThat(coup.title(Language.FR)).isEqualTo("Un coup d’État renverse le président Keïta");
    assertThat(coup.summary(Language.FR))
        .startsWith("Des militaires mutinés du camp de Kati arrêtent")
        .contains("Boubou Cissé\u00a0; dans la nuit")
        .contains("Comité national pour le salut du peuple (CNSP)");
    assertThat(find(t, "jnim-formed-2017-03").summary(Language.FR))
        .contains("Jama’at Nusrat al-Islam wal-Muslimin (JNIM)")
        .contains("Groupe de soutien à l’islam et aux musulmans (GSIM)");
    assertThat(find(t, "wagner-leaves-2025-06").summary(Language.FR))
        .contains("(«\u00a0mission accomplie\u00a0»)");
  }

  @Test
  void anEntryWithoutTranslationShowsItsEnglishInEveryLanguage() {
    String yaml =
        "country: MLI\nentries:\n"
            + "  - {id: a, date: 2024-01-01, kind: coup, title: Coup, summary: S,"
            + " sources: [https://x.org]}\n"
            + "  - id: b\n"
            + "    date: 2024-01-02\n"
            + "    kind: coup\n"
            + "    title: Second coup\n"
            + "    summary: The army takes power.\n"
            + "    fr:\n"
            + "      title: Deuxième coup d’État\n"
            + "      summary: >-\n"
            + "        L’armée prend\n"
            + "        le pouvoir.\n"
            + "    sources: [https://x.org]\n";
    Timeline t = CaseFiles.read(yaml.getBytes(StandardCharsets.UTF_8), "c.yaml");

    TimelineEntry a = find(t, "a");
    assertThat(a.translations()).isEmpty();
    assertThat(a.title(Language.FR)).isEqualTo("Coup");
    assertThat(a.summary(Language.FR)).isEqualTo("S");
    TimelineEntry b = find(t, "b");
    assertThat(b.title()).isEqualTo("Second coup");
    assertThat(b.title(Language.FR)).isEqualTo("Deuxième coup d’État");
    assertThat(b.summary(Language.FR)).isEqualTo("L’armée prend le pouvoir.");
    assertThat(b.summary(Language.EN)).isEqualTo("The army takes power.");
  }

  @Test
  void aTranslationWithAnUnknownLanguageAMissingTitleOrNoteOrAnEmptyTextIsRefused() {
    String yaml =
        "country: MLI\n"
            + "entries:\n"
            + "  - id: a-1\n"
            + "    date: 2024-01-01\n"
            + "    kind: coup\n"
            + "    title: T\n"
            + "    summary: S\n"
            + "    fr:\n"
            + "      summary: Résumé\n"
            + "    sources: [https://example.org/a]\n"
            + "  - id: b-2\n"
            + "    date: 2024-01-02\n"
            + "    kind: coup\n"
            + "    title: T\n"
            + "    summary: S\n"
            + "    de: {title: Putsch, summary: Z}\n"
            + "    en: {title: T, summary: S}\n"
            + "    fr: {title: '  ', summary: R, note: x, colour: red}\n"
            + "    sources: [https://example.org/a]\n"
            + "  - {id: c-3, date: 2024-01-03, kind: coup, title: T, summary: S, fr: Coup,"
            + " sources: [https://example.org/a]}\n"
            + "  - {id: d-4, date: 2024-01-04, kind: coup, title: T, summary: S, note: N,"
            + " fr: {title: T, summary: R}, sources: [https://example.org/a]}\n";
    assertThatThrownBy(() -> CaseFiles.read(yaml.getBytes(StandardCharsets.UTF_8), "case.yaml"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("8 problems in case file case.yaml")
        .hasMessageContaining(
            "case.yaml line 3, entry 1 (id 'a-1'), field fr.title: missing"
                + " (expected non-empty text: the French title)")
        .hasMessageContaining(
            "case.yaml line 11, entry 2 (id 'b-2'), field de: 'de' is not a language Harmattan"
                + " writes (expected a block named fr)")
        .hasMessageContaining("(id 'b-2'), field en: English is the base text")
        .hasMessageContaining(
            "(id 'b-2'), field fr: unknown field 'colour' (expected note, summary, title)")
        .hasMessageContaining(
            "(id 'b-2'), field fr.note: 'x' (expected none: the entry has no note to translate)")
        .hasMessageContaining(
            "case.yaml line 21, entry 4 (id 'd-4'), field fr.note: missing (expected non-empty"
                + " text: the French note)")
        .hasMessageContaining(
            "(id 'b-2'), field fr.title: '  ' (expected non-empty text: the French title)")
        .hasMessageContaining(
            "case.yaml line 20, entry 3 (id 'c-3'), field fr: 'Coup' (expected a block with the"
                + " French title and summary, indented under 'fr:')");
  }

  @Test
  void aNewCaseFileShowsTheFrenchBlock() {
    String text = CaseFiles.template("BFA", null);
    assertThat(text)
        .contains("# fr (optional)", "#    fr:", "#      title: Élection présidentielle");
    assertThat(CaseFiles.read(text.getBytes(StandardCharsets.UTF_8), "bfa.yaml").entries())
        .isEmpty();
  }

  private static TimelineEntry find(Timeline t, String id) {
    return t.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}

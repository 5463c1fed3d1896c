package org.harmattan.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.MissingResourceException;
import org.harmattan.domain.event.EventType;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** Words in each language: plural rules, dates, lists, the sources' vocabulary. */
class TextsTest {
  private static final String VOCABULARY = "org.harmattan.domain.text.vocabulary";

  @Test
  void aLanguageIsNamedByItsCodeAndAnUnknownCodeSaysWhichAreKnown() {
    assertThat(Language.parse("FR")).isEqualTo(Language.FR);
    assertThat(Language.parse(" en ")).isEqualTo(Language.EN);
    assertThatThrownBy(() -> Language.parse("de"))
        .hasMessage("'de' is not a language Harmattan writes (expected one of en, fr)");
  }

  @Test
  void frenchTakesTheSingularForZeroAndOneEnglishForOneOnly() {
    Texts en = Texts.of(Language.EN, VOCABULARY);
    Texts fr = Texts.of(Language.FR, VOCABULARY);
    assertThat(en.isOne(1)).isTrue();
    assertThat(en.isOne(0)).isFalse();
    assertThat(en.isOne(1.5)).isFalse();
    assertThat(fr.isOne(0)).isTrue();
    assertThat(fr.isOne(1.5)).isTrue();
    assertThat(fr.isOne(2)).isFalse();
    assertThat(fr.isOne(-1)).isTrue();
  }

  @Test
  void daysAndMonthsAreWrittenInTheLanguageWhateverTheMachinesLocale() {
    Texts en = Texts.of(Language.EN, VOCABULARY);
    Texts fr = Texts.of(Language.FR, VOCABULARY);
    LocalDate first = LocalDate.of(2018, 1, 1);
    LocalDate later = LocalDate.of(2018, 8, 22);
    assertThat(en.day(first)).isEqualTo("1 January 2018");
    assertThat(fr.day(first)).isEqualTo("1er janvier 2018");
    assertThat(fr.day(later)).isEqualTo("22 août 2018");
    assertThat(fr.monthYear(LocalDate.of(2018, 12, 3))).isEqualTo("décembre 2018");
  }

  @Test
  void listsJoinWithTheLanguagesAnd() {
    Texts en = Texts.of(Language.EN, VOCABULARY);
    Texts fr = Texts.of(Language.FR, VOCABULARY);
    assertThat(en.list(List.of("Mopti", "Ségou", "Gao"))).isEqualTo("Mopti, Ségou and Gao");
    assertThat(fr.list(List.of("Mopti", "Ségou"))).isEqualTo("Mopti et Ségou");
    assertThat(fr.list(List.of("Mopti"))).isEqualTo("Mopti");
    assertThat(fr.list(List.of())).isEmpty();
  }

  @Test
  void aMissingTextNamesItsKeyAndLanguage() {
    Texts fr = Texts.of(Language.FR, VOCABULARY);
    assertThatThrownBy(() -> fr.t("no.such.key"))
        .isInstanceOf(MissingResourceException.class)
        .hasMessage("no text 'no.such.key' in fr bundles");
    assertThat(fr.has("event_type.battles")).isTrue();
    assertThat(fr.has("no.such.key")).isFalse();
  }

  @Test
  void theVocabularyGivesAcledsSpellingInEnglishAndTheGlossarysTermsInFrench() {
    for (EventType t : EventType.values()) {
      assertThat(Vocabulary.eventType(Language.EN, t)).isEqualTo(t.label());
    }
    assertThat(Vocabulary.eventType(Language.FR, EventType.VIOLENCE_AGAINST_CIVILIANS))
        .isEqualTo("Violences contre des civils");
    assertThat(Vocabulary.subEventType(Language.FR, "Armed clash")).isEqualTo("Affrontement armé");
    assertThat(Vocabulary.subEventType(Language.FR, "Remote explosive/landmine/IED"))
        .isEqualTo("Explosif à distance/mine/engin explosif improvisé (EEI)");
    assertThat(Vocabulary.subEventType(Language.EN, "Air/drone strike"))
        .isEqualTo("Air/drone strike");
    // A term of a newer codebook is shown as the source spells it.
    assertThat(Vocabulary.subEventType(Language.FR, "Cyber attack")).isEqualTo("Cyber attack");
  }

  @Test
  void theVocabularyBundleHasEveryTermInEveryLanguage() {
    assertThat(BundleLint.problems("org/harmattan/domain/text/vocabulary", "fr")).isEmpty();
  }

  @Test
  void bundleLintFindsAMissingTwinADifferingArgumentAndALoneApostrophe() {
    assertThat(BundleLint.problems("org/harmattan/domain/text/lint-sample", "fr"))
        .containsExactlyInAnyOrder(
            "org/harmattan/domain/text/lint-sample: 'sample.apostrophe' has a lone apostrophe"
                + " (write '' or ’)",
            "org/harmattan/domain/text/lint-sample_fr: no text for 'sample.missing'",
            "org/harmattan/domain/text/lint-sample_fr: 'sample.arguments' takes arguments [0],"
                + " the base text [0, 1]",
            "org/harmattan/domain/text/lint-sample_fr: 'sample.extra' is not in the base bundle");
  }
}

package org.harmattan.analytics.warning;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * A signal's words in a language (the {@code warning} bundle): what the rule says, its level, its
 * notes and the labels of its references. Numbers, windows and the rule's id are unchanged; in
 * English the words are those the rules write.
 */
public final class SignalTexts {
  /** The notes the rules write, by the key of their text in the bundle. */
  private static final Map<String, String> NOTES =
      Map.of(
          AcledRules.NOTE_ZERO_BASELINE, "warning.note.zero_baseline",
          AcledRules.NOTE_BELOW_MINIMUM, "warning.note.below_minimum",
          CountAnomaly.NOTE_NOT_OVERDISPERSED, "warning.note.not_overdispersed",
          CountAnomaly.NOTE_TOO_SHORT, "warning.note.too_short",
          CountAnomaly.NOTE_ZERO_MEAN, "warning.note.zero_mean",
          HdxSignals.NOTE_EQUALS_MAXIMUM, "warning.note.equals_maximum");

  /** HDX Signals' notes on the history the store holds, with their two days. */
  private static final Map<Pattern, String> DATED_NOTES =
      Map.of(
          Pattern.compile(
              "not evaluated: the rule compares with the 30-day totals of the year before, from"
                  + " (\\d{4}-\\d{2}-\\d{2}), and the store's events begin on"
                  + " (\\d{4}-\\d{2}-\\d{2})"),
          "warning.note.not_enough_history",
          Pattern.compile(
              "the 3-year maximum is not assessed: the three years before run from"
                  + " (\\d{4}-\\d{2}-\\d{2}), and the store's events begin on"
                  + " (\\d{4}-\\d{2}-\\d{2})"),
          "warning.note.three_years_not_assessed");

  private SignalTexts() {}

  /** {@code s} with its words in {@code language}. */
  public static Signal in(Signal s, Language language) {
    requireNonNull(s, "s");
    Texts texts = AnalyticsTexts.of(language);
    List<String> notes = new ArrayList<>();
    for (String note : s.notes()) {
      notes.add(note(texts, note));
    }
    List<Signal.Reference> references = new ArrayList<>();
    for (Signal.Reference r : s.references()) {
      references.add(new Signal.Reference(reference(texts, r.label()), r.value(), r.window()));
    }
    return new Signal(
        s.ruleId(),
        s.area(),
        s.triggered(),
        s.observed(),
        s.baseline(),
        s.threshold(),
        texts.t("warning.level." + key(s.level())),
        s.observedWindow(),
        s.baselineWindow(),
        s.pValue(),
        texts.t("warning.rule." + key(s.ruleId())),
        notes,
        references);
  }

  private static String note(Texts texts, String note) {
    String key = NOTES.get(note);
    if (key != null) {
      return texts.t(key);
    }
    for (Map.Entry<Pattern, String> dated : DATED_NOTES.entrySet()) {
      Matcher m = dated.getKey().matcher(note);
      if (m.matches()) {
        return texts.t(dated.getValue(), day(texts, m.group(1)), day(texts, m.group(2)));
      }
    }
    return note;
  }

  /**
   * A day of a note as the language writes it there: English keeps the rule's ISO date (the notes
   * of the English brief), French writes it in words ("1er janvier 2024").
   */
  private static String day(Texts texts, String iso) {
    return Boolean.parseBoolean(texts.t("warning.note.days_in_words"))
        ? texts.day(LocalDate.parse(iso))
        : iso;
  }

  private static String reference(Texts texts, String label) {
    String key = "warning.reference." + key(label);
    return texts.has(key) ? texts.t(key) : label;
  }

  private static String key(String words) {
    return words.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }
}

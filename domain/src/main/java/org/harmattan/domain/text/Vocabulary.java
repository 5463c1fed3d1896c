package org.harmattan.domain.text;

import java.util.Locale;
import java.util.Map;
import org.harmattan.domain.event.EventType;

/**
 * The sources' own terms in each language (the glossary's table in {@code docs/glossary.md}):
 * ACLED's event and sub-event types. English gives the source's spelling; a term the bundle does
 * not know (a sub-event type of a newer codebook) is given as the source spells it.
 */
public final class Vocabulary {
  private static final String BUNDLE = "org.harmattan.domain.text.vocabulary";
  private static final Map<Language, Texts> TEXTS = Texts.perLanguage(BUNDLE);

  private Vocabulary() {}

  /** The event type's name: "Battles", "Combats". */
  public static String eventType(Language language, EventType type) {
    return TEXTS.get(language).t("event_type." + type.name().toLowerCase(Locale.ROOT));
  }

  /**
   * A sub-event type as the source spells it, in {@code language}: "Armed clash", "Affrontement
   * armé".
   */
  public static String subEventType(Language language, String sourceSpelling) {
    String key = "sub_event_type." + key(sourceSpelling);
    Texts t = TEXTS.get(language);
    return t.has(key) ? t.t(key) : sourceSpelling;
  }

  private static String key(String term) {
    return term.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }
}

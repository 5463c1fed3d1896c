package org.harmattan.domain.context;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.text.Language;

/**
 * One dated, sourced event of the political timeline.
 *
 * @param id stable slug, unique in its timeline, e.g. {@code coup-2020-08}
 * @param date the day it happened
 * @param kind what it is
 * @param title short label, also used on charts; English, the base text
 * @param summary one or two sentences; English, the base text
 * @param sources the URLs it rests on, at least one
 * @param sourceChecked false when a URL could not be confirmed when the entry was written
 * @param note a caveat (a corrected date, a disputed figure), or null
 * @param translations the title and summary in other languages than English, by language (none for
 *     English, whose text is {@code title} and {@code summary}); may be empty
 */
public record TimelineEntry(
    String id,
    LocalDate date,
    EntryKind kind,
    String title,
    String summary,
    List<String> sources,
    boolean sourceChecked,
    String note,
    Map<Language, Translation> translations) {

  /**
   * The title and summary of an entry in one language.
   *
   * @param title short label, also used on charts
   * @param summary one or two sentences
   * @param note the entry's caveat in that language, or null when the entry has none
   */
  public record Translation(String title, String summary, String note) {
    public Translation {
      requireNonNull(title, "title");
      requireNonNull(summary, "summary");
      if (title.isBlank() || summary.isBlank()) {
        throw new IllegalArgumentException("a translation needs a title and a summary");
      }
      if (note != null && note.isBlank()) {
        throw new IllegalArgumentException("a translated note cannot be blank");
      }
    }

    /** A translation of an entry without a caveat. */
    public Translation(String title, String summary) {
      this(title, summary, null);
    }
  }

  public TimelineEntry {
    requireNonNull(id, "id");
    requireNonNull(date, "date");
    requireNonNull(kind, "kind");
    requireNonNull(title, "title");
    requireNonNull(summary, "summary");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("timeline entry " + id + " has no source");
    }
    Map<Language, Translation> copy = new EnumMap<>(Language.class);
    copy.putAll(requireNonNull(translations, "translations"));
    if (copy.containsKey(Language.EN)) {
      throw new IllegalArgumentException(
          "timeline entry "
              + id
              + ": English is the base text (title, summary), not a translation");
    }
    for (Map.Entry<Language, Translation> t : copy.entrySet()) {
      if ((note == null) != (t.getValue().note() == null)) {
        throw new IllegalArgumentException(
            "timeline entry "
                + id
                + ": its "
                + t.getKey().code()
                + " translation "
                + (note == null ? "has a note the entry does not have" : "lacks the entry's note"));
      }
    }
    translations = Collections.unmodifiableMap(copy);
  }

  /** An entry with its English text only. */
  public TimelineEntry(
      String id,
      LocalDate date,
      EntryKind kind,
      String title,
      String summary,
      List<String> sources,
      boolean sourceChecked,
      String note) {
    this(id, date, kind, title, summary, sources, sourceChecked, note, Map.of());
  }

  public Optional<String> findNote() {
    return Optional.ofNullable(note);
  }

  /** The title in {@code language}: its translation when the entry has one, else the English. */
  public String title(Language language) {
    Translation t = translations.get(language);
    return t == null ? title : t.title();
  }

  /** The caveat in {@code language}: its translation when the entry has one, else the English. */
  public Optional<String> findNote(Language language) {
    Translation t = translations.get(language);
    return t == null ? findNote() : Optional.ofNullable(t.note());
  }

  /** The summary in {@code language}: its translation when the entry has one, else the English. */
  public String summary(Language language) {
    Translation t = translations.get(language);
    return t == null ? summary : t.summary();
  }
}

package org.harmattan.briefs.assemble;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.text.Texts;

/** A small builder of running text mixing words and figure references. */
final class Prose {
  // Private-use characters mark where an inline argument goes in a formatted text.
  private static final char SLOT_OPEN = '\ue000';
  private static final char SLOT_CLOSE = '\ue001';
  private final List<Inline> parts = new ArrayList<>();

  static Prose start() {
    return new Prose();
  }

  Prose text(String s) {
    if (!s.isEmpty()) {
      parts.add(Inline.text(s));
    }
    return this;
  }

  /** A figure printed with its unit: "757 events". */
  Prose fig(String id) {
    parts.add(Inline.figure(id));
    return this;
  }

  /** A figure printed as a bare number: "757". */
  Prose num(String id) {
    parts.add(Inline.number(id));
    return this;
  }

  /**
   * The text of {@code key} in {@code texts}'s language, its arguments in place: a {@link String}
   * argument as words, an {@link Inline} (a figure reference: {@link Inline#figure}) or a list of
   * them as those parts. So a whole sentence is one text to translate, its figures where the
   * language puts them: {@code t(texts, "security.total", Inline.figure(EVENTS_TOTAL), ...)} over
   * "{0} of political violence … were recorded, with {1} reported".
   */
  Prose t(Texts texts, String key, Object... args) {
    Object[] formatted = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      formatted[i] =
          args[i] instanceof Inline || args[i] instanceof List<?>
              ? String.valueOf(SLOT_OPEN) + i + SLOT_CLOSE
              : args[i];
    }
    String text = texts.t(key, formatted);
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf(SLOT_OPEN, at);
      if (open < 0) {
        text(text.substring(at));
        break;
      }
      text(text.substring(at, open));
      int close = text.indexOf(SLOT_CLOSE, open);
      Object arg = args[Integer.parseInt(text.substring(open + 1, close))];
      if (arg instanceof Inline inline) {
        parts.add(inline);
      } else {
        for (Object o : (List<?>) arg) {
          parts.add((Inline) o);
        }
      }
      at = close + 1;
    }
    return this;
  }

  /** The inline parts of {@code key}'s text with its arguments (see {@link #t}). */
  static List<Inline> of(Texts texts, String key, Object... args) {
    return start().t(texts, key, args).build();
  }

  Prose append(List<Inline> more) {
    parts.addAll(more);
    return this;
  }

  List<Inline> build() {
    return List.copyOf(parts);
  }
}

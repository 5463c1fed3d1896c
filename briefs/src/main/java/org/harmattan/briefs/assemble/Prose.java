package org.harmattan.briefs.assemble;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.briefs.model.Inline;

/** A small builder of running text mixing words and figure references. */
final class Prose {
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

  Prose append(List<Inline> more) {
    parts.addAll(more);
    return this;
  }

  List<Inline> build() {
    return List.copyOf(parts);
  }
}

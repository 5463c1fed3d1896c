package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

/** A piece of running text: literal words, or a figure to be printed with its citation. */
public sealed interface Inline permits Inline.Text, Inline.FigureRef {

  /** Literal words, rendered as they are (escaped for the output format). */
  record Text(String text) implements Inline {
    public Text {
      requireNonNull(text, "text");
    }
  }

  /**
   * A figure, printed by the renderer from the figure object with its unit and citation mark.
   *
   * @param figureId the figure's id in the brief
   * @param style how to print it
   */
  record FigureRef(String figureId, Style style) implements Inline {
    public FigureRef {
      requireNonNull(figureId, "figureId");
      requireNonNull(style, "style");
    }
  }

  /** How a figure reference prints. */
  enum Style {
    /** Value and unit: "757 events", "1,762 deaths", "+61 %". */
    WITH_UNIT,
    /** The value alone: "757", "+61 %" (for tables whose column header names the unit). */
    NUMBER_ONLY
  }

  static Inline text(String s) {
    return new Text(s);
  }

  static Inline figure(String id) {
    return new FigureRef(id, Style.WITH_UNIT);
  }

  static Inline number(String id) {
    return new FigureRef(id, Style.NUMBER_ONLY);
  }
}

package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

/** A piece of running text: literal words, or a figure to be printed with its citation. */
public sealed interface Inline permits Inline.Text, Inline.FigureRef, Inline.Stated {

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

  /**
   * A number the analyst wrote, tied to a figure of the brief: printed as written, with the check
   * of it against the figure (and the figure's citation mark when the brief has the figure).
   *
   * @param text the words as written, e.g. "1,762 deaths"
   * @param figureId the figure it states
   * @param tolerance how far the figure may lie from it as written in the text ("2%", "5"), or null
   *     for the precision it is written with
   * @param line the line of the analyst's file, for messages
   * @param check the check, or null before the brief is built
   */
  record Stated(String text, String figureId, String tolerance, int line, Check check)
      implements Inline {
    public Stated {
      requireNonNull(text, "text");
      requireNonNull(figureId, "figureId");
    }

    /** This number with its check. */
    public Stated checked(Check c) {
      return new Stated(text, figureId, tolerance, line, requireNonNull(c, "check"));
    }
  }

  /**
   * What the data say about a stated number.
   *
   * @param verdict the claim checker's word: supported, contradicted, stale, not_computable
   * @param reason what the data give, in words ("the data give 1,762 deaths"), or why not
   *     computable
   * @param cited whether the brief has the figure, so the number carries its citation mark
   */
  record Check(String verdict, String reason, boolean cited) {
    public Check {
      requireNonNull(verdict, "verdict");
      requireNonNull(reason, "reason");
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

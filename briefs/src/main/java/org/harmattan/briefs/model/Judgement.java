package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The brief's judgement of one area over the window, derived from its figures by a stated rule.
 *
 * @param area what is judged, e.g. "Security"
 * @param verdict deteriorated, unchanged, improved, or not assessed
 * @param basis the figures it rests on, or why it is not assessed, as running text
 * @param rule the rule that gave the verdict, in words (the method section lists every rule)
 */
public record Judgement(String area, Verdict verdict, List<Inline> basis, String rule) {
  public Judgement {
    requireNonNull(area, "area");
    requireNonNull(verdict, "verdict");
    requireNonNull(rule, "rule");
    basis = List.copyOf(basis);
  }

  /** The verdicts, in CrisisWatch's words. */
  public enum Verdict {
    DETERIORATED("deteriorated"),
    UNCHANGED("unchanged"),
    IMPROVED("improved"),
    NOT_ASSESSED("not assessed");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    /** "deteriorated", "not assessed"… */
    public String label() {
      return label;
    }
  }
}

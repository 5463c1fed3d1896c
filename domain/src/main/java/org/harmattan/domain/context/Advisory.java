package org.harmattan.domain.context;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A travel advisory on the common 1–4 scale.
 *
 * @param report what the government published
 * @param level the level in force for the whole country (the baseline everywhere)
 * @param highest the most severe level in force anywhere, parts included (at least {@code level})
 * @param regions parts of the country with their own level
 * @param leaveNow whether the text tells people in the country to leave, or speaks of evacuation or
 *     ordered departure
 * @param leaveNowPhrase the phrase that set {@code leaveNow}, or "" when false
 */
public record Advisory(
    AdvisoryReport report,
    AdvisoryLevel level,
    AdvisoryLevel highest,
    List<RegionalLevel> regions,
    boolean leaveNow,
    String leaveNowPhrase) {
  public Advisory {
    requireNonNull(report, "report");
    requireNonNull(level, "level");
    requireNonNull(highest, "highest");
    regions = List.copyOf(regions);
    requireNonNull(leaveNowPhrase, "leaveNowPhrase");
    if (level.rank() > highest.rank()) {
      throw new IllegalArgumentException(
          "whole-country level " + level + " above the highest level " + highest);
    }
    if (leaveNow == leaveNowPhrase.isEmpty()) {
      throw new IllegalArgumentException("leaveNow must come with the phrase that set it");
    }
  }

  public Government government() {
    return report.government();
  }

  /** Whether parts of the country are under a higher level than the whole. */
  public boolean hasHigherParts() {
    return highest != level;
  }
}

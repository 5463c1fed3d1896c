package org.harmattan.briefs.claims;

import static java.util.Objects.requireNonNull;

import org.harmattan.domain.figure.Figure;

/**
 * The check of one claim.
 *
 * @param claim the claim
 * @param verdict the verdict
 * @param computed the figure computed for it, or null when not computable
 * @param reason why, in words (always set for not computable)
 */
public record ClaimResult(Claim claim, Verdict verdict, Figure computed, String reason) {
  public ClaimResult {
    requireNonNull(claim, "claim");
    requireNonNull(verdict, "verdict");
    requireNonNull(reason, "reason");
  }
}

package org.harmattan.domain.context;

import static java.util.Objects.requireNonNull;

/**
 * A part of a country with its own advice, on the common scale.
 *
 * @param region the area as published
 * @param level its level
 * @param wording the government's words for it
 */
public record RegionalLevel(String region, AdvisoryLevel level, String wording) {
  public RegionalLevel {
    requireNonNull(region, "region");
    requireNonNull(level, "level");
    requireNonNull(wording, "wording");
  }
}

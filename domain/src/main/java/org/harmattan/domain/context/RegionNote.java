package org.harmattan.domain.context;

import static java.util.Objects.requireNonNull;

/**
 * Advice about one part of a country, as published.
 *
 * @param region the area as the government names it, e.g. "Kidal region"
 * @param wording the government's own words or code for that area's advice, e.g. {@code
 *     avoid_all_travel_to_parts}, "Level 4: Do Not Travel", "Teilreisewarnung", "rouge"
 */
public record RegionNote(String region, String wording) {
  public RegionNote {
    requireNonNull(region, "region");
    requireNonNull(wording, "wording");
  }
}

package org.harmattan.analytics.places;

/** How a raw place name was matched, from the most to the least exact. */
public enum MatchMethod {
  /** The raw name equals the place's name exactly ({@code Ségou}). */
  EXACT,
  /** The name or ASCII name equals the raw name once both are normalised ({@code SEGOU}). */
  NORMALISED,
  /** One of the place's alternate names equals the raw name normalised ({@code Tombouctou}). */
  ALTERNATE,
  /** The raw name is the first word(s) of the place's name ({@code Nioro} for Nioro du Sahel). */
  PREFIX
}

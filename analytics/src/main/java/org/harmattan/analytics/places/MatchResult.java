package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The outcome of matching one raw place name: one place, several ranked candidates, or none. */
public sealed interface MatchResult {

  /** The raw name as given to the matcher. */
  String query();

  /** One place was found, and no other candidate came close. */
  record Matched(String query, Place place, MatchMethod method) implements MatchResult {
    public Matched {
      requireNonNull(query, "query");
      requireNonNull(place, "place");
      requireNonNull(method, "method");
    }
  }

  /**
   * Several places fit equally well; {@code candidates} are ranked best first (at least two) so
   * that the caller can show the alternatives. {@code reason} says why none was chosen.
   */
  record Ambiguous(String query, List<Place> candidates, MatchMethod method, String reason)
      implements MatchResult {
    public Ambiguous {
      requireNonNull(query, "query");
      requireNonNull(method, "method");
      requireNonNull(reason, "reason");
      candidates = List.copyOf(requireNonNull(candidates, "candidates"));
      if (candidates.size() < 2) {
        throw new IllegalArgumentException("an ambiguous match needs at least two candidates");
      }
    }
  }

  /** Nothing in the gazetteer fits. */
  record None(String query) implements MatchResult {
    public None {
      requireNonNull(query, "query");
    }
  }
}

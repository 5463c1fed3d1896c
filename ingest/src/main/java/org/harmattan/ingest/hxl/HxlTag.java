package org.harmattan.ingest.hxl;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An HXL hashtag with its attributes, e.g. {@code #affected +idps +ind}: hashtag {@code affected},
 * attributes {@code idps, ind}. Case, spacing and attribute order do not matter.
 *
 * @param hashtag the hashtag without '#', lower case
 * @param attributes the attributes without '+', lower case
 */
public record HxlTag(String hashtag, Set<String> attributes) {
  public HxlTag {
    requireNonNull(hashtag, "hashtag");
    attributes = Set.copyOf(attributes);
    if (hashtag.isEmpty()) {
      throw new IllegalArgumentException("empty hashtag");
    }
  }

  /**
   * Parses a tag spec such as {@code "#affected +idps+ind"}.
   *
   * @throws IllegalArgumentException when {@code spec} is not a hashtag
   */
  public static HxlTag parse(String spec) {
    return find(spec)
        .orElseThrow(() -> new IllegalArgumentException("not an HXL hashtag: \"" + spec + "\""));
  }

  /** The tag in {@code spec}, or empty when the text is not a hashtag (blank, no '#'). */
  public static Optional<HxlTag> find(String spec) {
    if (spec == null) {
      return Optional.empty();
    }
    String s = spec.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    if (s.length() < 2 || s.charAt(0) != '#') {
      return Optional.empty();
    }
    String[] parts = s.substring(1).split("\\+", -1);
    if (parts[0].isEmpty() || !parts[0].matches("[a-z][a-z0-9_]*")) {
      return Optional.empty();
    }
    Set<String> attributes = new TreeSet<>();
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        attributes.add(parts[i]);
      }
    }
    return Optional.of(new HxlTag(parts[0], attributes));
  }

  /**
   * Whether this tag satisfies {@code pattern}: the same hashtag and every attribute the pattern
   * names (HXL's tag-pattern rule). {@code #affected+idps+ind+stock} matches {@code
   * #affected+ind+idps}.
   */
  public boolean matches(String pattern) {
    HxlTag p = parse(pattern);
    return hashtag.equals(p.hashtag) && attributes.containsAll(p.attributes);
  }

  /** Whether this tag has exactly the pattern's hashtag and attributes, in any order. */
  public boolean matchesExactly(String pattern) {
    HxlTag p = parse(pattern);
    return hashtag.equals(p.hashtag) && attributes.equals(p.attributes);
  }

  /** The canonical spelling, attributes sorted: {@code #affected+idps+ind}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("#").append(hashtag);
    for (String a : new TreeSet<>(attributes)) {
      sb.append('+').append(a);
    }
    return sb.toString();
  }
}

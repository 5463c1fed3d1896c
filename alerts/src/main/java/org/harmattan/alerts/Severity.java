package org.harmattan.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How grave an alert is, in the vocabulary of the Common Alerting Protocol 1.2 ({@code
 * info/severity}, section 3.2.2 of the standard), so that a CAP message carries it unchanged.
 */
public enum Severity {
  /** Extraordinary threat to life or property. */
  EXTREME("Extreme"),
  /** Significant threat to life or property. */
  SEVERE("Severe"),
  /** Possible threat to life or property. */
  MODERATE("Moderate"),
  /** Minimal to no known threat to life or property. */
  MINOR("Minor");

  private final String cap;

  Severity(String cap) {
    this.cap = cap;
  }

  /** The CAP 1.2 value: "Extreme", "Severe", "Moderate" or "Minor". */
  public String cap() {
    return cap;
  }

  /** Whether this is at least as grave as {@code other} (the constants run from the gravest). */
  public boolean isAtLeast(Severity other) {
    return compareTo(other) <= 0;
  }

  /** The lower-case word used in rule files and JSON: "extreme", "severe", … */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity a word names, in any case; empty when it names none. */
  public static Optional<Severity> parse(String word) {
    if (word == null) {
      return Optional.empty();
    }
    String w = word.strip();
    return Arrays.stream(values()).filter(s -> s.cap.equalsIgnoreCase(w)).findFirst();
  }
}

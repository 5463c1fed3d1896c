package org.harmattan.domain.event;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical event types: ACLED's six current event types, which every other source's codebook is
 * mapped onto, plus {@link #OTHER} for machine-coded events with no ACLED counterpart (GDELT's
 * verbal and cooperative CAMEO codes).
 */
public enum EventType {
  BATTLES("Battles", true),
  EXPLOSIONS_REMOTE_VIOLENCE("Explosions/Remote violence", true),
  VIOLENCE_AGAINST_CIVILIANS("Violence against civilians", true),
  PROTESTS("Protests", false),
  RIOTS("Riots", false),
  STRATEGIC_DEVELOPMENTS("Strategic developments", false),
  OTHER("Other", false);

  /**
   * The types that count as political violence: battles, explosions/remote violence and violence
   * against civilians, in this order.
   */
  public static final Set<EventType> POLITICAL_VIOLENCE =
      Collections.unmodifiableSet(
          EnumSet.of(BATTLES, EXPLOSIONS_REMOTE_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS));

  private final String label;
  private final boolean politicalViolence;

  EventType(String label, boolean politicalViolence) {
    this.label = label;
    this.politicalViolence = politicalViolence;
  }

  /** ACLED's own spelling, e.g. {@code Explosions/Remote violence}. */
  public String label() {
    return label;
  }

  /** Battles, explosions/remote violence and violence against civilians (ACLED's definition). */
  public boolean politicalViolence() {
    return politicalViolence;
  }

  /** Finds the type whose ACLED label or enum name equals {@code text}, ignoring case. */
  public static Optional<EventType> findByLabel(String text) {
    // The store holds labels exactly as written here: the common case needs no case folding.
    EventType exact = Lookup.EXACT.get(text);
    if (exact != null) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(Lookup.FOLDED.get(text.trim().toLowerCase(Locale.ROOT)));
  }

  /** Labels and names, as written and case-folded. */
  private static final class Lookup {
    static final java.util.Map<String, EventType> EXACT = new java.util.HashMap<>();
    static final java.util.Map<String, EventType> FOLDED = new java.util.HashMap<>();

    static {
      for (EventType type : values()) {
        EXACT.put(type.label, type);
        EXACT.put(type.name(), type);
        FOLDED.put(type.label.toLowerCase(Locale.ROOT), type);
        FOLDED.put(type.name().toLowerCase(Locale.ROOT), type);
      }
    }

    private Lookup() {}
  }
}

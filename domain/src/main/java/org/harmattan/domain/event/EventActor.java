package org.harmattan.domain.event;

import static java.util.Objects.requireNonNull;

/**
 * An actor as the source names it in one event.
 *
 * @param role the actor's part in the event
 * @param name the source's raw name, e.g. {@code JNIM: Group for Support of Islam and Muslims}
 * @param interCode ACLED's inter code for primary actors (1 state forces … 8 external forces), or
 *     null where the source has none
 */
public record EventActor(ActorRole role, String name, Integer interCode) {
  public EventActor {
    requireNonNull(role, "role");
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor name must not be blank");
    }
    if (interCode != null && (interCode < 0 || interCode > 8)) {
      throw new IllegalArgumentException("interCode must be 0..8, was " + interCode);
    }
  }
}

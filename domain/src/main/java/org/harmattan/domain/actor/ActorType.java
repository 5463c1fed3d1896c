package org.harmattan.domain.actor;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What kind of actor a canonical actor is, in ACLED's actor-type codebook. Each type carries its
 * ACLED inter code (the {@code inter1}/{@code inter2} columns).
 */
public enum ActorType {
  /** Military and police forces of a state and its government. */
  STATE_FORCE(1),
  /** Armed groups seeking to overthrow or secede from a state, including jihadist groups. */
  REBEL_GROUP(2),
  /** Armed groups pursuing political ends without seeking to replace the state. */
  POLITICAL_MILITIA(3),
  /** Communal and ethnic militias acting for an identity group. */
  IDENTITY_MILITIA(4),
  /** Forces of other states or international missions, and private military companies. */
  EXTERNAL_FORCE(8),
  /** Peaceful demonstrators. */
  PROTESTERS(6),
  /** Violent demonstrators. */
  RIOTERS(5),
  /** Unarmed people targeted by violence. */
  CIVILIANS(7);

  /**
   * Non-state armed groups: rebel groups (armed opposition, jihadist groups included) and political
   * and identity militias.
   */
  public static final Set<ActorType> NON_STATE_ARMED =
      Collections.unmodifiableSet(EnumSet.of(REBEL_GROUP, POLITICAL_MILITIA, IDENTITY_MILITIA));

  /** Forces of a state: the country's own and those of other states or missions. */
  public static final Set<ActorType> STATE_AND_FOREIGN_FORCES =
      Collections.unmodifiableSet(EnumSet.of(STATE_FORCE, EXTERNAL_FORCE));

  private final int interCode;

  ActorType(int interCode) {
    this.interCode = interCode;
  }

  /** ACLED's inter code for this type: 1 state forces … 8 external/other forces. */
  public int interCode() {
    return interCode;
  }

  /** The type with this ACLED inter code; empty for 0 (no actor) or an unknown code. */
  public static Optional<ActorType> findByInterCode(int code) {
    for (ActorType t : values()) {
      if (t.interCode == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

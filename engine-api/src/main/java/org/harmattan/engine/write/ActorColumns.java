package org.harmattan.engine.write;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;

/** An event's actors as the store keeps them: ACLED's dyadic columns. */
public record ActorColumns(
    String actor1,
    Integer inter1,
    List<String> assoc1,
    String actor2,
    Integer inter2,
    List<String> assoc2,
    Integer interaction) {

  public ActorColumns {
    assoc1 = List.copyOf(assoc1);
    assoc2 = List.copyOf(assoc2);
  }

  public static ActorColumns of(Event e) {
    EventActor a1 = e.findActor(ActorRole.ACTOR_1).orElse(null);
    EventActor a2 = e.findActor(ActorRole.ACTOR_2).orElse(null);
    return new ActorColumns(
        a1 == null ? null : a1.name(),
        a1 == null ? null : a1.interCode(),
        names(e.listActors(ActorRole.ASSOCIATED_1)),
        a2 == null ? null : a2.name(),
        a2 == null ? null : a2.interCode(),
        names(e.listActors(ActorRole.ASSOCIATED_2)),
        e.interaction());
  }

  private static List<String> names(List<EventActor> actors) {
    List<String> out = new ArrayList<>(actors.size());
    for (EventActor a : actors) {
      out.add(a.name());
    }
    return out;
  }

  /** Every actor name, in column order. */
  public Set<String> allNames() {
    Set<String> s = new LinkedHashSet<>();
    if (actor1 != null) {
      s.add(actor1);
    }
    s.addAll(assoc1);
    if (actor2 != null) {
      s.add(actor2);
    }
    s.addAll(assoc2);
    return s;
  }

  /**
   * Folds the actors of another row of the same event into this one (monadic exports give one row
   * per actor). A new primary actor fills actor 2 when it is free; otherwise new names join the
   * associated actors of the side they appeared on relative to this row's actor 1.
   */
  public ActorColumns mergedWith(ActorColumns other) {
    Set<String> seen = allNames();
    String a2 = actor2;
    Integer i2 = inter2;
    List<String> as1 = new ArrayList<>(assoc1);
    List<String> as2 = new ArrayList<>(assoc2);
    boolean sameSide = actor1 != null && actor1.equals(other.actor1);
    for (String[] candidate :
        new String[][] {
          {other.actor1, "1"}, {other.actor2, "2"},
        }) {
      String name = candidate[0];
      if (name == null || !seen.add(name)) {
        continue;
      }
      Integer inter = "1".equals(candidate[1]) ? other.inter1 : other.inter2;
      if (a2 == null) {
        a2 = name;
        i2 = inter;
      } else {
        as2.add(name);
      }
    }
    for (String name : other.assoc1) {
      if (seen.add(name)) {
        (sameSide ? as1 : as2).add(name);
      }
    }
    for (String name : other.assoc2) {
      if (seen.add(name)) {
        (sameSide ? as2 : as1).add(name);
      }
    }
    return new ActorColumns(actor1, inter1, as1, a2, i2, as2, interaction);
  }

  /** The content hash of an event with these actors and the given core hash. */
  public long contentHash(long coreHash) {
    return EventHashes.withActors(coreHash, this);
  }
}

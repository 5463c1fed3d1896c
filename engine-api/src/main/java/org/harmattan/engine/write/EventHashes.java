package org.harmattan.engine.write;

import java.util.Objects;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.Fatalities;

/**
 * 64-bit FNV-1a fingerprints of an event's content, used to tell a changed record from a repeated
 * one. Provenance is left out: the same event read from another file is the same content. So are
 * the event's flags: they are derived from the values hashed here (a point outside its country is
 * the point), so a row read again is unchanged whatever flags the reading gave it (the stored
 * version then takes them, see {@link FileWrite#commit}).
 */
public final class EventHashes {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private EventHashes() {}

  /** Everything but the actors: rows of a monadic export agree on this. */
  public static long core(Event e) {
    long h = OFFSET;
    h = mix(h, e.source().name());
    h = mix(h, e.sourceEventId());
    h = mix(h, e.date().toString());
    h = mix(h, e.endDate().toString());
    h = mix(h, e.datePrecision().name());
    h = mix(h, e.eventType().name());
    h = mix(h, e.subEventType());
    h = mix(h, e.sourceEventType());
    h = mix(h, e.sourceSubEventType());
    h = mix(h, e.disorderType());
    h = mix(h, Boolean.toString(e.civilianTargeting()));
    h = mix(h, e.countryIso3());
    h = mix(h, e.admin1());
    h = mix(h, e.admin2());
    h = mix(h, e.admin3());
    h = mix(h, e.location());
    h = mix(h, Objects.toString(e.latitude(), null));
    h = mix(h, Objects.toString(e.longitude(), null));
    h = mix(h, Objects.toString(e.geoPrecision(), null));
    h = mix(h, fatalitiesText(e.fatalities()));
    h = mix(h, e.notes());
    h = mix(h, e.sourceNames());
    h = mix(h, e.sourceScale());
    h = mix(h, String.join(";", e.tags()));
    h = mix(h, Objects.toString(e.provenance().sourceTimestamp(), null));
    return h;
  }

  /**
   * The text of {@code f} the core hash takes: the record's {@code toString()}, which stored hashes
   * were made of, written out (the record's own builds it with {@code String.format} on JDK 17, a
   * tenth of the work of reading a row).
   */
  static String fatalitiesText(Fatalities f) {
    return "Fatalities[best=" + f.best() + ", low=" + f.low() + ", high=" + f.high() + "]";
  }

  /** The whole content, actors included. */
  public static long content(Event e) {
    return withActors(core(e), ActorColumns.of(e));
  }

  /** Extends a core hash with the actor columns. */
  public static long withActors(long core, ActorColumns a) {
    long h = core;
    h = mix(h, a.actor1());
    h = mix(h, Objects.toString(a.inter1(), null));
    h = mix(h, String.join(";", a.assoc1()));
    h = mix(h, a.actor2());
    h = mix(h, Objects.toString(a.inter2(), null));
    h = mix(h, String.join(";", a.assoc2()));
    h = mix(h, Objects.toString(a.interaction(), null));
    return h;
  }

  private static long mix(long h, String s) {
    if (s == null) {
      h ^= 0xff;
      return h * PRIME;
    }
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= PRIME;
    }
    h ^= 0x1f;
    return h * PRIME;
  }
}

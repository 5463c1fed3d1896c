package org.harmattan.engine.write;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
    return mixAll(
        OFFSET,
        e.source().name(),
        e.sourceEventId(),
        e.date().toString(),
        e.endDate().toString(),
        e.datePrecision().name(),
        e.eventType().name(),
        e.subEventType(),
        e.sourceEventType(),
        e.sourceSubEventType(),
        e.disorderType(),
        Boolean.toString(e.civilianTargeting()),
        e.countryIso3(),
        e.admin1(),
        e.admin2(),
        e.admin3(),
        e.location(),
        Objects.toString(e.latitude(), null),
        Objects.toString(e.longitude(), null),
        Objects.toString(e.geoPrecision(), null),
        fatalitiesText(e.fatalities()),
        e.notes(),
        e.sourceNames(),
        e.sourceScale(),
        String.join(";", e.tags()),
        instantText(e.provenance().sourceTimestamp()));
  }

  /** The first second of year 0 and of year 10000, epoch seconds: ISO_INSTANT's plain range. */
  private static final long YEAR_0 = -62_167_219_200L;

  private static final long YEAR_10000 = 253_402_300_800L;

  /**
   * {@code t.toString()} (null for null), written out for whole seconds of years 0 to 9999, every
   * source's timestamps: the ISO-8601 text {@code 2019-03-07T23:06:40Z}, the seconds always
   * written. {@link Instant#toString} goes through {@code DateTimeFormatter.ISO_INSTANT}, a tenth
   * of the work of hashing a row.
   */
  static String instantText(Instant t) {
    if (t == null) {
      return null;
    }
    long seconds = t.getEpochSecond();
    if (t.getNano() != 0 || seconds < YEAR_0 || seconds >= YEAR_10000) {
      return t.toString();
    }
    LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    char[] c = new char[20];
    digits(c, 0, d.getYear(), 4);
    c[4] = '-';
    digits(c, 5, d.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, d.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, d.getHour(), 2);
    c[13] = ':';
    digits(c, 14, d.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, d.getSecond(), 2);
    c[19] = 'Z';
    return new String(c);
  }

  /** {@code value} as {@code width} decimal digits, zero-padded, into {@code c} at {@code at}. */
  private static void digits(char[] c, int at, int value, int width) {
    int v = value;
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
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
    return mixAll(
        core,
        a.actor1(),
        Objects.toString(a.inter1(), null),
        String.join(";", a.assoc1()),
        a.actor2(),
        Objects.toString(a.inter2(), null),
        String.join(";", a.assoc2()),
        Objects.toString(a.interaction(), null));
  }

  /**
   * {@code h} extended with each of {@code texts} in turn. One loop over the texts rather than a
   * call per text: the hashes are the same, and the JIT compiles one loop instead of a copy of it
   * per text (a tenth of a second or more of compilation per cold ingest, in each method that
   * inlines this one).
   */
  private static long mixAll(long h, String... texts) {
    long out = h;
    for (String t : texts) {
      out = mix(out, t);
    }
    return out;
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

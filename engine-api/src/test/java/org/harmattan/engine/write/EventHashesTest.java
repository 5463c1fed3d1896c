package org.harmattan.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.junit.jupiter.api.Test;

class EventHashesTest {
  @Test
  void theFatalitiesTextHashedIsTheRecordsOwnTextThatStoredHashesWereMadeOf() {
    for (Fatalities f :
        new Fatalities[] {
          Fatalities.NONE, Fatalities.exactly(7), new Fatalities(12, 3, 2_147_483_647)
        }) {
      assertThat(EventHashes.fatalitiesText(f)).isEqualTo(f.toString());
    }
    assertThat(EventHashes.fatalitiesText(new Fatalities(12, 3, 40)))
        .isEqualTo("Fatalities[best=12, low=3, high=40]");
  }

  @Test
  void theTimestampsTextIsInstantsOwn() {
    List<Instant> cases = new ArrayList<>();
    for (long s :
        new long[] {
          0L,
          -1L,
          59L,
          60L,
          86_399L,
          1_552_000_000L,
          1_552_003_200L,
          -62_167_219_200L,
          -62_167_219_201L,
          253_402_300_799L,
          253_402_300_800L,
          951_782_400L
        }) {
      cases.add(Instant.ofEpochSecond(s));
    }
    cases.add(Instant.ofEpochSecond(1_552_000_000L, 1_000_000));
    cases.add(Instant.ofEpochSecond(1_552_000_000L, 7));
    Random random = new Random(20_261_205L);
    for (int i = 0; i < 20_000; i++) {
      long s = -63_000_000_000L + (long) (random.nextDouble() * 317_000_000_000L);
      cases.add(Instant.ofEpochSecond(random.nextBoolean() ? s : s - Math.floorMod(s, 60)));
    }
    for (Instant t : cases) {
      assertThat(EventHashes.instantText(t)).as("%s", t).isEqualTo(t.toString());
    }
    assertThat(EventHashes.instantText(null)).isNull();
  }

  private static final String SHA =
      "4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358";

  private static Event event() {
    return Event.builder(SourceSystem.ACLED, "MLI2665")
        .date(LocalDate.of(2018, 3, 7))
        .endDate(LocalDate.of(2018, 3, 7))
        .datePrecision(DatePrecision.DAY)
        .eventType(EventType.VIOLENCE_AGAINST_CIVILIANS)
        .subEventType("Attack")
        .sourceEventType("Violence against civilians")
        .sourceSubEventType("Attack")
        .disorderType("Political violence")
        .actor(ActorRole.ACTOR_1, "JNIM: Group for Support of Islam and Muslims", 2)
        .actor(ActorRole.ASSOCIATED_1, "Katiba Macina", null)
        .actor(ActorRole.ACTOR_2, "Civilians (Mali)", 7)
        .interaction(27)
        .civilianTargeting(true)
        .countryIso3("MLI")
        .admin1("Mopti")
        .admin2("Djenne")
        .location("Sofara")
        .point(14.0167, -4.25)
        .geoPrecision(1)
        .fatalities(Fatalities.exactly(3))
        .notes("On 7 March 2018, militants killed 3 civilians near Sofara (Djenné). Tags: \"é\".")
        .sourceNames("Studio Tamani")
        .sourceScale("National")
        .tags(List.of("women targeted: girls", "local administrators"))
        .provenance(
            new Provenance("acled", SHA, 12, Instant.ofEpochSecond(1_552_000_000L), Instant.EPOCH))
        .build();
  }

  /**
   * FNV-1a over the texts in the order the hashes take them, each ended by 0x1f (null as 0xff
   * alone): written here from the definition, not with the code under test.
   */
  private static long fnv(long start, String... texts) {
    long h = start;
    for (String t : texts) {
      if (t == null) {
        h = (h ^ 0xff) * 0x100000001b3L;
        continue;
      }
      for (int i = 0; i < t.length(); i++) {
        h = (h ^ t.charAt(i)) * 0x100000001b3L;
      }
      h = (h ^ 0x1f) * 0x100000001b3L;
    }
    return h;
  }

  @Test
  void theHashesAreFnv1aOfTheEventsTextsInTheirOrder() {
    Event e = event();
    long core =
        fnv(
            0xcbf29ce484222325L,
            "ACLED",
            "MLI2665",
            "2018-03-07",
            "2018-03-07",
            "DAY",
            "VIOLENCE_AGAINST_CIVILIANS",
            "Attack",
            "Violence against civilians",
            "Attack",
            "Political violence",
            "true",
            "MLI",
            "Mopti",
            "Djenne",
            null,
            "Sofara",
            "14.0167",
            "-4.25",
            "1",
            "Fatalities[best=3, low=3, high=3]",
            "On 7 March 2018, militants killed 3 civilians near Sofara (Djenné). Tags: \"é\".",
            "Studio Tamani",
            "National",
            "women targeted: girls;local administrators",
            "2019-03-07T23:06:40Z");
    assertThat(EventHashes.core(e)).isEqualTo(core);
    long content =
        fnv(
            core,
            "JNIM: Group for Support of Islam and Muslims",
            "2",
            "Katiba Macina",
            "Civilians (Mali)",
            "7",
            "",
            "27");
    assertThat(EventHashes.content(e)).isEqualTo(content);
  }

  @Test
  void theHashesAreThoseOfStoresMadeBefore() {
    // Values the hashes had when stores were made with them: a store compares what it holds with
    // what a file gives again, so these must never change.
    assertThat(EventHashes.core(event())).isEqualTo(CORE_BEFORE);
    assertThat(EventHashes.content(event())).isEqualTo(CONTENT_BEFORE);
  }

  private static final long CORE_BEFORE = -4875034143993947495L;
  private static final long CONTENT_BEFORE = -3593096173113487160L;
}

package org.harmattan.analytics.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.actor.ActorType;
import org.harmattan.domain.actor.Affiliation;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.reference.actors.ActorRegistryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorRegistryTest {
  private final ActorRegistry registry = ActorRegistry.shipped();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} -> {1} by {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          JNIM: Group for Support of Islam and Muslims                     | jnim              | ALIAS
          JNIM                                                             | jnim              | ALIAS
          Group for Support of Islam and Muslims                           | jnim              | NORMALISED
          Jama’at Nusrat al-Islam wal-Muslimin                             | jnim              | NORMALISED
          Ansar Dine                                                       | ansar_dine        | ALIAS
          AQIM: Al Qaeda in the Islamic Maghreb                            | aqim              | ALIAS
          GSPC: Salafist Group for Call and Combat                         | aqim              | ALIAS
          Al Mourabitoune Battalion                                        | al_mourabitoune   | ALIAS
          al-Murabitun                                                     | al_mourabitoune   | ALIAS
          Katiba Macina                                                    | katiba_macina     | ALIAS
          Islamic State (Greater Sahara)                                   | is_sahel          | ALIAS
          Islamic State (Sahel)                                            | is_sahel          | ALIAS
          ISGS                                                             | is_sahel          | ALIAS
          IS Sahel                                                         | is_sahel          | ALIAS
          Islamic State (West Africa) - Greater Sahara Faction             | is_sahel          | ALIAS
          Military Forces of Mali (2013-)                                  | mali_state_forces | ALIAS
          Military Forces of Mali (2021-)                                  | mali_state_forces | ALIAS
          Military Forces of Mali (2012-2013)                              | mali_state_forces | NORMALISED
          Military Forces of Mali (2013-) Operational Coordination Mechanism | mali_state_forces | PATTERN
          Police Forces of Mali (2013-)                                    | mali_state_forces | ALIAS
          Police Forces of Mali (2013-) Gendarmerie                        | mali_state_forces | ALIAS
          Police Forces of Mali (2021-) Customs                            | mali_state_forces | PATTERN
          Government of Mali                                               | mali_state_forces | ALIAS
          Government of Mali (2021-)                                       | mali_state_forces | NORMALISED
          Wagner Group                                                     | wagner_group      | ALIAS
          Africa Corps                                                     | africa_corps      | ALIAS
          MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-) | minusma | ALIAS
          MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2021-) | minusma | ALIAS
          MINUSMA                                                          | minusma           | ALIAS
          Operation Barkhane                                               | barkhane          | ALIAS
          Military Forces of France (2012-2017)                            | french_forces     | ALIAS
          Military Forces of France                                        | french_forces     | ALIAS
          CMA: Coordination of Azawad Movements                            | cma               | ALIAS
          CMA: Coordination of Movements of the Azawad                     | cma               | ALIAS
          CSP: Permanent Strategic Framework                               | csp               | ALIAS
          FLA: Azawad Liberation Front                                     | fla               | ALIAS
          GATIA: Imghad Tuareg and Allies Self-Defense Group               | gatia             | ALIAS
          Groupe autodefense touareg Imghad et allies                      | gatia             | NORMALISED
          MSA: Movement for Azawad Salvation                               | msa               | ALIAS
          Movement for the Salvation of Azawad                             | msa               | ALIAS
          Dan Na Ambassagou                                                | dan_na_ambassagou | ALIAS
          Dan na Ambassagou                                                | dan_na_ambassagou | NORMALISED
          Dozo Militia                                                     | dozo_militia      | ALIAS
          Dozos (Mali)                                                     | dozo_militia      | ALIAS
          Fulani Ethnic Militia (Mali)                                     | fulani_militia_mali | ALIAS
          Dogon Ethnic Militia (Mali)                                      | dogon_militia_mali | ALIAS
          Civilians (Mali)                                                 | civilians         | PATTERN
          Protesters (Mali)                                                | protesters        | PATTERN
          Rioters (Mali)                                                   | rioters           | PATTERN
          Unidentified Armed Group (Mali)                                  | unidentified_armed_group | PATTERN
          '  jnim: group for support of islam and muslims  '               | jnim              | NORMALISED
          """)
  void matchesTheRequiredActorsAndSpellings(String raw, String id, MatchKind kind) {
    assertThat(registry.match(raw))
        .hasValueSatisfying(
            m -> {
              assertThat(m.actor().id()).isEqualTo(id);
              assertThat(m.kind()).isEqualTo(kind);
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)
          Mutiny of Military Forces of Mali (2013-)
          Mutiny of MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)
          Fulani Ethnic Group (Mali)
          IS
          Katiba Salaheddine
          Military Forces of Burkina Faso (2015-)
          """)
  void doesNotGuess(String raw) {
    assertThat(registry.match(raw)).isEmpty();
  }

  @Test
  void blankAndNullMatchNothing() {
    assertThat(registry.match(null)).isEmpty();
    assertThat(registry.match("   ")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Military Forces of Mali (2013-)              | military forces of mali
          Military Forces of Mali (2021-)              | military forces of mali
          Military Forces of Mali (1960-1968)          | military forces of mali
          Military Forces of Mali ( 2012 - 2013 )      | military forces of mali
          Police Forces of Mali (2013-) Gendarmerie    | police forces of mali gendarmerie
          GATIA: Imghad Tuareg and Allies Self-Defense Group | gatia imghad tuareg and allies self defense group
          Groupe autodéfense touareg Imghad et alliés  | groupe autodefense touareg imghad et allies
          Jama'at Nusrat al-Islam   wal-Muslimin       | jamaat nusrat al islam wal muslimin
          Civilians (Mali)                             | civilians mali
          Platform of June 14th 2014 movements         | platform of june 14th 2014 movements
          """)
  void normalisationDropsAccentsCasePunctuationAndDateSuffixes(String raw, String expected) {
    assertThat(ActorRegistry.normalise(raw)).isEqualTo(expected);
  }

  @Test
  void theAcronymPrefixIsDroppedOnlyForAnAcronym() {
    assertThat(ActorRegistry.withoutAcronymPrefix("JNIM: Group for Support of Islam and Muslims"))
        .contains("Group for Support of Islam and Muslims");
    assertThat(ActorRegistry.withoutAcronymPrefix("CMFPR1: Coordination of Patriotic Movements"))
        .contains("Coordination of Patriotic Movements");
    assertThat(ActorRegistry.withoutAcronymPrefix("Mutiny of MINUSMA: United Nations")).isEmpty();
    assertThat(ActorRegistry.withoutAcronymPrefix("Katiba Macina")).isEmpty();
  }

  @Test
  void theShippedRegistryCarriesTheFacts() {
    CanonicalActor jnim = registry.findActor("jnim").orElseThrow();
    assertThat(jnim.type()).isEqualTo(ActorType.REBEL_GROUP);
    assertThat(jnim.validFrom()).isEqualTo(LocalDate.of(2017, 3, 2));
    for (String merged : List.of("ansar_dine", "aqim", "al_mourabitoune", "katiba_macina")) {
      assertThat(registry.findActor(merged).orElseThrow().affiliations())
          .as(merged)
          .contains(new Affiliation("jnim", "merged_into", LocalDate.of(2017, 3, 2), null));
    }
    CanonicalActor minusma = registry.getActor("minusma");
    assertThat(minusma.validFrom()).isEqualTo(LocalDate.of(2013, 4, 25));
    assertThat(minusma.validTo()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(minusma.isActiveOn(LocalDate.of(2024, 1, 1))).isFalse();
    CanonicalActor barkhane = registry.getActor("barkhane");
    assertThat(barkhane.validFrom()).isEqualTo(LocalDate.of(2014, 8, 1));
    assertThat(barkhane.validTo()).isEqualTo(LocalDate.of(2022, 8, 15));
    assertThat(registry.getActor("cma").affiliations())
        .contains(new Affiliation("fla", "merged_into", LocalDate.of(2024, 11, 30), null));
    assertThat(registry.getActor("wagner_group").affiliations())
        .extracting(Affiliation::actorId)
        .contains("africa_corps");
    assertThat(registry.getActor("mali_state_forces").type().interCode()).isEqualTo(1);
    assertThat(registry.getActor("minusma").type().interCode()).isEqualTo(8);
  }

  @Test
  void theShippedRegistryHasNoSpellingSharedByTwoActors() {
    Map<String, String> owner = new HashMap<>();
    for (CanonicalActor a : registry.listActors()) {
      for (String s : a.spellings()) {
        String previous = owner.putIfAbsent(ActorRegistry.normalise(s), a.id());
        assertThat(previous == null || previous.equals(a.id()))
            .as("'%s' of %s is also a spelling of %s", s, a.id(), previous)
            .isTrue();
      }
    }
  }

  @Test
  void everyActorMatchesItsOwnNameAndAliases() {
    for (CanonicalActor a : registry.listActors()) {
      for (String s : a.spellings()) {
        assertThat(registry.match(s)).as(s).map(m -> m.actor().id()).contains(a.id());
      }
    }
  }

  @Test
  void listAndFind() throws IOException {
    // One actor per "- id:" entry of the shipped file, counted in its text.
    long entries;
    try (InputStream in =
        ActorRegistryFiles.class.getResourceAsStream(ActorRegistryFiles.SHIPPED_RESOURCE)) {
      entries =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> l.startsWith("  - id: "))
              .count();
    }
    assertThat(entries).isEqualTo(39);
    assertThat(registry.listActors()).extracting(CanonicalActor::id).startsWith("jnim");
    assertThat(registry.listActors()).hasSize(39);
    assertThat(registry.findActor("nobody")).isEmpty();
    assertThatThrownBy(() -> registry.getActor("nobody"))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT))
        .hasMessageContaining("'nobody'")
        .hasMessageContaining("jnim");
  }

  @Test
  void rawNamesOfSelectsTheCandidatesOfOneActor() {
    List<String> candidates =
        List.of(
            "Military Forces of Mali (2013-)",
            "JNIM: Group for Support of Islam and Muslims",
            "Police Forces of Mali (2013-) Gendarmerie",
            "Mutiny of Military Forces of Mali (2013-)",
            "Civilians (Mali)",
            "Government of Mali");

    assertThat(registry.rawNamesOf("mali_state_forces", candidates))
        .containsExactly(
            "Military Forces of Mali (2013-)",
            "Police Forces of Mali (2013-) Gendarmerie",
            "Government of Mali");
    assertThat(registry.rawNamesOf("jnim", candidates))
        .containsExactly("JNIM: Group for Support of Islam and Muslims");
    assertThat(registry.rawNamesOf("barkhane", candidates)).isEmpty();
    assertThatThrownBy(() -> registry.rawNamesOf("nobody", candidates))
        .isInstanceOf(HarmattanException.class);
  }

  // --- user files ------------------------------------------------------------------------------

  @Test
  void aUserFileAddsActorsAndAliases() throws IOException {
    Path file =
        write(
            "mine.yaml",
            """
            actors:
              - id: jnim
                aliases: ["Groupe de soutien à l'islam et aux musulmans"]
              - id: katiba_salaheddine
                name: Katiba Salaheddine
                type: rebel group
                country: MLI
                valid_from: 2018-01-01
                patterns: ['^Katiba Salah']
                affiliations:
                  - {actor: is_sahel, relation: part_of}
            """);

    ActorRegistry r = ActorRegistry.load(List.of(file));

    assertThat(r.match("Groupe de soutien à l'islam et aux musulmans"))
        .map(m -> m.actor().id())
        .contains("jnim");
    assertThat(r.match("GROUPE DE SOUTIEN A L’ISLAM ET AUX MUSULMANS"))
        .map(ActorMatch::kind)
        .contains(MatchKind.NORMALISED);
    assertThat(r.match("Katiba Salaheddine"))
        .map(m -> m.actor().id())
        .contains("katiba_salaheddine");
    assertThat(r.match("Katiba Salah Eddine")).map(ActorMatch::kind).contains(MatchKind.PATTERN);
    CanonicalActor added = r.getActor("katiba_salaheddine");
    assertThat(added.type()).isEqualTo(ActorType.REBEL_GROUP);
    assertThat(added.affiliations()).extracting(Affiliation::actorId).containsExactly("is_sahel");
    assertThat(r.listActors()).last().isEqualTo(added);
    assertThat(r.getActor("jnim").name()).isEqualTo(registry.getActor("jnim").name());
    // the shipped registry itself is unchanged
    assertThat(registry.match("Katiba Salaheddine")).isEmpty();
  }

  @Test
  void ambiguousPatternsResolveToTheFirstInFileOrder() throws IOException {
    String first =
        """
        actors:
          - id: kidal_militia
            name: Kidal militia
            type: identity_militia
            patterns: ['^Kidal ']
          - id: communal_militia
            name: Communal militia
            type: identity_militia
            patterns: ['Communal Militia \\(Mali\\)$']
        """;
    String reversed =
        """
        actors:
          - id: communal_militia
            name: Communal militia
            type: identity_militia
            patterns: ['Communal Militia \\(Mali\\)$']
          - id: kidal_militia
            name: Kidal militia
            type: identity_militia
            patterns: ['^Kidal ']
        """;
    String raw = "Kidal Communal Militia (Mali)";

    ActorRegistry a = ActorRegistry.load(List.of(write("a.yaml", first)));
    ActorRegistry b = ActorRegistry.load(List.of(write("b.yaml", reversed)));

    for (int i = 0; i < 3; i++) {
      assertThat(a.match(raw)).map(m -> m.actor().id()).contains("kidal_militia");
      assertThat(b.match(raw)).map(m -> m.actor().id()).contains("communal_militia");
    }
    // an alias beats any pattern, wherever it stands
    ActorRegistry c =
        ActorRegistry.load(
            List.of(
                write("b.yaml", reversed),
                write(
                    "c.yaml",
                    "actors:\n  - id: kidal_militia\n    aliases: ['Kidal Communal Militia"
                        + " (Mali)']\n")));
    assertThat(c.match(raw))
        .hasValueSatisfying(
            m -> {
              assertThat(m.actor().id()).isEqualTo("kidal_militia");
              assertThat(m.kind()).isEqualTo(MatchKind.ALIAS);
            });
    // and shipped patterns come before user patterns
    ActorRegistry d =
        ActorRegistry.load(
            List.of(
                write(
                    "d.yaml",
                    """
                    actors:
                      - id: all_civilians
                        name: x
                        type: civilians
                        patterns: ['^Civilians']
                    """)));
    assertThat(d.match("Civilians (Mali)")).map(m -> m.actor().id()).contains("civilians");
  }

  @Test
  void canonicalActorsValidateThemselves() {
    assertThatThrownBy(
            () ->
                new CanonicalActor(
                    "JNIM",
                    "x",
                    ActorType.REBEL_GROUP,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null))
        .hasMessageContaining("lower-case slug");
    assertThatThrownBy(
            () ->
                new CanonicalActor(
                    "x",
                    "x",
                    ActorType.REBEL_GROUP,
                    "ML",
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null))
        .hasMessageContaining("countryIso3");
    assertThatThrownBy(
            () ->
                new CanonicalActor(
                    "x",
                    "x",
                    ActorType.REBEL_GROUP,
                    null,
                    List.of(),
                    List.of("[a"),
                    List.of(),
                    null,
                    null))
        .hasMessageContaining("not a regular expression");
    assertThatThrownBy(
            () ->
                new Affiliation(
                    "jnim", "merged_into", LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1)))
        .hasMessageContaining("before it starts");
    assertThat(ActorType.findByInterCode(8)).contains(ActorType.EXTERNAL_FORCE);
    assertThat(ActorType.findByInterCode(0)).isEmpty();
    assertThat(Set.of(ActorType.values()))
        .extracting(ActorType::interCode)
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}

package org.harmattan.reference.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorRegistryFilesTest {
  @TempDir Path dir;

  @Test
  void theShippedRegistryReadsCleanlyInFileOrder() {
    List<CanonicalActor> actors = ActorRegistryFiles.readShipped();

    assertThat(actors).extracting(CanonicalActor::id).startsWith("jnim");
    assertThat(actors).extracting(CanonicalActor::id).doesNotHaveDuplicates();
  }

  @Test
  void userFilesComeAfterTheShippedActors() throws IOException {
    Path file =
        write(
            "mine.yaml",
            """
            actors:
              - id: jnim
                aliases: [GSIM]
              - id: katiba_salaheddine
                name: Katiba Salaheddine
                type: rebel group
            """);

    List<CanonicalActor> actors = ActorRegistryFiles.read(List.of(file));

    assertThat(actors).hasSize(ActorRegistryFiles.readShipped().size() + 1);
    assertThat(actors.get(actors.size() - 1).id()).isEqualTo("katiba_salaheddine");
    assertThat(actors.get(0).aliases()).contains("GSIM");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          empty file           | ''                                                                  | the file is empty
          not yaml             | 'actors: [ {id: x'                                                  | not valid YAML
          no actors key        | 'people: []'                                                        | unknown top-level key 'people'
          actors not a list    | 'actors: {id: x}'                                                   | 'actors' must be a list
          entry not a mapping  | 'actors: [hello]'                                                   | entry 1: expected a mapping
          missing id           | 'actors: [{name: X, type: rebel_group}]'                            | 'id' is missing (expected a lower-case slug
          bad id               | 'actors: [{id: Big Group, name: X, type: rebel_group}]'             | is not a lower-case slug (expected a-z
          unknown key          | 'actors: [{id: x, name: X, type: rebel_group, colour: red}]'        | unknown key 'colour' (expected affiliations, aliases
          bad type             | 'actors: [{id: x, name: X, type: bandits}]'                         | type 'bandits' is not an actor type (expected one of state_force
          missing type         | 'actors: [{id: x, name: X}]'                                        | a new actor needs type
          bad date             | 'actors: [{id: x, name: X, type: rebel_group, valid_from: 2017-3}]' | valid_from '2017-3' is not a date (expected yyyy-MM-dd)
          dates reversed       | 'actors: [{id: x, name: X, type: rebel_group, valid_from: 2020-01-01, valid_to: 2019-01-01}]' | valid_to 2019-01-01 is before valid_from 2020-01-01
          bad country          | 'actors: [{id: x, name: X, type: rebel_group, country: Mali}]'      | country 'Mali' is not an ISO3 code (expected e.g. MLI
          bad regex            | 'actors: [{id: x, name: X, type: rebel_group, patterns: [''(oops'']}]' | pattern '(oops' is not a Java regular expression
          aliases not a list   | 'actors: [{id: x, name: X, type: rebel_group, aliases: X}]'         | 'aliases' must be a list of strings
          redefines shipped    | 'actors: [{id: jnim, name: Other, type: rebel_group}]'              | actor 'jnim' already exists (from sahel-actors.yaml); a later file may only add aliases, patterns and affiliations to it, so remove name, type
          alias of another     | 'actors: [{id: jnim, aliases: [ISGS]}]'                             | 'ISGS' is already a spelling of actor 'is_sahel'
          unknown affiliation  | 'actors: [{id: x, name: X, type: rebel_group, affiliations: [{actor: nobody, relation: part_of}]}]' | affiliation names unknown actor 'nobody' (expected the id of an actor
          affiliation relation | 'actors: [{id: x, name: X, type: rebel_group, affiliations: [{actor: jnim}]}]' | 'actor' and 'relation' are required
          duplicate id         | 'actors: [{id: x, name: X, type: rebel_group}, {id: x, name: Y, type: rebel_group}]' | id 'x' is defined twice in this file
          """)
  void badFilesAreReportedWithFileEntryAndExpectation(String label, String yaml, String expected)
      throws IOException {
    Path file = write("user-actors.yaml", yaml);

    assertThatThrownBy(() -> ActorRegistryFiles.read(List.of(file)))
        .as(label)
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT);
              assertThat(e.code()).isEqualTo("bad_actor_registry");
            })
        .hasMessageContaining("user-actors.yaml")
        .hasMessageContaining(expected)
        .hasMessageNotContaining("Exception");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() throws IOException {
    Path file =
        write(
            "two.yaml",
            """
            actors:
              - id: ok
                name: Fine
                type: civilians
              - id: bad_one
                name: X
                type: bandits
              - id: bad_two
                name: Y
                type: rebel_group
                valid_to: yesterday
            """);

    assertThatThrownBy(() -> ActorRegistryFiles.read(List.of(file)))
        .hasMessageContaining("2 problems")
        .hasMessageContaining("two.yaml line 5, actor entry 2 (id 'bad_one'): type 'bandits'")
        .hasMessageContaining(
            "two.yaml line 8, actor entry 3 (id 'bad_two'): valid_to 'yesterday'");
  }

  @Test
  void aMissingUserFileIsAUserError() {
    Path missing = dir.resolve("nowhere.yaml");

    assertThatThrownBy(() -> ActorRegistryFiles.read(List.of(missing)))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT))
        .hasMessageContaining("nowhere.yaml: no such file");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}

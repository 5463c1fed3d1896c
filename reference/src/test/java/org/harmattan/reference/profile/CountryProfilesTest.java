package org.harmattan.reference.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountryProfilesTest {
  @TempDir Path dir;

  @Test
  void theShippedProfilesNameCapitalsBoundariesAndMaliCorridors() {
    CountryProfiles shipped = CountryProfiles.shipped();
    assertThat(shipped.listProfiles())
        .extracting(CountryProfile::iso3)
        .containsExactlyInAnyOrder("MLI", "BFA", "NER");
    CountryProfile mali = shipped.find("MLI").orElseThrow();
    assertThat(mali.capital().name()).isEqualTo("Bamako");
    assertThat(mali.boundaries().admin0Id()).isEqualTo("466");
    assertThat(mali.corridors())
        .extracting(CountryProfile.CorridorSpec::slug)
        .containsExactly("dakar", "abidjan", "mopti");
    assertThat(CountryProfiles.findCapital("NER").orElseThrow().name()).isEqualTo("Niamey");
    assertThat(shipped.find("TCD")).isEmpty();
  }

  @Test
  void aUserFileAddsACountryAndReplacesAShippedOne() throws Exception {
    Path outline = dir.resolve("tcd.geojson");
    Path file =
        write(
            "profiles.yaml",
            """
            profiles:
              - country: tcd
                name: Chad
                capital: {name: N'Djamena, latitude: 12.11, longitude: 15.04}
                boundaries: {admin0: "148", admin1_file: tcd.geojson}
                corridors:
                  - slug: douala
                    name: Douala corridor
                    via: []
                    to: {name: Cameroon border, latitude: 12.1, longitude: 14.9}
              - country: MLI
                name: Mali
                capital: {name: Bamako, latitude: 12.64, longitude: -8.0}
            """);
    CountryProfiles all = CountryProfiles.shipped().with(file);
    CountryProfile chad = all.find("TCD").orElseThrow();
    assertThat(chad.capital().name()).isEqualTo("N'Djamena");
    assertThat(chad.boundaries().admin1File()).isEqualTo(outline.toAbsolutePath());
    assertThat(chad.roads().maxSnapKm()).isEqualTo(30);
    assertThat(chad.corridors())
        .singleElement()
        .satisfies(c -> assertThat(c.slug()).isEqualTo("douala"));
    assertThat(all.find("MLI").orElseThrow().corridors()).as("replaced, not merged").isEmpty();
    assertThat(all.find("BFA")).isPresent();
    assertThat(CountryProfiles.shipped().find("TCD")).as("shipped set unchanged").isEmpty();
  }

  @Test
  void aBadProfileSaysWhichFileEntryAndFieldAndWhatWasExpected() throws Exception {
    Path noCapital =
        write("a.yaml", "profiles:\n  - country: TCD\n    name: Chad\n    capital: {name: X}\n");
    assertThatThrownBy(() -> CountryProfiles.shipped().with(noCapital))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT))
        .hasMessageContaining("a.yaml, profile 1, capital")
        .hasMessageContaining("expected {name, latitude, longitude}");

    Path badSlug =
        write(
            "b.yaml",
            """
            profiles:
              - country: TCD
                name: Chad
                capital: {name: N'Djamena, latitude: 12.11, longitude: 15.04}
                corridors:
                  - {slug: Douala Road, name: D, to: {name: B, latitude: 12, longitude: 14}}
            """);
    assertThatThrownBy(() -> CountryProfiles.shipped().with(badSlug))
        .hasMessageContaining("b.yaml, profile 1")
        .hasMessageContaining("corridor slug 'Douala Road' must be lower-case");

    Path notAList = write("c.yaml", "country: TCD\n");
    assertThatThrownBy(() -> CountryProfiles.shipped().with(notAList))
        .hasMessageContaining("c.yaml: expected a top-level 'profiles:' list");

    assertThatThrownBy(() -> CountryProfiles.shipped().with(dir.resolve("missing.yaml")))
        .hasMessageContaining("cannot read country profile file")
        .hasMessageContaining("missing.yaml");
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}

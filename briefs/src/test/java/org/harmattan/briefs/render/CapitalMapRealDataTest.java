package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.briefs.MaliStore;
import org.harmattan.briefs.assemble.BaseMaps;
import org.harmattan.briefs.assemble.BriefBuilder;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.reference.geo.ReferenceGeography;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.testsupport.PlainCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capital section's map for Mali 2018 on the two real ACLED files: the markers are the window's
 * political-violence events, counted by type against a plain scan of the raw files.
 */
class CapitalMapRealDataTest {
  private static final Set<String> PV =
      Set.of("Battles", "Explosions/Remote violence", "Violence against civilians");
  private static Brief withMap;
  private static Brief withoutMap;
  private static Brief french;
  private static CapitalAdvance advance;

  @BeforeAll
  static void build() throws Exception {
    Period y2018 = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
    SecurityRequest request =
        new SecurityRequest(
            "MLI", y2018, y2018.inYear(2017), Set.of(SourceSystem.ACLED), MaliStore.TODAY);
    BaseMaps.Base base =
        BaseMaps.of(
            ReferenceGeography.load(CountryProfiles.shipped().find("MLI").orElseThrow()),
            Language.EN);
    try (DuckDbStore store = MaliStore.open()) {
      SecurityIndicators security = SecurityIndicators.compute(store.analytics(), request);
      advance =
          CapitalAdvance.compute(store.analytics(), ActorRegistry.shipped(), request).orElseThrow();
      Instant at = Instant.parse("2026-11-26T00:00:00Z");
      withMap = new BriefBuilder(security, "Mali", false, at).capital(advance, base).build();
      withoutMap = new BriefBuilder(security, "Mali", false, at).capital(advance).build();
      SecurityRequest fr = request.withLanguage(Language.FR);
      BaseMaps.Base frBase =
          BaseMaps.of(
              ReferenceGeography.load(CountryProfiles.shipped().find("MLI").orElseThrow()),
              Language.FR);
      french =
          new BriefBuilder(SecurityIndicators.compute(store.analytics(), fr), "Mali", false, at)
              .capital(
                  CapitalAdvance.compute(store.analytics(), ActorRegistry.shipped(), fr)
                      .orElseThrow(),
                  frBase)
              .build();
    }
    // For a look at the pages: -Dharmattan.mapPreview=DIR writes the brief there too.
    String preview = System.getProperty("harmattan.mapPreview");
    if (preview != null) {
      BriefWriter.write(withMap, Path.of(preview, "capital"));
    }
  }

  private static Section capital(Brief b) {
    return b.sections().stream().filter(s -> s.id().equals("capital")).findFirst().orElseThrow();
  }

  private static MapView map() {
    return capital(withMap).blocks().stream()
        .filter(Block.Map.class::isInstance)
        .map(b -> ((Block.Map) b).view())
        .findFirst()
        .orElseThrow();
  }

  /**
   * Political-violence events of 2018 in Mali by type, of those whose point lies within {@code
   * bounds}: per event id, the version with the newest timestamp across both files.
   */
  private static Map<String, Long> rawCountsByType(MapView.Bounds bounds) {
    Path data = MaliStore.data();
    Map<String, Map<String, String>> byId = new TreeMap<>();
    List<Map<String, String>> rows =
        new java.util.ArrayList<>(PlainCsv.readMaps(data.resolve(MaliStore.AC0519), 0));
    rows.addAll(PlainCsv.readMaps(data.resolve(MaliStore.HDX), 1));
    for (Map<String, String> r : rows) {
      Map<String, String> old = byId.get(r.get("event_id_cnty"));
      if (old == null
          || Long.parseLong(r.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
        byId.put(r.get("event_id_cnty"), r);
      }
    }
    return byId.values().stream()
        .filter(r -> r.get("event_date").contains("2018") && "Mali".equals(r.get("country")))
        .filter(
            r ->
                within(
                    bounds,
                    Double.parseDouble(r.get("longitude")),
                    Double.parseDouble(r.get("latitude"))))
        .map(r -> currentType(r.get("event_type")))
        .filter(PV::contains)
        .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
  }

  private static boolean within(MapView.Bounds b, double lon, double lat) {
    return lon >= b.west() && lon <= b.east() && lat >= b.south() && lat <= b.north();
  }

  /** ACLED's pre-2019 types as today's: "Battle-No change of territory" is a battle. */
  private static String currentType(String type) {
    if (type.startsWith("Battle-")) {
      return "Battles";
    }
    return type.equals("Remote violence") ? "Explosions/Remote violence" : type;
  }

  @Test
  void theMapShowsTheWindowsEventsByTypeAroundTheCapital() {
    MapView m = map();
    List<MapView.Marker> events =
        m.layers().stream()
            .filter(MapView.Points.class::isInstance)
            .map(MapView.Points.class::cast)
            .filter(p -> p.name().equals("Political-violence events"))
            .findFirst()
            .orElseThrow()
            .markers();
    // Every event of the window whose point lies in the drawn area is a marker (the map reads
    // those around the capital; events beyond the area would not be drawn).
    Map<String, Long> byType =
        events.stream()
            .filter(e -> within(m.bounds(), e.at().lon(), e.at().lat()))
            .collect(
                Collectors.groupingBy(
                    MapView.Marker::category, TreeMap::new, Collectors.counting()));

    assertThat(byType).isEqualTo(rawCountsByType(m.bounds()));
    assertThat(byType.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(20);
    assertThat(m.layers().get(0)).isInstanceOf(MapView.Outlines.class);
    assertThat(m.layers())
        .filteredOn(MapView.Rings.class::isInstance)
        .singleElement()
        .satisfies(
            r -> assertThat(((MapView.Rings) r).radiiKm()).containsExactly(50.0, 100.0, 200.0));
    // The drawn area reaches past the outer ring.
    assertThat(m.bounds().north() - 12.65).isGreaterThan(200 / 111.2);
    assertThat(MapSvg.toSvg(m, Language.EN)).contains(">Bamako</text>", ">200 km</text>");
  }

  @Test
  void withoutBaseLayersTheSectionIsUnchangedButForTheMap() {
    List<Block> with = capital(withMap).blocks();
    List<Block> without = capital(withoutMap).blocks();

    assertThat(without).noneMatch(Block.Map.class::isInstance);
    assertThat(with.stream().filter(b -> !(b instanceof Block.Map)).toList()).isEqualTo(without);
  }

  /**
   * The section leads with non-state armed groups (3, 3 and 11 events within 50, 100 and 200 km:
   * ACLED's own actor-type codes of the raw rows give the same, see CapitalAdvanceRealDataTest),
   * and names the colonel's assault on a journalist (state forces) and the students' clash (other)
   * apart; an event in the city is not "within 0 km".
   */
  @Test
  void theSectionLeadsWithArmedGroupsAndCountsTheRestApart(@TempDir Path out) throws Exception {
    BriefWriter.Written w = BriefWriter.write(withoutMap, out);
    String text =
        RenderTestSupport.normalisedText(Files.readString(w.html(), StandardCharsets.UTF_8))
            .replaceAll("\\[\\d+\\]", "");

    assertThat(text)
        .contains(
            "Political violence naming a non-state armed group reached Bamako itself (0 km from"
                + " the city's reference point). Events naming a non-state armed group (in any"
                + " role) within 50, 100 and 200 km of the city: 3, 3 and 11.")
        .contains(
            "events of state or foreign forces naming no non-state armed group, 1 / 1 / 1; other"
                + " political violence (actors the registry classes as neither, or does not"
                + " know), 1 / 1 / 1; all political violence, any actor, 5 / 5 / 13")
        .doesNotContain("within 0 km");
  }

  @Test
  void inFrenchTheSectionAndItsMapAreWrittenInFrench() {
    Section sec = capital(french);
    assertThat(sec.title()).isEqualTo("La capitale\u00a0: Bamako");
    String text = MarkdownRenderer.render(french);
    int from = text.indexOf("La capitale\u00a0: Bamako");
    String section = text.substring(from, text.indexOf("\n## ", from + 1));
    assertThat(section)
        .contains("La violence politique citant un groupe armé non étatique a atteint Bamako même")
        .contains("Décomptés à part, dans un rayon de 50 / 100 / 200 km\u00a0:")
        .contains("Par groupe armé non étatique du registre")
        .contains("distance médiane")
        .contains("premier événement dans un rayon de");
    // Actors are named as the registry names them (English names are proper names).
    // Names of files (a chart's or map's) are not prose either.
    String prose = section.replaceAll("\\[\\^\\d+]", "").replaceAll("]\\([^)]*\\)", "]");
    for (CanonicalActor a : ActorRegistry.shipped().listActors()) {
      prose = prose.replace(a.name(), "");
    }
    assertThat(prose)
        .doesNotContainPattern(
            "\\b(the|of|within|nearest|median|events?|window|came|approach|from|first)\\b");
    MapView map =
        sec.blocks().stream()
            .filter(Block.Map.class::isInstance)
            .map(b -> ((Block.Map) b).view())
            .findFirst()
            .orElseThrow();
    assertThat(map.caption())
        .isEqualTo(
            "Événements de violence politique de la période autour de Bamako, par type"
                + " d’événement, avec les cercles de 50, 100 et 200 km");
    assertThat(map.layers())
        .extracting(MapView.Layer::name)
        .containsExactly(
            "Pays voisins",
            "Mali",
            "Régions (admin-1)",
            "Distance à Bamako",
            "Événements de violence politique",
            "Bamako");
    MapView.Marker first =
        map.layers().stream()
            .filter(MapView.Points.class::isInstance)
            .flatMap(l -> ((MapView.Points) l).markers().stream())
            .filter(m -> m.category().equals("Battles"))
            .findFirst()
            .orElseThrow();
    assertThat(first.label()).endsWith("\u00a0: Combats");
  }
}

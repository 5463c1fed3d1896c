package org.harmattan.analytics.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.analytics.actors.ActorMatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.actor.ActorType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Influence, diffusion, hot cells and transfers for Mali from the two real ACLED files, with the
 * Natural Earth outline of Mali. Expected values are computed here from the raw CSVs: the newest
 * version of each event, a plain loop over its actors (matched with the registry), H3 cells from
 * the library, the equal-area grid and Gi* written out again.
 */
class TerritorialInfluenceRealDataTest {
  private static final Set<String> PV =
      Set.of(
          "Battles",
          "Explosions/Remote violence",
          "Violence against civilians",
          // the pre-2019 taxonomy of the export-tool file
          "Battle-No change of territory",
          "Battle-Non-state actor overtakes territory",
          "Battle-Government regains territory",
          "Remote violence");
  private static final Set<String> TRANSFER =
      Set.of(
          "Non-state actor overtakes territory",
          "Government regains territory",
          "Non-violent transfer of territory",
          "Battle-Non-state actor overtakes territory",
          "Battle-Government regains territory");
  private static final Set<ActorType> UNARMED =
      Set.of(ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS);
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final double R = 6371.0088;

  @TempDir static Path dir;
  private static final Map<String, Map<String, String>> RAW = new HashMap<>();
  private static TerritorialInfluence withOutline;
  private static TerritorialInfluence withoutOutline;
  private static TerritorialInfluence year2017;
  private static Geometry mali;
  private static H3Core h3;

  @BeforeAll
  static void build() throws IOException {
    Path data = SharedData.requireRoot();
    Path a = data.resolve("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv");
    Path b = data.resolve("acled_hdx_hxl/conflict_data_mli.csv");
    mali =
        outline(
            data.resolve("boundaries_naturalearth/sahel_countries_10m__from_world-atlas.geojson"),
            "Mali");
    newest(a, false);
    newest(b, true);
    h3 = H3Core.newInstance();
    LocalDate today = LocalDate.of(2026, 11, 26);
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      new EventIngest(today)
          .ingest(SourceFile.inspect(a), Optional.empty(), store.events(), x -> {});
      new EventIngest(today)
          .ingest(SourceFile.inspect(b), Optional.empty(), store.events(), x -> {});
      withOutline =
          TerritorialInfluence.compute(
              store.analytics(),
              ActorRegistry.shipped(),
              request(2018, today),
              InfluenceOptions.defaults().withCountryOutline(mali));
      withoutOutline =
          TerritorialInfluence.compute(
              store.analytics(),
              ActorRegistry.shipped(),
              request(2018, today),
              InfluenceOptions.defaults());
      year2017 =
          TerritorialInfluence.compute(
              store.analytics(),
              ActorRegistry.shipped(),
              request(2017, today),
              InfluenceOptions.defaults());
    }
  }

  private static SecurityRequest request(int year, LocalDate today) {
    return new SecurityRequest(
        "MLI",
        new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
        null,
        Set.of(SourceSystem.ACLED),
        today);
  }

  private static Geometry outline(Path geojson, String name) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(geojson));
    for (JsonNode f : root.get("features")) {
      if (name.equals(f.get("properties").get("name").asText())) {
        try {
          return new GeoJsonReader().read(f.get("geometry").toString());
        } catch (org.locationtech.jts.io.ParseException e) {
          throw new IOException(e);
        }
      }
    }
    throw new IOException(name + " not in " + geojson);
  }

  private static void newest(Path file, boolean hxl) throws IOException {
    List<List<String>> rows = PlainCsv.readAll(file);
    List<String> h = rows.get(0);
    for (List<String> r : rows.subList(hxl ? 2 : 1, rows.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < h.size(); i++) {
        m.put(h.get(i), r.get(i));
      }
      Map<String, String> old = RAW.get(m.get("event_id_cnty"));
      if (old == null
          || Long.parseLong(m.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
        RAW.put(m.get("event_id_cnty"), m);
      }
    }
  }

  private static LocalDate date(Map<String, String> r) {
    String d = r.get("event_date");
    return d.matches("\\d{4}-\\d\\d-\\d\\d") ? LocalDate.parse(d) : LocalDate.parse(d, LONG);
  }

  /** Mali's political-violence events of a year, newest versions. */
  private static List<Map<String, String>> violence(int year) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> r : RAW.values()) {
      if (date(r).getYear() == year
          && "Mali".equals(r.get("country"))
          && PV.contains(r.get("event_type"))) {
        out.add(r);
      }
    }
    return out;
  }

  private static long cell(Map<String, String> r) {
    return h3.latLngToCell(
        Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude")), 5);
  }

  @Test
  void activeCellsPerActorMatchAPlainLoopOverTheRawFile() {
    ActorRegistry registry = ActorRegistry.shipped();
    Map<String, Set<Long>> expected = new TreeMap<>();
    Map<String, Integer> events = new TreeMap<>();
    for (Map<String, String> r : violence(2018)) {
      Set<String> ids = new TreeSet<>();
      List<String> names = new ArrayList<>();
      names.add(r.get("actor1"));
      names.add(r.get("actor2"));
      for (String col : List.of("assoc_actor_1", "assoc_actor_2")) {
        for (String part : r.get(col).split(";", -1)) {
          names.add(part);
        }
      }
      for (String n : names) {
        Optional<ActorMatch> m = registry.match(n.strip());
        if (m.isPresent() && !UNARMED.contains(m.get().actor().type())) {
          ids.add(m.get().actor().id());
        }
      }
      for (String id : ids) {
        expected.computeIfAbsent(id, k -> new TreeSet<>()).add(cell(r));
        events.merge(id, 1, Integer::sum);
      }
    }

    assertThat(withOutline.listActors())
        .extracting(x -> x.actor().id())
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (id, cells) -> {
          assertThat(withOutline.getFigure("influence." + id + ".cells").getValue())
              .as(id)
              .isEqualTo((double) cells.size());
          assertThat(withOutline.getFigure("influence." + id + ".events").getValue())
              .as(id)
              .isEqualTo((double) events.get(id));
        });
    assertThat(expected.get("jnim")).hasSizeGreaterThan(10);
    // every cell is dominant, contested or thin
    double classified =
        withOutline.getFigure("influence.dominant_cells").getValue()
            + withOutline.getFigure("influence.contested_cells").getValue()
            + withOutline.getFigure("influence.thin_cells").getValue();
    assertThat(classified).isEqualTo(withOutline.getFigure("influence.cells").getValue());
  }

  /** The 10 km cell of a point on the Lambert cylindrical equal-area grid of parallel lat0. */
  private static List<Long> grid(double lat0, double lat, double lon) {
    double c = Math.cos(Math.toRadians(lat0));
    double x = R * Math.toRadians(lon) * c;
    double y = R * Math.sin(Math.toRadians(lat)) / c;
    return List.of((long) Math.floor(x / 10), (long) Math.floor(y / 10));
  }

  private static Set<List<Long>> busyCells(double lat0, List<Map<String, String>> rows) {
    Map<List<Long>, Integer> n = new HashMap<>();
    for (Map<String, String> r : rows) {
      n.merge(
          grid(lat0, Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))),
          1,
          Integer::sum);
    }
    Set<List<Long>> busy = new HashSet<>();
    n.forEach(
        (cell, events) -> {
          if (events >= 10) {
            busy.add(cell);
          }
        });
    return busy;
  }

  /**
   * The cells of the grid of parallel {@code lat0} that intersect Mali's outline: each cell of the
   * outline's bounding block turned back into a longitude/latitude rectangle (λ = x / (R cos φ0), φ
   * = asin(y cos φ0 / R)) and tested against the outline.
   */
  private static Set<List<Long>> cellsOnTheOutline(double lat0) {
    double c = Math.cos(Math.toRadians(lat0));
    Envelope e = mali.getEnvelopeInternal();
    List<Long> low = grid(lat0, e.getMinY(), e.getMinX());
    List<Long> high = grid(lat0, e.getMaxY(), e.getMaxX());
    GeometryFactory gf = mali.getFactory();
    Set<List<Long>> out = new HashSet<>();
    for (long col = low.get(0); col <= high.get(0); col++) {
      for (long row = low.get(1); row <= high.get(1); row++) {
        Envelope cell =
            new Envelope(
                Math.toDegrees(col * 10 / (R * c)),
                Math.toDegrees((col + 1) * 10 / (R * c)),
                Math.toDegrees(Math.asin(row * 10 * c / R)),
                Math.toDegrees(Math.asin((row + 1) * 10 * c / R)));
        if (mali.intersects(gf.toGeometry(cell))) {
          out.add(List.of(col, row));
        }
      }
    }
    return out;
  }

  @Test
  void diffusionCountsTenKilometreCellsWithTenEvents() {
    List<Map<String, String>> rows = violence(2018);
    double centre =
        (mali.getEnvelopeInternal().getMinY() + mali.getEnvelopeInternal().getMaxY()) / 2;
    Set<List<Long>> busy = busyCells(centre, rows);
    int expected = busy.size();
    double minLat =
        rows.stream().mapToDouble(r -> Double.parseDouble(r.get("latitude"))).min().orElseThrow();
    double maxLat =
        rows.stream().mapToDouble(r -> Double.parseDouble(r.get("latitude"))).max().orElseThrow();
    int expectedWithout = busyCells((minLat + maxLat) / 2, rows).size();

    assertThat(withOutline.getFigure("diffusion.cells_10plus").getValue()).isEqualTo(expected);
    assertThat(withoutOutline.getFigure("diffusion.cells_10plus").getValue())
        .isEqualTo(expectedWithout);
    // 584 political-violence events in 2018; a plain count of them per cell, cross-checked in
    // Python: 6 cells of 10 or more on the grid of Mali's centre parallel, 7 on that of the
    // events' centre
    assertThat(rows).hasSize(584);
    assertThat(expected).isEqualTo(6);
    assertThat(expectedWithout).isEqualTo(7);
    // The cells covering the country: those that intersect its outline (Mali covers about 1.24
    // million km², some 12,400 cells of 100 km², plus the cut cells of its border), and the busy
    // cells outside it.
    Set<List<Long>> inside = cellsOnTheOutline(centre);
    Set<List<Long>> cover = new HashSet<>(inside);
    cover.addAll(busy);
    Figure cells = withOutline.getFigure("diffusion.country_cells");
    assertThat(cells.getValue()).isEqualTo(cover.size());
    assertThat(cells.query())
        .contains(
            "intersect the country outline (" + inside.size() + ")",
            "outside it (" + (cover.size() - inside.size()) + ")");
    assertThat(withOutline.getFigure("diffusion.share").getValue())
        .isCloseTo((double) expected / cover.size(), within(1e-12));
    assertThat(withOutline.getFigure("diffusion.share").findDenominator()).isPresent();
    assertThat(withoutOutline.getFigure("diffusion.share").value()).isNull();
  }

  @Test
  void hotCellsMatchGiStarWrittenOutOverMalisCells() {
    Map<Long, Integer> counts = new HashMap<>();
    for (Map<String, String> r : violence(2018)) {
      counts.merge(cell(r), 1, Integer::sum);
    }
    Set<Long> study = new TreeSet<>(counts.keySet());
    for (int i = 0; i < mali.getNumGeometries(); i++) {
      Polygon p = (Polygon) mali.getGeometryN(i);
      List<LatLng> shell = new ArrayList<>();
      for (Coordinate c : p.getExteriorRing().getCoordinates()) {
        shell.add(new LatLng(c.y, c.x));
      }
      List<List<LatLng>> holes = new ArrayList<>();
      for (int k = 0; k < p.getNumInteriorRing(); k++) {
        List<LatLng> hole = new ArrayList<>();
        for (Coordinate c : p.getInteriorRingN(k).getCoordinates()) {
          hole.add(new LatLng(c.y, c.x));
        }
        holes.add(hole);
      }
      study.addAll(h3.polygonToCells(shell, holes, 5));
    }
    int n = study.size();
    double sum = 0;
    double sumSq = 0;
    for (long c : study) {
      double x = counts.getOrDefault(c, 0);
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / n;
    double s = Math.sqrt(sumSq / n - mean * mean);
    Map<Long, Double> hot = new TreeMap<>();
    for (long c : study) {
      double w = 0;
      double local = 0;
      for (long j : h3.gridDisk(c, 1)) {
        if (study.contains(j)) {
          w++;
          local += counts.getOrDefault(j, 0);
        }
      }
      double z = (local - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
      if (z >= 1.96) {
        hot.put(c, z);
      }
    }

    assertThat(withOutline.getFigure("hotspots.study_cells").getValue()).isEqualTo(n);
    assertThat(withOutline.getFigure("hotspots.hot_cells").getValue()).isEqualTo(hot.size());
    assertThat(withOutline.listHotCells())
        .allSatisfy(c -> assertThat(c.z()).isCloseTo(hot.get(c.cell()), within(1e-9)));
    assertThat(hot).isNotEmpty();
    // Mali at resolution 5: about 1.24 million km² / 252 km² a cell
    assertThat(n).isBetween(4_500, 5_500);
  }

  @Test
  void transfersOf2017MatchTheRawSubEventTypes() {
    List<String> expected = new ArrayList<>();
    for (Map<String, String> r : RAW.values()) {
      String type = r.getOrDefault("sub_event_type", "");
      boolean transfer = TRANSFER.contains(type) || TRANSFER.contains(r.get("event_type"));
      if (transfer && date(r).getYear() == 2017 && "Mali".equals(r.get("country"))) {
        expected.add("acled:" + r.get("event_id_cnty"));
      }
    }

    assertThat(year2017.getFigure("territory.transfers").getValue()).isEqualTo(expected.size());
    assertThat(year2017.listTransfers())
        .extracting(TerritorialInfluence.Transfer::eventId)
        .containsExactlyInAnyOrderElementsOf(expected);
    // a plain count of the raw rows, cross-checked in Python
    assertThat(expected).hasSize(10);
    assertThat(withOutline.getFigure("territory.transfers").citation().eventIds())
        .allMatch(id -> id.startsWith("acled:"));
  }
}

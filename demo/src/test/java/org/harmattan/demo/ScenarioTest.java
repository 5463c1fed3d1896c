package org.harmattan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.demo.SyntheticScenario.ScenarioSpec;
import org.harmattan.domain.event.Event;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.EventFileReader;
import org.harmattan.ingest.ReadSummary;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The synthetic scenario: deterministic bytes, a file the product's ACLED reader accepts whole, and
 * a story that can be found again from the CSV alone. The story figures are computed here
 * independently of the generator, from the written file with a plain CSV split.
 */
class ScenarioTest {

  private static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  private static final double[] BAMAKO = {12.65, -8.00};
  private static final double[] KAYES = {14.447, -11.444};
  private static final double[] SIKASSO = {11.317, -5.667};
  private static final LocalDate H2 = LocalDate.of(2025, 7, 1);
  private static final LocalDate BLOCKADE = LocalDate.of(2025, 9, 1);

  @TempDir Path dir;

  // ---- determinism and format ----------------------------------------------------------------

  @Test
  void sameSeedGivesTheSameBytes() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    new SyntheticScenario(SyntheticScenario.defaultSpec()).write(a);
    new SyntheticScenario(SyntheticScenario.defaultSpec()).write(b);

    assertThat(sha256(a)).isEqualTo(sha256(b));
  }

  @Test
  void anotherSeedGivesAnotherFile() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    ScenarioSpec spec = SyntheticScenario.defaultSpec();
    new SyntheticScenario(spec).write(a);
    new SyntheticScenario(spec.withSeed(spec.seed() + 1)).write(b);

    assertThat(sha256(a)).isNotEqualTo(sha256(b));
  }

  @Test
  void theOutputDoesNotDependOnTheDefaultLocale() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    new SyntheticScenario(SyntheticScenario.defaultSpec()).write(a);
    Locale before = Locale.getDefault();
    try {
      // German writes decimals with a comma: a locale leak would shift every column.
      Locale.setDefault(Locale.GERMANY);
      new SyntheticScenario(SyntheticScenario.defaultSpec()).write(b);
    } finally {
      Locale.setDefault(before);
    }

    assertThat(sha256(a)).isEqualTo(sha256(b));
  }

  @Test
  void theHeaderIsAcledsCurrentExportHeader() throws IOException {
    Path csv = write();

    assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0)).isEqualTo(AcledCsv.HEADER);
  }

  @Test
  void theProductsReaderAcceptsEveryRowAsAcled() {
    Path csv = write();
    List<Event> accepted = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    IngestSink sink =
        new IngestSink() {
          @Override
          public void accepted(Event event, LineRange lines) {
            accepted.add(event);
          }

          @Override
          public void rejected(RejectedRow row) {
            rejected.add(row);
          }
        };
    SourceFile file = SourceFile.inspect(csv);

    ReadSummary summary =
        new EventFileReader(LocalDate.of(2026, 11, 26))
            .read(
                file,
                Optional.empty(),
                new RowContext("demo.csv", file.sha256(), Instant.EPOCH),
                sink,
                b -> {});

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED);
    assertThat(rejected).isEmpty();
    assertThat(summary.notes()).isEmpty();
    // 2,194: the default seed's row count, counted here with the independent reader too.
    assertThat(summary.accepted()).isEqualTo(rows(csv).size()).isEqualTo(2_194L);
    assertThat(accepted).allSatisfy(e -> assertThat(e.countryIso3()).isEqualTo("MLI"));
  }

  @Test
  void everyRowIsMarkedSyntheticAndHasAUniqueId() {
    List<Map<String, String>> rows = rows(write());
    Set<String> ids = new HashSet<>();

    for (Map<String, String> r : rows) {
      assertThat(ids.add(r.get("event_id_cnty"))).as(r.get("event_id_cnty")).isTrue();
      assertThat(r.get("event_id_cnty")).matches("MLI9\\d{4}");
      assertThat(r.get("source")).isEqualTo("Harmattan synthetic scenario");
      assertThat(r.get("source_scale")).isEqualTo("Other");
      assertThat(r.get("tags")).contains("synthetic");
      assertThat(r.get("iso")).isEqualTo("466");
      assertThat(r.get("region")).isEqualTo("Western Africa");
      assertThat(r.get("country")).isEqualTo("Mali");
      assertThat(r.get("notes")).startsWith("On ");
    }
    assertThat(rows.get(0).get("event_id_cnty")).isEqualTo("MLI90001");
    assertThat(rows.stream().map(r -> r.get("timestamp")).distinct()).hasSize(1);
  }

  @Test
  void everyEventTypeOccursWithItsCodebookSubTypesAndDisorderTypes() {
    Map<String, Set<String>> subTypes =
        Map.of(
            "Battles",
                Set.of(
                    "Armed clash",
                    "Government regains territory",
                    "Non-state actor overtakes territory"),
            "Explosions/Remote violence",
                Set.of(
                    "Chemical weapon",
                    "Air/drone strike",
                    "Suicide bomb",
                    "Shelling/artillery/missile attack",
                    "Remote explosive/landmine/IED",
                    "Grenade"),
            "Violence against civilians",
                Set.of("Sexual violence", "Attack", "Abduction/forced disappearance"),
            "Protests",
                Set.of(
                    "Peaceful protest",
                    "Protest with intervention",
                    "Excessive force against protesters"),
            "Riots", Set.of("Violent demonstration", "Mob violence"),
            "Strategic developments",
                Set.of(
                    "Agreement",
                    "Arrests",
                    "Change to group/activity",
                    "Disrupted weapons use",
                    "Headquarters or base established",
                    "Looting/property destruction",
                    "Non-violent transfer of territory",
                    "Other"));
    List<Map<String, String>> rows = rows(write());
    Set<String> seenTypes = new HashSet<>();

    for (Map<String, String> r : rows) {
      String type = r.get("event_type");
      String sub = r.get("sub_event_type");
      seenTypes.add(type);
      assertThat(subTypes.get(type)).as(type).contains(sub);
      assertThat(r.get("disorder_type")).as(type + "/" + sub).isEqualTo(disorder(type, sub));
      boolean targeted =
          type.equals("Violence against civilians")
              || (r.get("disorder_type").startsWith("Political violence")
                  && r.get("inter2").equals("7"));
      assertThat(r.get("civilian_targeting")).isEqualTo(targeted ? "Civilian targeting" : "");
      if (type.equals("Protests") && !sub.startsWith("Excessive")) {
        assertThat(r.get("fatalities")).isEqualTo("0");
      }
    }
    assertThat(seenTypes).isEqualTo(subTypes.keySet());
  }

  @Test
  void fatalitiesAreSkewed() {
    List<Integer> deaths = new ArrayList<>();
    for (Map<String, String> r : rows(write())) {
      deaths.add(Integer.parseInt(r.get("fatalities")));
    }
    deaths.sort(null);
    double mean = deaths.stream().mapToInt(Integer::intValue).average().orElseThrow();
    int median = deaths.get(deaths.size() / 2);
    int max = deaths.get(deaths.size() - 1);

    assertThat(mean).isGreaterThan(median);
    assertThat(max).isGreaterThan(10 * Math.max(1, median));
  }

  @Test
  void aSpecOutsideTheGazetteerSaysWhatIsExpected() {
    assertThatThrownBy(
            () ->
                new ScenarioSpec(
                    1, "NER", 2024, 2025, 1, 60, LocalDate.of(2025, 9, 1), "Ségou", 21))
        .hasMessageContaining("expected MLI");
    assertThatThrownBy(
            () ->
                new ScenarioSpec(
                    1, "MLI", 2024, 2025, 1, 60, LocalDate.of(2024, 9, 1), "Ségou", 21))
        .hasMessageContaining("not in the last year");
    assertThatThrownBy(
            () ->
                new ScenarioSpec(
                    1, "MLI", 2024, 2025, 1, 60, LocalDate.of(2025, 9, 1), "Tillabéri", 21))
        .hasMessageContaining("is not one of");
  }

  @Test
  void csvQuotingFollowsRfc4180() {
    assertThat(Csv.quote("Kati")).isEqualTo("Kati");
    assertThat(Csv.quote("")).isEmpty();
    assertThat(Csv.quote("Political violence; Demonstrations"))
        .isEqualTo("Political violence; Demonstrations");
    assertThat(Csv.quote("Kati, Koulikoro")).isEqualTo("\"Kati, Koulikoro\"");
    assertThat(Csv.quote("a \"blocus\"")).isEqualTo("\"a \"\"blocus\"\"\"");
    assertThat(Csv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.quote(" edge")).isEqualTo("\" edge\"");
    assertThat(Csv.line(List.of("a", "b,c", ""))).isEqualTo("a,\"b,c\",");
    assertThat(PlainCsv.parse("a,\"b,c\",,\"d \"\"e\"\"\"").get(0))
        .containsExactly("a", "b,c", "", "d \"e\"");
  }

  // ---- the story -----------------------------------------------------------------------------

  /** The story holds for the default seed and for others: it is built in, not a lucky draw. */
  @ParameterizedTest
  @ValueSource(longs = {4_662_025L, 1L, 20_250_901L})
  void violenceAgainstCiviliansByStateForcesRisesInTheLastYear(long seed) {
    List<Map<String, String>> rows = rows(write(seed));
    int state2024 = 0;
    int state2025 = 0;
    int all2024 = 0;
    int all2025 = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("event_type").equals("Violence against civilians")) {
        continue;
      }
      boolean y2025 = r.get("year").equals("2025");
      if (y2025) {
        all2025++;
      } else {
        all2024++;
      }
      if (r.get("inter1").equals("1")) {
        if (y2025) {
          state2025++;
        } else {
          state2024++;
        }
      }
    }

    assertThat((double) state2025).isGreaterThan(1.3 * state2024);
    assertThat((double) all2025).isGreaterThan(1.3 * all2024);
  }

  @ParameterizedTest
  @ValueSource(longs = {4_662_025L, 1L, 20_250_901L})
  void jnimMovesTowardsBamakoOverTheLastYear(long seed) {
    List<Map<String, String>> rows = rows(write(seed));
    Map<Integer, List<Double>> byQuarter = new TreeMap<>();
    LocalDate firstWithin100 = null;
    LocalDate firstWithin50 = null;
    for (Map<String, String> r : rows) {
      if (!r.get("actor1").equals(JNIM) && !r.get("actor2").equals(JNIM)) {
        continue;
      }
      LocalDate date = LocalDate.parse(r.get("event_date"));
      double km = distanceToBamakoKm(r);
      if (date.getYear() == 2025) {
        byQuarter
            .computeIfAbsent((date.getMonthValue() - 1) / 3 + 1, q -> new ArrayList<>())
            .add(km);
      }
      if (km <= 100 && firstWithin100 == null) {
        firstWithin100 = date;
      }
      if (km <= 50 && firstWithin50 == null) {
        firstWithin50 = date;
      }
    }
    double q1 = median(byQuarter.get(1));
    double q2 = median(byQuarter.get(2));
    double q3 = median(byQuarter.get(3));
    double q4 = median(byQuarter.get(4));

    assertThat(q4).isLessThan(q1);
    assertThat(List.of(q1, q2, q3, q4)).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    assertThat(firstWithin100).isNotNull().isAfterOrEqualTo(H2);
    assertThat(firstWithin50).isNotNull().isAfterOrEqualTo(H2);
  }

  @Test
  void withTheDefaultSeedJnimsMedianDistanceFallsEveryMonth() {
    Map<Integer, List<Double>> byMonth = new TreeMap<>();
    for (Map<String, String> r : rows(write())) {
      LocalDate date = LocalDate.parse(r.get("event_date"));
      if (date.getYear() == 2025
          && (r.get("actor1").equals(JNIM) || r.get("actor2").equals(JNIM))) {
        byMonth
            .computeIfAbsent(date.getMonthValue(), m -> new ArrayList<>())
            .add(distanceToBamakoKm(r));
      }
    }
    List<Double> medians = byMonth.values().stream().map(ScenarioTest::median).toList();

    assertThat(medians).hasSize(12).isSortedAccordingTo((x, y) -> Double.compare(y, x));
  }

  @ParameterizedTest
  @ValueSource(longs = {4_662_025L, 1L, 20_250_901L})
  void fuelConvoysAreAmbushedOnTheCorridorsFromSeptember(long seed) {
    List<Map<String, String>> rows = rows(write(seed));
    int onCorridors = 0;
    int before = 0;
    for (Map<String, String> r : rows) {
      String notes = r.get("notes").toLowerCase(Locale.ROOT);
      boolean convoy =
          notes.contains("convoy") || notes.contains("fuel tanker") || notes.contains("citerne");
      // Protests about the shortage mention convoys too; count the attacks only.
      if (!convoy || !r.get("actor1").equals(JNIM)) {
        continue;
      }
      if (LocalDate.parse(r.get("event_date")).isBefore(BLOCKADE)) {
        before++;
        continue;
      }
      double[] p = point(r);
      double km =
          Math.min(segmentDistanceKm(p, BAMAKO, KAYES), segmentDistanceKm(p, BAMAKO, SIKASSO));
      if (km <= 15) {
        onCorridors++;
      }
    }

    assertThat(before).isZero();
    assertThat(onCorridors).isGreaterThanOrEqualTo(12);
  }

  @Test
  void blockadeNotesMixEnglishAndFrench() {
    String allNotes = String.join("\n", rows(write()).stream().map(r -> r.get("notes")).toList());

    assertThat(allNotes).contains("convoy", "fuel tanker", "citerne", "camions", "blocus");
  }

  @Test
  void bamakoProtestsAboutFuelShortagesAfterTheBlockade() {
    List<Map<String, String>> fuelProtests =
        rows(write()).stream()
            .filter(r -> r.get("event_type").equals("Protests"))
            .filter(r -> r.get("admin1").equals("Bamako"))
            .filter(r -> r.get("notes").contains("fuel"))
            .toList();

    assertThat(fuelProtests).hasSizeGreaterThanOrEqualTo(15);
    assertThat(fuelProtests)
        .allSatisfy(r -> assertThat(r.get("event_date")).isGreaterThanOrEqualTo("2025-09-01"));
  }

  @Test
  void segouSurgesInTheLastThreeWeeks() {
    List<Map<String, String>> rows = rows(write());
    LocalDate surgeFrom = LocalDate.of(2025, 12, 11);
    int inSurge = 0;
    int inYearBefore = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("admin1").equals("Ségou")) {
        continue;
      }
      LocalDate date = LocalDate.parse(r.get("event_date"));
      if (!date.isBefore(surgeFrom)) {
        inSurge++;
      } else if (date.getYear() == 2025) {
        inYearBefore++;
      }
    }
    double usualPer21Days = inYearBefore * 21.0 / (surgeFrom.getDayOfYear() - 1);

    assertThat((double) inSurge).isGreaterThan(2.5 * usualPer21Days);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Path write() {
    return write(SyntheticScenario.defaultSpec().seed());
  }

  private Path write(long seed) {
    Path csv = dir.resolve("scenario-" + seed + ".csv");
    new SyntheticScenario(SyntheticScenario.defaultSpec().withSeed(seed)).write(csv);
    return csv;
  }

  private static String disorder(String type, String sub) {
    return switch (type) {
      case "Protests" ->
          sub.equals("Excessive force against protesters")
              ? "Political violence; Demonstrations"
              : "Demonstrations";
      case "Riots" -> sub.equals("Mob violence") ? "Political violence" : "Demonstrations";
      case "Strategic developments" -> "Strategic developments";
      default -> "Political violence";
    };
  }

  /** The file's rows by column name, read with the independent test-support reader. */
  private static List<Map<String, String>> rows(Path csv) {
    List<List<String>> records = PlainCsv.readAll(csv);
    List<String> header = records.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> fields : records.subList(1, records.size())) {
      assertThat(fields).as(String.join(",", fields)).hasSize(header.size());
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), fields.get(i));
      }
      out.add(row);
    }
    return out;
  }

  private static double[] point(Map<String, String> r) {
    return new double[] {
      Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))
    };
  }

  private static double distanceToBamakoKm(Map<String, String> r) {
    double[] p = point(r);
    return haversineKm(p[0], p[1], BAMAKO[0], BAMAKO[1]);
  }

  private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0 * Math.asin(Math.sqrt(a));
  }

  /** Distance from p to the segment a-b, on a local flat projection (fine over a few 100 km). */
  private static double segmentDistanceKm(double[] p, double[] a, double[] b) {
    double kmPerDegLat = 110.57;
    double kmPerDegLon = 111.32 * Math.cos(Math.toRadians((a[0] + b[0]) / 2));
    double bx = (b[1] - a[1]) * kmPerDegLon;
    double by = (b[0] - a[0]) * kmPerDegLat;
    double px = (p[1] - a[1]) * kmPerDegLon;
    double py = (p[0] - a[0]) * kmPerDegLat;
    double t = Math.max(0, Math.min(1, (px * bx + py * by) / (bx * bx + by * by)));
    return Math.hypot(px - t * bx, py - t * by);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

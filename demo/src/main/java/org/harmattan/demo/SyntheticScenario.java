package org.harmattan.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Writes a seeded, synthetic conflict scenario for Mali as an ACLED export CSV (current schema), so
 * the demo goes through the same ingest path as a user's export.
 *
 * <p>The story, all in the spec's last year: violence against civilians rises, by state forces most
 * ({@link ScenarioSpec#stateViolenceIncreasePercent()}); JNIM's attacks move month by month towards
 * Bamako, reaching within 100 km and then 50 km of it in the second half of the year; from {@link
 * ScenarioSpec#blockadeStart()} JNIM ambushes fuel convoys on the Dakar corridor (Kayes, Nioro,
 * Diéma, Kati) and the Abidjan corridor (Zégoua, Sikasso, Bougouni) and Bamako protests about fuel
 * shortages; violence surges in {@link ScenarioSpec#surgeAdmin1()} in the last {@link
 * ScenarioSpec#surgeDays()} days. Every row says it is synthetic in {@code source} and {@code
 * tags}.
 *
 * <p>How often each kind of event happens and what it looks like are data: {@code
 * scenario-events.yaml} beside this class ({@link EventTemplates}), read once; the generator loops
 * over its monthly kinds and fills in its templates. Events of irregular shape (a choice made
 * midway, a protest's crowd size) are made in code.
 *
 * <p>Deterministic: the bytes depend on the spec alone, never on the clock, time zone, locale or
 * JDK.
 */
public final class SyntheticScenario {

  /** ACLED's current export header, in its order. */
  public static final List<String> HEADER =
      List.of(
          "event_id_cnty",
          "event_date",
          "year",
          "time_precision",
          "disorder_type",
          "event_type",
          "sub_event_type",
          "actor1",
          "assoc_actor_1",
          "inter1",
          "actor2",
          "assoc_actor_2",
          "inter2",
          "interaction",
          "civilian_targeting",
          "iso",
          "region",
          "country",
          "admin1",
          "admin2",
          "admin3",
          "location",
          "latitude",
          "longitude",
          "geo_precision",
          "source",
          "source_scale",
          "notes",
          "fatalities",
          "tags",
          "timestamp");

  public static final String SOURCE = "Harmattan synthetic scenario";
  public static final String SYNTHETIC_TAG = "synthetic";

  static final String WAGNER = "Wagner Group";
  static final String AFRICA_CORPS = "Africa Corps";
  static final String TRANSPORT_WORKERS = "Transport Workers (Mali)";

  static final String BATTLES = "Battles";
  static final String EXPLOSIONS = "Explosions/Remote violence";
  static final String VAC = "Violence against civilians";
  static final String PROTESTS = "Protests";
  static final String RIOTS = "Riots";
  static final String STRATEGIC = "Strategic developments";

  private static final int FIRST_ID = 90001;
  static final String ISO_NUMERIC_MALI = "466";

  /** Wagner announced its departure from Mali on 6 June 2025; Africa Corps took over. */
  static final LocalDate AFRICA_CORPS_FROM = LocalDate.of(2025, 6, 6);

  /** JNIM's reach from Bamako in January and December of the last year. */
  static final double FRONT_JANUARY_KM = 450;

  static final double FRONT_DECEMBER_KM = 40;

  /** The share of JNIM's events on that front in January and December of the last year. */
  static final double PULL_JANUARY = 0.10;

  static final double PULL_DECEMBER = 0.80;

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  /**
   * What the synthetic scenario looks like. Everything that varies the output is here: the same
   * spec gives the same bytes.
   *
   * @param seed seeds every random draw
   * @param countryIso3 the country; only {@code MLI} has a gazetteer
   * @param firstYear the first year of events (1 January)
   * @param lastYear the last year of events (to 31 December); the escalation, JNIM's approach to
   *     Bamako, the fuel blockade and the surge all happen in this year
   * @param intensity scales every monthly rate; 1.0 gives about 80 events a month before the
   *     escalation and about 2,300 events over 2024–2025
   * @param stateViolenceIncreasePercent how much more often state forces target civilians in the
   *     last year than before
   * @param blockadeStart the day JNIM declares its blockade of fuel imports; convoy ambushes on the
   *     Dakar and Abidjan corridors and fuel protests in Bamako follow
   * @param surgeAdmin1 the region whose violence surges at the end of the scenario
   * @param surgeDays how many final days of the scenario the surge lasts
   */
  public record ScenarioSpec(
      long seed,
      String countryIso3,
      int firstYear,
      int lastYear,
      double intensity,
      int stateViolenceIncreasePercent,
      LocalDate blockadeStart,
      String surgeAdmin1,
      int surgeDays) {

    /** ACLED's earliest year of coverage in Africa. */
    private static final int EARLIEST_YEAR = 1997;

    private static final int LATEST_YEAR = 2100;
    private static final int MAX_SURGE_DAYS = 90;

    public ScenarioSpec {
      requireNonNull(countryIso3, "countryIso3");
      requireNonNull(blockadeStart, "blockadeStart");
      requireNonNull(surgeAdmin1, "surgeAdmin1");
      if (!countryIso3.equals("MLI")) {
        throw new IllegalArgumentException(
            "countryIso3 " + countryIso3 + " has no gazetteer (expected MLI)");
      }
      if (firstYear < EARLIEST_YEAR || lastYear > LATEST_YEAR || firstYear > lastYear) {
        throw new IllegalArgumentException(
            "years "
                + firstYear
                + " to "
                + lastYear
                + " are not a range within "
                + EARLIEST_YEAR
                + " to "
                + LATEST_YEAR);
      }
      if (!(intensity > 0 && intensity <= 10)) {
        throw new IllegalArgumentException("intensity " + intensity + " is not in (0, 10]");
      }
      if (stateViolenceIncreasePercent < 0 || stateViolenceIncreasePercent > 1000) {
        throw new IllegalArgumentException(
            "stateViolenceIncreasePercent " + stateViolenceIncreasePercent + " is not in 0..1000");
      }
      if (blockadeStart.getYear() != lastYear) {
        throw new IllegalArgumentException(
            "blockadeStart " + blockadeStart + " is not in the last year " + lastYear);
      }
      if (!Gazetteer.admin1Names().contains(surgeAdmin1)) {
        throw new IllegalArgumentException(
            "surgeAdmin1 " + surgeAdmin1 + " is not one of " + Gazetteer.admin1Names());
      }
      if (surgeDays < 1 || surgeDays > MAX_SURGE_DAYS) {
        throw new IllegalArgumentException(
            "surgeDays " + surgeDays + " is not in 1.." + MAX_SURGE_DAYS);
      }
    }

    /** The first day of the scenario. */
    public LocalDate start() {
      return LocalDate.of(firstYear, 1, 1);
    }

    /** The last day of the scenario. */
    public LocalDate end() {
      return LocalDate.of(lastYear, 12, 31);
    }

    /** This spec with another seed. */
    public ScenarioSpec withSeed(long newSeed) {
      return new ScenarioSpec(
          newSeed,
          countryIso3,
          firstYear,
          lastYear,
          intensity,
          stateViolenceIncreasePercent,
          blockadeStart,
          surgeAdmin1,
          surgeDays);
    }
  }

  private final ScenarioSpec spec;

  public SyntheticScenario(ScenarioSpec spec) {
    this.spec = requireNonNull(spec, "spec");
  }

  /** Mali, 2024–2025, blockade from 1 September 2025, a surge in Ségou over the last 21 days. */
  public static ScenarioSpec defaultSpec() {
    return new ScenarioSpec(
        4_662_025L, "MLI", 2024, 2025, 1.0, 60, LocalDate.of(2025, 9, 1), "Ségou", 21);
  }

  public ScenarioSpec spec() {
    return spec;
  }

  /**
   * Writes the scenario to {@code csv} as UTF-8 with {@code \n} line ends, replacing the file.
   *
   * @throws HarmattanException (UNAVAILABLE) when the file cannot be written
   */
  public void write(Path csv) {
    requireNonNull(csv, "csv");
    List<List<String>> rows = rows();
    try {
      Path parent = csv.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        out.write(Csv.line(HEADER));
        out.write('\n');
        for (List<String> row : rows) {
          out.write(Csv.line(row));
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.DEMO_WRITE_FAILED,
          "cannot write the demo scenario to "
              + csv
              + " ("
              + e
              + "); expected a writable file, check the directory's permissions and free space",
          e);
    }
  }

  /** The nodes file {@link #writeRoads} writes, as the African Urban Network names it. */
  public static final String ROAD_NODES_FILE = "AfricaNetworkNodes.csv";

  /** The edges file {@link #writeRoads} writes. */
  public static final String ROAD_EDGES_FILE = "AfricaNetworkEdges.csv";

  /**
   * Writes a small road graph of the scenario's towns into {@code dir}, in the African Urban
   * Network format ({@value #ROAD_NODES_FILE} and {@value #ROAD_EDGES_FILE}, UTF-8, {@code \n}):
   * the gazetteer's localities as nodes, the main roads between them as straight edges with their
   * haversine length in km. Ours to ship; it stands in for the real graph in the demo's corridors.
   * The same for every spec.
   *
   * @throws HarmattanException (UNAVAILABLE) when the files cannot be written
   */
  public static void writeRoads(Path dir) {
    requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
      writeLines(dir.resolve(ROAD_NODES_FILE), RoadNetwork.nodeLines());
      writeLines(dir.resolve(ROAD_EDGES_FILE), RoadNetwork.edgeLines());
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.DEMO_WRITE_FAILED,
          "cannot write the demo road graph to "
              + dir
              + " ("
              + e
              + "); expected a writable directory, check its permissions and free space",
          e);
    }
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }

  /** The data rows in header order, sorted by date, without the header. */
  List<List<String>> rows() {
    List<Draft> drafts = new ScenarioGenerator(spec).generate();
    long timestamp =
        LocalDate.of(spec.lastYear() + 1, 1, 15).toEpochDay() * 86_400L
            + Math.floorMod(spec.seed(), 86_400L);
    List<List<String>> rows = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      rows.add(drafts.get(i).toFields(spec.countryIso3() + (FIRST_ID + i), timestamp));
    }
    return rows;
  }

  /** The event templates and monthly rates the scenario draws from, read once. */
  static EventTemplates templates() {
    return ScenarioGenerator.TEMPLATES;
  }

  /** "14 March 2025", as ACLED's notes write dates. */
  static String noteDate(LocalDate d) {
    return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
  }
}

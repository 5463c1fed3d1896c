package org.harmattan.app.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

  static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  static final String ISSP = "Islamic State Sahel Province";
  static final String ARMY = "Military Forces of Mali (2021-)";
  static final String POLICE = "Police Forces of Mali (2021-)";
  static final String WAGNER = "Wagner Group";
  static final String AFRICA_CORPS = "Africa Corps";
  static final String DOZO = "Dozo Militia";
  static final String FULANI_MILITIA = "Fulani Ethnic Militia (Mali)";
  static final String CIVILIANS = "Civilians (Mali)";
  static final String PROTESTERS = "Protesters (Mali)";
  static final String RIOTERS = "Rioters (Mali)";
  static final String UNIDENTIFIED = "Unidentified Armed Group (Mali)";
  static final String TRANSPORT_WORKERS = "Transport Workers (Mali)";

  static final String BATTLES = "Battles";
  static final String EXPLOSIONS = "Explosions/Remote violence";
  static final String VAC = "Violence against civilians";
  static final String PROTESTS = "Protests";
  static final String RIOTS = "Riots";
  static final String STRATEGIC = "Strategic developments";

  private static final int STATE = 1;
  private static final int REBELS = 2;
  private static final int POLITICAL_MILITIA = 3;
  private static final int IDENTITY_MILITIA = 4;
  private static final int RIOTER = 5;
  private static final int PROTESTER = 6;
  private static final int CIVILIAN = 7;

  private static final int FIRST_ID = 90001;
  private static final String ISO_NUMERIC_MALI = "466";

  /** Wagner announced its departure from Mali on 6 June 2025; Africa Corps took over. */
  private static final LocalDate AFRICA_CORPS_FROM = LocalDate.of(2025, 6, 6);

  /** JNIM's reach from Bamako in January and December of the last year. */
  private static final double FRONT_JANUARY_KM = 450;

  private static final double FRONT_DECEMBER_KM = 40;

  /** The share of JNIM's events on that front in January and December of the last year. */
  private static final double PULL_JANUARY = 0.10;

  private static final double PULL_DECEMBER = 0.80;

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
    List<Draft> drafts = new Generator(spec).generate();
    long timestamp =
        LocalDate.of(spec.lastYear() + 1, 1, 15).toEpochDay() * 86_400L
            + Math.floorMod(spec.seed(), 86_400L);
    List<List<String>> rows = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      rows.add(drafts.get(i).toFields(spec.countryIso3() + (FIRST_ID + i), timestamp));
    }
    return rows;
  }

  /** "14 March 2025", as ACLED's notes write dates. */
  static String noteDate(LocalDate d) {
    return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
  }

  private static String coordinate(double degrees) {
    return String.format(Locale.ROOT, "%.4f", degrees);
  }

  /** One event before it gets its id. */
  private static final class Draft {
    final LocalDate date;
    final Place place;
    final String eventType;
    final String subEventType;
    int timePrecision = 1;
    String actor1 = "";
    String assoc1 = "";
    Integer inter1;
    String actor2 = "";
    String assoc2 = "";
    Integer inter2;
    int geoPrecision = 1;
    double latitude;
    double longitude;
    String notes = "";
    int fatalities;
    String extraTag = "";

    Draft(LocalDate date, Place place, String eventType, String subEventType) {
      this.date = date;
      this.place = place;
      this.eventType = eventType;
      this.subEventType = subEventType;
    }

    String disorderType() {
      return switch (eventType) {
        case BATTLES, EXPLOSIONS, VAC -> "Political violence";
        case PROTESTS ->
            subEventType.equals("Excessive force against protesters")
                ? "Political violence; Demonstrations"
                : "Demonstrations";
        case RIOTS -> subEventType.equals("Mob violence") ? "Political violence" : "Demonstrations";
        case STRATEGIC -> "Strategic developments";
        default -> throw new IllegalStateException("unknown event type " + eventType);
      };
    }

    /**
     * ACLED's rule: violence against civilians, or political violence whose target is civilians.
     */
    String civilianTargeting() {
      boolean targeted =
          eventType.equals(VAC)
              || (disorderType().startsWith("Political violence")
                  && inter2 != null
                  && inter2 == CIVILIAN);
      return targeted ? "Civilian targeting" : "";
    }

    /** ACLED's interaction code: the two inter codes, smaller first, or inter1 * 10 alone. */
    String interaction() {
      if (inter2 == null) {
        return String.valueOf(inter1 * 10);
      }
      return String.valueOf(Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2));
    }

    List<String> toFields(String id, long timestamp) {
      String tags = extraTag.isEmpty() ? SYNTHETIC_TAG : extraTag + "; " + SYNTHETIC_TAG;
      return List.of(
          id,
          date.toString(),
          String.valueOf(date.getYear()),
          String.valueOf(timePrecision),
          disorderType(),
          eventType,
          subEventType,
          actor1,
          assoc1,
          String.valueOf(inter1),
          actor2,
          assoc2,
          inter2 == null ? "" : String.valueOf(inter2),
          interaction(),
          civilianTargeting(),
          ISO_NUMERIC_MALI,
          "Western Africa",
          "Mali",
          place.admin1(),
          place.admin2(),
          place.admin3(),
          place.location(),
          coordinate(latitude),
          coordinate(longitude),
          String.valueOf(geoPrecision),
          SOURCE,
          "Other",
          notes,
          String.valueOf(fatalities),
          tags,
          String.valueOf(timestamp));
    }
  }

  /** Chooses a place for an event on a date. */
  @FunctionalInterface
  private interface Placer {
    Place place(LocalDate date);
  }

  /** Makes an event at a place on a date. */
  @FunctionalInterface
  private interface Maker {
    Draft make(LocalDate date, Place place);
  }

  /**
   * A kind of event: how many a month before the last year, the factor in the last year, where and
   * what.
   */
  private record Kind(double perMonth, double lastYearFactor, Placer placer, Maker maker) {}

  /** One run of the scenario; all randomness flows from one generator, in one fixed order. */
  private static final class Generator {
    private static final int BLOCKADE_PER_MONTH = 30;
    private static final int FUEL_PROTESTS_PER_MONTH = 7;
    private static final double FUEL_RIOTS_PER_MONTH = 1.5;
    private static final double SURGE_PER_DAY = 1.8;
    private static final int FUEL_PROTEST_DELAY_DAYS = 10;

    private final ScenarioSpec spec;
    private final Rng rng;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<List<Place>> fronts = new ArrayList<>();

    Generator(ScenarioSpec spec) {
      this.spec = spec;
      this.rng = new Rng(spec.seed());
      for (int month = 1; month <= 12; month++) {
        fronts.add(frontPlaces(month));
      }
    }

    List<Draft> generate() {
      double stateFactor = 1 + spec.stateViolenceIncreasePercent() / 100.0;
      List<Kind> kinds =
          List.of(
              new Kind(16, 1.3, this::jnimPlace, this::jnimAttack),
              new Kind(4.5, 1.1, d -> rng.pickWeighted(Gazetteer.ISSP), this::isspBattle),
              new Kind(3.5, 1.3, this::jnimPlace, this::militiaClash),
              new Kind(5, 1.3, this::jnimPlace, this::iedOnArmy),
              new Kind(5, 1.5, this::jnimPlace, this::droneStrike),
              new Kind(1.5, 1.2, this::jnimPlace, this::shelling),
              new Kind(
                  8,
                  stateFactor,
                  d -> rng.pickWeighted(Gazetteer.STATE_OPERATIONS),
                  this::stateVac),
              new Kind(7, 1.5, this::jnimPlace, this::jnimVac),
              new Kind(3, 1.3, d -> rng.pickWeighted(Gazetteer.ISSP), this::isspVac),
              new Kind(3, 1.5, d -> rng.pickWeighted(Gazetteer.MILITIAS), this::militiaVac),
              new Kind(2.5, 1.3, d -> rng.pickWeighted(Gazetteer.BANDITRY), this::abduction),
              new Kind(5, 1.1, this::townOrBamako, this::protest),
              new Kind(1.5, 1.1, this::townOrBamako, this::riot),
              new Kind(1.5, 1.2, this::townOrBamako, this::arrests),
              new Kind(3, 1.3, this::jnimPlace, this::jnimStrategic),
              new Kind(
                  1.5,
                  1.1,
                  d -> rng.pickWeighted(Gazetteer.STATE_OPERATIONS),
                  this::stateStrategic));
      YearMonth last = YearMonth.of(spec.lastYear(), 12);
      for (YearMonth ym = YearMonth.of(spec.firstYear(), 1);
          !ym.isAfter(last);
          ym = ym.plusMonths(1)) {
        boolean lastYear = ym.getYear() == spec.lastYear();
        for (Kind kind : kinds) {
          double rate = kind.perMonth() * spec.intensity();
          int n = rng.count(lastYear ? rate * kind.lastYearFactor() : rate);
          for (int i = 0; i < n; i++) {
            LocalDate date = ym.atDay(1 + rng.below(ym.lengthOfMonth()));
            drafts.add(kind.maker().make(date, kind.placer().place(date)));
          }
        }
        blockade(ym);
      }
      surge();
      // Stable: events of one day keep the order they were drawn in.
      drafts.sort(Comparator.comparing((Draft d) -> d.date));
      return drafts;
    }

    // ---- places -------------------------------------------------------------------------------

    /**
     * JNIM's places: its usual areas, and, in the last year, a growing share on a front that closes
     * in on Bamako from 450 km in January to 40 km in December.
     */
    private Place jnimPlace(LocalDate date) {
      if (date.getYear() == spec.lastYear()) {
        int month = date.getMonthValue();
        double pull = PULL_JANUARY + (PULL_DECEMBER - PULL_JANUARY) * (month - 1) / 11.0;
        if (rng.chance(pull)) {
          return rng.pick(fronts.get(month - 1));
        }
      }
      return rng.pickWeighted(Gazetteer.JNIM);
    }

    private static double frontKm(int month) {
      return FRONT_JANUARY_KM - (month - 1) * (FRONT_JANUARY_KM - FRONT_DECEMBER_KM) / 11.0;
    }

    /** The named places between half the front's reach and its reach from Bamako. */
    private static List<Place> frontPlaces(int month) {
      double reach = frontKm(month);
      List<Place> out = new ArrayList<>();
      Place nearest = null;
      for (Place p : Gazetteer.all()) {
        double d = p.distanceKm(Gazetteer.BAMAKO);
        if (d >= reach / 2 && d <= reach) {
          out.add(p);
        }
        if (nearest == null
            || Math.abs(d - 0.75 * reach)
                < Math.abs(nearest.distanceKm(Gazetteer.BAMAKO) - 0.75 * reach)) {
          nearest = p;
        }
      }
      return out.isEmpty() ? List.of(nearest) : List.copyOf(out);
    }

    private Place townOrBamako(LocalDate date) {
      return rng.chance(0.5)
          ? rng.pick(Gazetteer.BAMAKO_COMMUNES)
          : rng.pickWeighted(Gazetteer.TOWNS);
    }

    // ---- shared pieces ------------------------------------------------------------------------

    private Draft draft(LocalDate date, Place place, String type, String subType) {
      Draft d = new Draft(date, place, type, subType);
      boolean bamako = place.admin1().equals("Bamako");
      d.geoPrecision = !bamako && rng.chance(0.3) ? 2 : 1;
      double jitter = d.geoPrecision == 2 ? 0.045 : bamako ? 0.01 : 0.015;
      d.latitude = place.latitude() + (rng.uniform() * 2 - 1) * jitter;
      d.longitude = place.longitude() + (rng.uniform() * 2 - 1) * jitter;
      return d;
    }

    /** Political violence is sometimes known only to the week or month. */
    private void vagueDate(Draft d) {
      double r = rng.uniform();
      d.timePrecision = r < 0.02 ? 3 : r < 0.10 ? 2 : 1;
    }

    /** "On 14 March 2025, " */
    private static String on(LocalDate date) {
      return "On " + noteDate(date) + ", ";
    }

    /** "in Diéma (Diéma, Kayes)" or "near …" as the precision says. */
    private static String at(Draft d) {
      Place p = d.place;
      String where =
          p.admin1().equals("Bamako")
              ? p.location() + " (" + p.admin3() + ")"
              : p.location() + " (" + p.admin2() + ", " + p.admin1() + ")";
      return (d.geoPrecision == 2 ? "near " : "in ") + where;
    }

    private static String count(int n, String singular, String plural) {
      return n + " " + (n == 1 ? singular : plural);
    }

    /** "4 soldiers were killed." or "No fatalities were reported." */
    private static String killed(int n, String singular, String plural) {
      if (n == 0) {
        return "No fatalities were reported.";
      }
      return count(n, singular, plural) + (n == 1 ? " was killed." : " were killed.");
    }

    /** Splits the dead between two sides: "3 soldiers and 5 militants were killed." */
    private String killedBothSides(int n, String side1, String side2) {
      if (n < 2 || rng.chance(0.3)) {
        return killed(n, "person", "people");
      }
      int a = rng.between(1, n - 1);
      return count(a, side1, plural(side1))
          + " and "
          + count(n - a, side2, plural(side2))
          + " were killed.";
    }

    private static String plural(String noun) {
      return noun.endsWith("man") ? noun.substring(0, noun.length() - 3) + "men" : noun + "s";
    }

    private String russianAllies(LocalDate date) {
      return date.isBefore(AFRICA_CORPS_FROM) ? WAGNER : AFRICA_CORPS;
    }

    private void army(Draft d, boolean first, double alliesProbability) {
      String assoc = rng.chance(alliesProbability) ? russianAllies(d.date) : "";
      if (first) {
        d.actor1 = ARMY;
        d.assoc1 = assoc;
        d.inter1 = STATE;
      } else {
        d.actor2 = ARMY;
        d.assoc2 = assoc;
        d.inter2 = STATE;
      }
    }

    private static void actor1(Draft d, String name, int inter) {
      d.actor1 = name;
      d.inter1 = inter;
    }

    private static void actor2(Draft d, String name, int inter) {
      d.actor2 = name;
      d.inter2 = inter;
    }

    private String civilianGroup(Place p) {
      String[] groups =
          p.admin1().equals("Mopti")
              ? new String[] {
                "Fulani Ethnic Group (Mali)",
                "Dogon Ethnic Group (Mali)",
                "Bambara Ethnic Group (Mali)"
              }
              : new String[] {
                "Fulani Ethnic Group (Mali)", "Bambara Ethnic Group (Mali)", "Farmers (Mali)"
              };
      return rng.chance(0.6) ? groups[rng.below(groups.length)] : "";
    }

    private String militaryTarget() {
      String[] targets = {
        "a military post of the Malian armed forces (FAMa)",
        "a FAMa patrol",
        "the FAMa camp",
        "a FAMa supply column",
        "a checkpoint of the Malian army"
      };
      return targets[rng.below(targets.length)];
    }

    // ---- political violence -------------------------------------------------------------------

    private Draft jnimAttack(LocalDate date, Place place) {
      double r = rng.uniform();
      if (r < 0.05) {
        Draft d = draft(date, place, BATTLES, "Government regains territory");
        army(d, true, 0.7);
        actor2(d, JNIM, REBELS);
        d.fatalities = rng.skewedCount(0.3, 1.2, 0.9, 80);
        d.notes =
            on(date)
                + "FAMa"
                + (d.assoc1.isEmpty() ? "" : " and " + d.assoc1)
                + " forces retook the locality "
                + at(d)
                + " after JNIM militants had held it for several days. "
                + killed(d.fatalities, "militant", "militants");
        return d;
      }
      boolean overtakes = r < 0.10;
      Draft d =
          draft(
              date,
              place,
              BATTLES,
              overtakes ? "Non-state actor overtakes territory" : "Armed clash");
      vagueDate(d);
      actor1(d, JNIM, REBELS);
      army(d, false, 0.4);
      d.fatalities = rng.skewedCount(0.25, 1.3, 0.9, 150);
      d.notes =
          on(date)
              + "JNIM militants attacked "
              + militaryTarget()
              + " "
              + at(d)
              + (d.assoc2.isEmpty() ? "" : ", where " + d.assoc2 + " personnel were deployed")
              + (overtakes
                  ? ", and took control of the locality after the troops withdrew. "
                  : ". ")
              + killedBothSides(d.fatalities, "soldier", "militant");
      return d;
    }

    private Draft isspBattle(LocalDate date, Place place) {
      Draft d = draft(date, place, BATTLES, "Armed clash");
      vagueDate(d);
      actor1(d, ISSP, REBELS);
      boolean vsJnim = rng.chance(0.4);
      if (vsJnim) {
        actor2(d, JNIM, REBELS);
      } else {
        army(d, false, 0.3);
      }
      d.fatalities = rng.skewedCount(0.2, 1.5, 1.0, 120);
      d.notes =
          on(date)
              + "Islamic State Sahel Province (IS Sahel) militants clashed with "
              + (vsJnim ? "JNIM militants" : "FAMa soldiers")
              + " "
              + at(d)
              + ". "
              + killedBothSides(d.fatalities, vsJnim ? "IS Sahel militant" : "soldier", "militant");
      return d;
    }

    private Draft militiaClash(LocalDate date, Place place) {
      Draft d = draft(date, place, BATTLES, "Armed clash");
      actor1(d, DOZO, IDENTITY_MILITIA);
      actor2(d, JNIM, REBELS);
      d.fatalities = rng.skewedCount(0.3, 1.1, 0.9, 60);
      d.notes =
          on(date)
              + "Dozo hunters clashed with JNIM militants "
              + at(d)
              + " after the militants tried to collect zakat from villagers. "
              + killedBothSides(d.fatalities, "Dozo hunter", "militant");
      return d;
    }

    private Draft communalClash(LocalDate date, Place place) {
      Draft d = draft(date, place, BATTLES, "Armed clash");
      actor1(d, DOZO, IDENTITY_MILITIA);
      actor2(d, FULANI_MILITIA, IDENTITY_MILITIA);
      d.fatalities = rng.skewedCount(0.2, 1.3, 0.9, 60);
      d.notes =
          on(date)
              + "Dozo hunters clashed with Fulani militiamen "
              + at(d)
              + " after cattle were stolen from a nearby village. "
              + killedBothSides(d.fatalities, "Dozo hunter", "Fulani militiaman");
      return d;
    }

    private Draft iedOnArmy(LocalDate date, Place place) {
      Draft d = draft(date, place, EXPLOSIONS, "Remote explosive/landmine/IED");
      actor1(d, JNIM, REBELS);
      army(d, false, 0.2);
      d.fatalities = rng.skewedCount(0.4, 0.8, 0.8, 40);
      d.notes =
          on(date)
              + "a FAMa vehicle struck an improvised explosive device (IED) planted by JNIM"
              + " militants on the road "
              + at(d)
              + ". "
              + killed(d.fatalities, "soldier", "soldiers");
      return d;
    }

    private Draft droneStrike(LocalDate date, Place place) {
      Draft d = draft(date, place, EXPLOSIONS, "Air/drone strike");
      army(d, true, 0.2);
      boolean civilians = rng.chance(0.3);
      if (civilians) {
        actor2(d, CIVILIANS, CIVILIAN);
        d.assoc2 = civilianGroup(place);
        d.fatalities = rng.skewedCount(0.1, 1.4, 1.0, 60);
        d.notes =
            on(date)
                + "a FAMa drone struck a weekly market (foire) "
                + at(d)
                + ". "
                + killed(d.fatalities, "civilian", "civilians")
                + " The army said it had targeted a JNIM gathering.";
      } else {
        actor2(d, JNIM, REBELS);
        d.fatalities = rng.skewedCount(0.2, 1.4, 1.0, 80);
        d.notes =
            on(date)
                + "FAMa drones struck a suspected JNIM position "
                + at(d)
                + ". "
                + killed(d.fatalities, "militant", "militants");
      }
      return d;
    }

    private Draft shelling(LocalDate date, Place place) {
      Draft d = draft(date, place, EXPLOSIONS, "Shelling/artillery/missile attack");
      actor1(d, JNIM, REBELS);
      army(d, false, 0.2);
      d.fatalities = rng.skewedCount(0.6, 0.5, 0.7, 20);
      d.notes =
          on(date)
              + "JNIM militants fired mortar shells at the FAMa camp "
              + at(d)
              + ". "
              + killed(d.fatalities, "soldier", "soldiers");
      return d;
    }

    private Draft stateVac(LocalDate date, Place place) {
      double r = rng.uniform();
      String sub =
          r < 0.72 ? "Attack" : r < 0.95 ? "Abduction/forced disappearance" : "Sexual violence";
      Draft d = draft(date, place, VAC, sub);
      vagueDate(d);
      if (rng.chance(0.06)) {
        actor1(d, POLICE, STATE);
      } else {
        army(d, true, 0.55);
      }
      actor2(d, CIVILIANS, CIVILIAN);
      d.assoc2 = civilianGroup(place);
      String who =
          d.actor1.equals(POLICE)
              ? "Police officers"
              : "FAMa soldiers"
                  + (d.assoc1.isEmpty() ? "" : " accompanied by " + d.assoc1 + " fighters");
      switch (sub) {
        case "Attack" -> {
          d.fatalities = rng.skewedCount(0.12, 1.1, 1.0, 90);
          d.notes =
              on(date)
                  + who
                  + " raided the village "
                  + at(d)
                  + " during a counter-insurgency operation and executed civilians accused of"
                  + " collaborating with JNIM. "
                  + killed(d.fatalities, "civilian", "civilians");
        }
        case "Abduction/forced disappearance" -> {
          int k = rng.between(1, 12);
          d.notes =
              on(date)
                  + who
                  + " arrested "
                  + count(k, "civilian", "civilians")
                  + " at the market "
                  + at(d)
                  + "; their whereabouts remain unknown.";
        }
        default ->
            d.notes =
                on(date)
                    + who
                    + " reportedly raped a woman "
                    + at(d)
                    + " during a search operation.";
      }
      return d;
    }

    private Draft jnimVac(LocalDate date, Place place) {
      boolean abduction = rng.chance(0.3);
      Draft d = draft(date, place, VAC, abduction ? "Abduction/forced disappearance" : "Attack");
      vagueDate(d);
      actor1(d, JNIM, REBELS);
      actor2(d, CIVILIANS, CIVILIAN);
      d.assoc2 = civilianGroup(place);
      if (abduction) {
        d.notes =
            on(date)
                + "JNIM militants abducted "
                + count(rng.between(1, 8), "villager", "villagers")
                + " "
                + at(d)
                + ", accusing them of informing the army.";
      } else {
        d.fatalities = rng.skewedCount(0.15, 1.0, 1.0, 120);
        d.notes =
            on(date)
                + "JNIM militants attacked civilians "
                + at(d)
                + " and burned granaries, accusing the village of supporting the Dozo. "
                + killed(d.fatalities, "civilian", "civilians");
      }
      return d;
    }

    private Draft isspVac(LocalDate date, Place place) {
      Draft d = draft(date, place, VAC, "Attack");
      vagueDate(d);
      actor1(d, ISSP, REBELS);
      actor2(d, CIVILIANS, CIVILIAN);
      d.assoc2 = rng.chance(0.5) ? "Tuareg Ethnic Group (Mali)" : "";
      d.fatalities = rng.skewedCount(0.1, 1.5, 1.0, 100);
      d.notes =
          on(date)
              + "IS Sahel militants attacked herders' camps "
              + at(d)
              + " and stole livestock. "
              + killed(d.fatalities, "civilian", "civilians");
      return d;
    }

    private Draft militiaVac(LocalDate date, Place place) {
      Draft d = draft(date, place, VAC, "Attack");
      boolean dozo = rng.chance(0.6);
      actor1(d, dozo ? DOZO : FULANI_MILITIA, IDENTITY_MILITIA);
      actor2(d, CIVILIANS, CIVILIAN);
      d.assoc2 = dozo ? "Fulani Ethnic Group (Mali)" : "Bambara Ethnic Group (Mali)";
      d.fatalities = rng.skewedCount(0.15, 1.1, 1.0, 80);
      d.notes =
          on(date)
              + (dozo
                  ? "Dozo hunters attacked Fulani herders "
                  : "Fulani militiamen attacked Bambara farmers ")
              + at(d)
              + " in a dispute over land and cattle. "
              + killed(d.fatalities, "civilian", "civilians");
      return d;
    }

    private Draft abduction(LocalDate date, Place place) {
      Draft d = draft(date, place, VAC, "Abduction/forced disappearance");
      actor1(d, UNIDENTIFIED, POLITICAL_MILITIA);
      actor2(d, CIVILIANS, CIVILIAN);
      d.assoc2 = rng.chance(0.5) ? "Traders (Mali)" : "";
      d.notes =
          on(date)
              + "unidentified gunmen abducted a trader and his driver on the road "
              + at(d)
              + ". A ransom was demanded.";
      return d;
    }

    // ---- demonstrations -----------------------------------------------------------------------

    private static final String[] GRIEVANCES = {
      "against power cuts (délestages)",
      "against the rising cost of living",
      "against insecurity on the roads",
      "to demand the payment of teachers' salary arrears",
      "in support of the transitional authorities",
      "against the arrest of a local religious leader",
      "to demand the reopening of the weekly market"
    };

    private Draft protest(LocalDate date, Place place) {
      return protest(date, place, GRIEVANCES[rng.below(GRIEVANCES.length)], "residents");
    }

    private Draft protest(LocalDate date, Place place, String about, String who) {
      double r = rng.uniform();
      String sub =
          r < 0.82
              ? "Peaceful protest"
              : r < 0.97 ? "Protest with intervention" : "Excessive force against protesters";
      Draft d = draft(date, place, PROTESTS, sub);
      actor1(d, PROTESTERS, PROTESTER);
      d.extraTag =
          "crowd size=" + (rng.chance(0.7) ? "no report" : "around " + rng.between(2, 40) * 50);
      String base = on(date) + who + " demonstrated " + at(d) + " " + about + ". ";
      switch (sub) {
        case "Peaceful protest" -> d.notes = base + "[" + d.extraTag + "]";
        case "Protest with intervention" -> {
          actor2(d, POLICE, STATE);
          d.notes = base + "Police dispersed the crowd with tear gas. [" + d.extraTag + "]";
        }
        default -> {
          actor2(d, POLICE, STATE);
          d.fatalities = rng.between(1, 3);
          d.notes =
              base
                  + "Police fired live rounds to disperse the crowd. "
                  + killed(d.fatalities, "protester", "protesters")
                  + " ["
                  + d.extraTag
                  + "]";
        }
      }
      return d;
    }

    private Draft riot(LocalDate date, Place place) {
      boolean mob = rng.chance(0.3);
      Draft d = draft(date, place, RIOTS, mob ? "Mob violence" : "Violent demonstration");
      actor1(d, RIOTERS, RIOTER);
      if (mob) {
        actor2(d, CIVILIANS, CIVILIAN);
        d.fatalities = rng.chance(0.5) ? 1 : 0;
        d.notes =
            on(date)
                + "a mob lynched a man accused of theft "
                + at(d)
                + ". "
                + killed(d.fatalities, "person", "people");
      } else {
        if (rng.chance(0.5)) {
          actor2(d, POLICE, STATE);
        }
        d.notes =
            on(date)
                + "youths burned tyres and threw stones at the police "
                + at(d)
                + " after a road accident. "
                + killed(d.fatalities, "person", "people");
      }
      return d;
    }

    // ---- strategic developments ---------------------------------------------------------------

    private Draft arrests(LocalDate date, Place place) {
      Draft d = draft(date, place, STRATEGIC, "Arrests");
      actor1(d, POLICE, STATE);
      if (rng.chance(0.5)) {
        actor2(d, CIVILIANS, CIVILIAN);
      }
      d.notes =
          on(date)
              + "police arrested "
              + count(rng.between(1, 6), "person", "people")
              + " "
              + at(d)
              + " suspected of supplying JNIM militants.";
      return d;
    }

    private Draft jnimStrategic(LocalDate date, Place place) {
      double r = rng.uniform();
      if (r < 0.55) {
        Draft d = draft(date, place, STRATEGIC, "Looting/property destruction");
        actor1(d, JNIM, REBELS);
        actor2(d, CIVILIANS, CIVILIAN);
        d.notes =
            on(date)
                + "JNIM militants looted shops and burned a telecommunications mast "
                + at(d)
                + ".";
        return d;
      }
      if (r < 0.75) {
        Draft d = draft(date, place, STRATEGIC, "Change to group/activity");
        actor1(d, JNIM, REBELS);
        d.notes =
            on(date)
                + "JNIM militants ordered villagers "
                + at(d)
                + " to stop cultivating fields near the road and to pay zakat.";
        return d;
      }
      if (r < 0.90) {
        Draft d = draft(date, place, STRATEGIC, "Non-violent transfer of territory");
        actor1(d, JNIM, REBELS);
        d.notes =
            on(date)
                + "JNIM militants moved into the locality "
                + at(d)
                + " after FAMa troops withdrew from their post without a fight.";
        return d;
      }
      Draft d = draft(date, place, STRATEGIC, "Agreement");
      actor1(d, JNIM, REBELS);
      actor2(d, DOZO, IDENTITY_MILITIA);
      d.notes =
          on(date)
              + "JNIM and local Dozo hunters agreed a truce "
              + at(d)
              + " mediated by community leaders, allowing farmers to return to their fields.";
      return d;
    }

    private Draft stateStrategic(LocalDate date, Place place) {
      double r = rng.uniform();
      if (r < 0.45) {
        Draft d = draft(date, place, STRATEGIC, "Disrupted weapons use");
        army(d, true, 0.2);
        actor2(d, JNIM, REBELS);
        d.notes =
            on(date)
                + "FAMa engineers defused an improvised explosive device (IED) planted on the road "
                + at(d)
                + ".";
        return d;
      }
      if (r < 0.85) {
        Draft d = draft(date, place, STRATEGIC, "Headquarters or base established");
        army(d, true, 0.5);
        d.notes =
            on(date)
                + "FAMa"
                + (d.assoc1.isEmpty() ? "" : " and " + d.assoc1)
                + " established a new forward base "
                + at(d)
                + ".";
        return d;
      }
      Draft d = draft(date, place, STRATEGIC, "Other");
      army(d, true, 0.0);
      d.notes =
          on(date)
              + "the army imposed a ban on motorbike and pick-up traffic "
              + at(d)
              + " for security reasons.";
      return d;
    }

    // ---- the fuel blockade --------------------------------------------------------------------

    private void blockade(YearMonth ym) {
      LocalDate start = spec.blockadeStart();
      LocalDate first = ym.atDay(1);
      LocalDate last = ym.atEndOfMonth();
      if (ym.equals(YearMonth.from(start))) {
        drafts.add(blockadeAnnounced(start));
      }
      addOver(
          max(first, start), last, BLOCKADE_PER_MONTH, ym, this::convoyAmbush, this::corridorPlace);
      LocalDate protestsFrom = start.plusDays(FUEL_PROTEST_DELAY_DAYS);
      addOver(
          max(first, protestsFrom),
          last,
          FUEL_PROTESTS_PER_MONTH,
          ym,
          this::fuelProtest,
          d -> rng.chance(0.85) ? rng.pick(Gazetteer.BAMAKO_COMMUNES) : Gazetteer.get("Kati"));
      addOver(
          max(first, protestsFrom),
          last,
          FUEL_RIOTS_PER_MONTH,
          ym,
          this::fuelRiot,
          d -> rng.pick(Gazetteer.BAMAKO_COMMUNES));
    }

    /** Adds events at {@code perMonth} over the days from..to of one month. */
    private void addOver(
        LocalDate from, LocalDate to, double perMonth, YearMonth ym, Maker maker, Placer placer) {
      if (from.isAfter(to)) {
        return;
      }
      int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
      int n = rng.count(perMonth * spec.intensity() * days / ym.lengthOfMonth());
      for (int i = 0; i < n; i++) {
        LocalDate date = from.plusDays(rng.below(days));
        drafts.add(maker.make(date, placer.place(date)));
      }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
      return a.isAfter(b) ? a : b;
    }

    private Place corridorPlace(LocalDate date) {
      return rng.chance(0.6)
          ? rng.pickWeighted(Gazetteer.DAKAR_CORRIDOR)
          : rng.pickWeighted(Gazetteer.ABIDJAN_CORRIDOR);
    }

    private static String corridor(Place p) {
      return p.admin1().equals("Sikasso")
              || p.location().equals("Ouéléssébougou")
              || p.location().equals("Sanankoroba")
          ? "the Abidjan-Bamako corridor"
          : "the Dakar-Bamako corridor";
    }

    private Draft blockadeAnnounced(LocalDate date) {
      Draft d = draft(date, Gazetteer.get("Nioro du Sahel"), STRATEGIC, "Change to group/activity");
      d.geoPrecision = 3;
      actor1(d, JNIM, REBELS);
      d.notes =
          on(date)
              + "JNIM announced a blockade (blocus) on fuel imports into Mali and warned transport"
              + " companies that any convoy of fuel tankers (camions-citernes) coming from Senegal,"
              + " Mauritania or Côte d'Ivoire would be attacked.";
      return d;
    }

    private Draft convoyAmbush(LocalDate date, Place place) {
      double r = rng.uniform();
      int trucks = rng.between(3, 60);
      String convoy = "a convoy of " + trucks + " fuel tankers (citernes)";
      String blocus = " The attack is part of the JNIM fuel blockade (blocus) of Mali.";
      if (r < 0.35) {
        Draft d = draft(date, place, BATTLES, "Armed clash");
        actor1(d, JNIM, REBELS);
        army(d, false, 0.3);
        d.fatalities = rng.skewedCount(0.15, 1.4, 0.8, 60);
        d.notes =
            on(date)
                + "JNIM militants ambushed "
                + convoy
                + " escorted by FAMa "
                + at(d)
                + " on "
                + corridor(place)
                + ". "
                + killedBothSides(d.fatalities, "soldier", "militant")
                + " Several camions were set on fire."
                + blocus;
        return d;
      }
      if (r < 0.60) {
        Draft d = draft(date, place, STRATEGIC, "Looting/property destruction");
        actor1(d, JNIM, REBELS);
        actor2(d, CIVILIANS, CIVILIAN);
        d.assoc2 = TRANSPORT_WORKERS;
        d.notes =
            on(date)
                + "JNIM militants stopped "
                + convoy
                + " "
                + at(d)
                + " on "
                + corridor(place)
                + " and set "
                + rng.between(2, trucks)
                + " camions on fire after letting the drivers go."
                + blocus;
        return d;
      }
      if (r < 0.75) {
        Draft d = draft(date, place, VAC, "Attack");
        actor1(d, JNIM, REBELS);
        actor2(d, CIVILIANS, CIVILIAN);
        d.assoc2 = TRANSPORT_WORKERS;
        d.fatalities = rng.skewedCount(0.1, 0.9, 0.7, 20);
        d.notes =
            on(date)
                + "JNIM militants fired on "
                + convoy
                + " "
                + at(d)
                + " on "
                + corridor(place)
                + ". "
                + killed(d.fatalities, "truck driver", "truck drivers")
                + blocus;
        return d;
      }
      if (r < 0.90) {
        Draft d = draft(date, place, VAC, "Abduction/forced disappearance");
        actor1(d, JNIM, REBELS);
        actor2(d, CIVILIANS, CIVILIAN);
        d.assoc2 = TRANSPORT_WORKERS;
        d.notes =
            on(date)
                + "JNIM militants stopped "
                + convoy
                + " "
                + at(d)
                + " on "
                + corridor(place)
                + " and abducted "
                + count(rng.between(1, 10), "driver", "drivers")
                + " (chauffeurs)."
                + blocus;
        return d;
      }
      Draft d = draft(date, place, EXPLOSIONS, "Remote explosive/landmine/IED");
      actor1(d, JNIM, REBELS);
      army(d, false, 0.2);
      d.fatalities = rng.skewedCount(0.3, 0.8, 0.7, 20);
      d.notes =
          on(date)
              + "a FAMa escort vehicle of "
              + convoy
              + " struck an IED "
              + at(d)
              + " on "
              + corridor(place)
              + ". "
              + killed(d.fatalities, "soldier", "soldiers")
              + blocus;
      return d;
    }

    private static final String[] FUEL_GRIEVANCES = {
      "against the fuel shortage (pénurie de carburant) caused by the JNIM blockade",
      "against hours-long queues at filling stations during the fuel shortage",
      "against the rise in transport fares that followed the fuel shortage",
      "to demand that the government secure fuel convoys"
    };

    private static final String[] FUEL_PROTESTERS = {
      "motorists and moto-taxi drivers", "residents", "transport workers", "traders"
    };

    private Draft fuelProtest(LocalDate date, Place place) {
      Draft d =
          protest(
              date,
              place,
              FUEL_GRIEVANCES[rng.below(FUEL_GRIEVANCES.length)],
              FUEL_PROTESTERS[rng.below(FUEL_PROTESTERS.length)]);
      if (d.notes.contains("transport workers")) {
        d.assoc1 = TRANSPORT_WORKERS;
      }
      return d;
    }

    private Draft fuelRiot(LocalDate date, Place place) {
      Draft d = draft(date, place, RIOTS, "Violent demonstration");
      actor1(d, RIOTERS, RIOTER);
      actor2(d, POLICE, STATE);
      d.notes =
          on(date)
              + "youths burned tyres and blocked roads "
              + at(d)
              + " near a filling station that had run out of fuel during the shortage; police used"
              + " tear gas. No fatalities were reported.";
      return d;
    }

    // ---- the surge ----------------------------------------------------------------------------

    /**
     * Extra violence in one region over the last days: mostly a cycle of Dozo and Fulani militia
     * reprisals and army operations, with some JNIM attacks.
     */
    private void surge() {
      List<Gazetteer.Weighted> places = Gazetteer.inAdmin1(spec.surgeAdmin1());
      LocalDate to = spec.end();
      LocalDate from = to.minusDays(spec.surgeDays() - 1L);
      int n = rng.count(SURGE_PER_DAY * spec.intensity() * spec.surgeDays());
      for (int i = 0; i < n; i++) {
        LocalDate date = from.plusDays(rng.below(spec.surgeDays()));
        Place place = rng.pickWeighted(places);
        double r = rng.uniform();
        Draft d;
        if (r < 0.20) {
          d = jnimAttack(date, place);
        } else if (r < 0.45) {
          d = communalClash(date, place);
        } else if (r < 0.70) {
          d = militiaVac(date, place);
        } else if (r < 0.90) {
          d = stateVac(date, place);
        } else {
          d = droneStrike(date, place);
        }
        drafts.add(d);
      }
    }
  }
}

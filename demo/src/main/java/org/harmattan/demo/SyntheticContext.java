package org.harmattan.demo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Writes the synthetic humanitarian and travel-advice context of the demo scenario, in the formats
 * the publishers ship, so that the demo reads it through the same readers as real files:
 *
 * <ul>
 *   <li>the admin reference: Mali's 10 regions and 53 cercles in the HDX global P-code table's HXL
 *       CSV layout (the P-codes and names are the public COD-AB ones);
 *   <li>population per region (all 10, so the share of people in need has a complete denominator)
 *       in the COD-PS derived layout, and people in need per response plan (OCHA HPC, HXL) for the
 *       last year; the year is in both file names;
 *   <li>two IOM DTM baseline assessments in round 72's HXL layout (31 October of the last two
 *       years; ISO3-prefixed P-codes as DTM writes them), IDPs per cercle and per Bamako commune
 *       where the scenario's violence is, rising in the last year along the fuel corridors, around
 *       Bamako and in the surge region;
 *   <li>a Cadre Harmonisé November exercise of the last year (current Sep-Dec, projected Jun-Aug of
 *       the next lean season) per cercle, in the 61-column layout, more food-insecure where the
 *       violence is;
 *   <li>two GOV.UK content API snapshots of the FCDO's advice on Mali: parts of the country in
 *       June, the whole country with "leave now" some eight weeks after the fuel blockade starts.
 * </ul>
 *
 * <p>Every file says it is synthetic: in its name, in a comment column ({@code #meta+comment}) or
 * the Cadre Harmonisé {@code notes} column, and in the advice's title and summary. The bytes depend
 * on the arguments alone.
 */
public final class SyntheticContext {

  /**
   * The files written.
   *
   * @param humanitarian the humanitarian tables, in the order to ingest them (admin reference
   *     first, so that the others are checked against it)
   * @param advisories the travel-advice snapshots, oldest first
   */
  public record Files(List<Path> humanitarian, List<Path> advisories) {
    public Files {
      humanitarian = List.copyOf(humanitarian);
      advisories = List.copyOf(advisories);
    }
  }

  static final String ADMIN_FILE = "synthetic-global-pcodes-adm-1-2-mali.csv";

  private static final DateTimeFormatter DTM_DATE =
      DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT);

  /** Region populations (ML01..ML10) around which each seed draws its own. */
  private static final long[] POPULATION_BASE = {
    2_950_000, 3_650_000, 3_950_000, 3_450_000, 3_050_000, 1_020_000, 830_000, 95_000, 3_150_000,
    85_000
  };

  /**
   * Bamako's communes as IOM DTM codes them, with how many IDPs each hosts relative to the rest.
   */
  private static final String[] BAMAKO_COMMUNES = {
    "Commune I", "Commune II", "Commune III", "Commune IV", "Commune V", "Commune VI"
  };

  private static final int[] BAMAKO_WEIGHTS = {2, 1, 1, 1, 2, 4};

  private static final List<String> DTM_HEADER =
      List.of(
          "Snapshot Date",
          "Admin 0",
          "Admin 0 pcode",
          "Admin 1",
          "Admin 1 pcode",
          "Admin 2",
          "Admin 2 pcode",
          "Admin 3",
          "Admin 3 pcode",
          "Total No# of IDPs HH",
          "Total No# of IDPs Ind#",
          "Num_RET_from_Abroad_IND",
          "Num_RET_from_Abroad_HH",
          "Num_Ret_IDP_HH",
          "Num_Ret_IDP_IND",
          "Total No# of Returnees HH#",
          "Total No# of Returnees Ind#",
          "Country of Origin of IDP",
          "Admin 1 Area of Origin of IDP",
          "Type of Displacement",
          "Main displacement start date",
          "UpdatedDate",
          "admin_1_pcode_origin_majority_present_idp",
          "admin_0_pcode_origin_majority_ret_from_abroad",
          "Comment");

  private static final List<String> DTM_TAGS =
      List.of(
          "#date+occurred",
          "#country+name",
          "#country+code",
          "#adm1+name",
          "#adm1+code",
          "#adm2+name",
          "#adm2+code",
          "#adm3+name",
          "#adm3+code",
          "#affected+idps+hh",
          "#affected+idps+ind",
          "",
          "",
          "",
          "",
          "#affected+returnees+hh",
          "#affected+returnees+ind",
          "#country+name+origin",
          "#adm1+name+origin",
          "",
          "",
          "",
          "",
          "",
          "#meta+comment");

  private static final List<String> CH_HEADER =
      List.of(
          ("adm0_name,adm0_pcod2,adm0_pcod3,adm0_5_name,adm0_5_pcod2,adm1_name,adm1_pcod2,"
                  + "adm1_5_name,adm1_5_pcod2,adm2_name,adm2_pcod2,adm2_5_name,adm2_5_pcod2,"
                  + "adm3_name,adm3_pcod2,exercise_code,exercise_label,exercise_year,chtype,"
                  + "reference_code,reference_label,reference_year,population,phase_class,phase1,"
                  + "phase2,phase3,phase4,phase5,phase35,foodconsumption_phase,livelihoods_phase,"
                  + "nutrition_phase,mortality_phase,FCG_Poor,FCG_Borderline,FCG_Acceptable,"
                  + "FCG_finalphase,HDDS_Phase1,HDDS_Phase2,HDDS_Phase3,HDDS_Phase4,HDDS_Phase5,"
                  + "HDDS_finalphase,HHS_Phase1,HHS_Phase2,HHS_Phase3,HHS_Phase4,HHS_Phase5,"
                  + "HHS_finalphase,LhHCSCat_NoStrategies,LhHCSCat_StressStrategies,"
                  + "LhHCSCat_CrisisStategies,LhHCSCat_EmergencyStrategies,LhHCSCat_finalphase,"
                  + "rCSI_Phase1,rCSI_Phase2,rCSI_Phase3,rCSI_finalphase,notes,usethisperiod")
              .split(","));

  /** The Cadre Harmonisé columns between phase35 and notes that the demo leaves blank. */
  private static final int CH_BLANK_INDICATORS = 29;

  private SyntheticContext() {}

  /**
   * Writes the context of the scenario {@code spec} describes into {@code dir} (created if needed),
   * replacing files of the same names: its seed draws every value, its last year is the year of the
   * files, its surge region's displacement grows and its blockade date moves the travel advice. The
   * spec's country is Mali, the only one with a gazetteer.
   *
   * @throws HarmattanException (UNAVAILABLE) when a file cannot be written
   */
  public static Files write(Path dir, SyntheticScenario.ScenarioSpec spec) {
    requireNonNull(dir, "dir");
    requireNonNull(spec, "spec");
    return new Writing(dir, spec).run();
  }

  /** One call's state: the seed's draws, shared by the files that must agree. */
  private static final class Writing {
    private final Path dir;
    private final long seed;
    private final int year;
    private final boolean twoYears;
    private final String mark;
    private final Map<String, Double> violence = violenceByCercle();
    private final Set<String> corridors = corridorCercles();
    private final String surgeRegion;
    private final LocalDate blockade;
    private long[] population;

    Writing(Path dir, SyntheticScenario.ScenarioSpec spec) {
      this.dir = dir;
      this.seed = spec.seed();
      this.year = spec.lastYear();
      this.twoYears = spec.firstYear() < spec.lastYear();
      this.mark = "SYNTHETIC: written by the Harmattan demo (seed " + seed + "), not real data";
      this.surgeRegion = MaliPcodes.region(spec.surgeAdmin1()).pcode();
      this.blockade = spec.blockadeStart();
    }

    /** A generator of its own for each file, so that one file's draws never shift another's. */
    private Rng rng(int file) {
      return new Rng(seed ^ (0x9E3779B97F4A7C15L * (file + 1)));
    }

    Files run() {
      try {
        java.nio.file.Files.createDirectories(dir);
        List<Path> humanitarian = new ArrayList<>();
        humanitarian.add(writeAdmin());
        humanitarian.add(writePopulation());
        humanitarian.add(writePeopleInNeed());
        LocalDate before = twoYears ? LocalDate.of(year - 1, 10, 31) : LocalDate.of(year, 4, 30);
        LocalDate after = LocalDate.of(year, 10, 31);
        Map<String, Long> first = idps(false);
        Map<String, Long> second = idps(true);
        humanitarian.add(writeDtm(before, first, rng(4)));
        humanitarian.add(writeDtm(after, second, rng(5)));
        humanitarian.add(writeCadreHarmonise());
        List<Path> advisories = writeAdvisories();
        return new Files(humanitarian, advisories);
      } catch (IOException e) {
        throw new HarmattanException(
            ErrorCategory.UNAVAILABLE,
            ProblemCode.DEMO_WRITE_FAILED,
            "cannot write the demo's synthetic context to "
                + dir
                + " ("
                + e
                + "); expected a writable directory, check its permissions and free space",
            e);
      }
    }

    // ---- admin reference ----------------------------------------------------------------------

    private Path writeAdmin() throws IOException {
      List<String> lines = new ArrayList<>();
      lines.add(
          Csv.line(
              List.of(
                  "Location",
                  "Admin Level",
                  "P-Code",
                  "Name",
                  "Parent P-Code",
                  "Valid from date",
                  "Comment")));
      lines.add(
          Csv.line(
              List.of(
                  "#country+code",
                  "#geo+admin_level",
                  "#adm+code",
                  "#adm+name",
                  "#adm+code+parent",
                  "#date+start",
                  "#meta+comment")));
      String comment =
          "SYNTHETIC demo file: the public COD-AB P-codes of Mali written by the Harmattan demo,"
              + " not an HDX download";
      for (MaliPcodes.Unit u : MaliPcodes.REGIONS) {
        lines.add(
            Csv.line(
                List.of("MLI", "1", u.pcode(), u.name(), "MLI", MaliPcodes.VALID_FROM, comment)));
      }
      for (MaliPcodes.Unit u : MaliPcodes.CERCLES) {
        lines.add(
            Csv.line(
                List.of(
                    "MLI", "2", u.pcode(), u.name(), u.parent(), MaliPcodes.VALID_FROM, comment)));
      }
      return writeLines(ADMIN_FILE, lines);
    }

    // ---- population and people in need --------------------------------------------------------

    private long[] population() {
      if (population == null) {
        Rng r = rng(1);
        population = new long[POPULATION_BASE.length];
        for (int i = 0; i < population.length; i++) {
          population[i] = Math.round(POPULATION_BASE[i] * (0.97 + 0.06 * r.uniform()));
        }
      }
      return population;
    }

    private Path writePopulation() throws IOException {
      long[] pop = population();
      List<String> lines = new ArrayList<>();
      lines.add(
          Csv.line(
              List.of(
                  "ADM0_PCODE",
                  "alpha_3",
                  "ADM0_REF",
                  "ADM_LEVEL",
                  "ADM_PCODE",
                  "ADM_REF",
                  "ADM1_PCODE",
                  "ADM1_REF",
                  "ADM2_PCODE",
                  "ADM2_REF",
                  "Population",
                  "Comment")));
      for (int i = 0; i < MaliPcodes.REGIONS.size(); i++) {
        MaliPcodes.Unit u = MaliPcodes.REGIONS.get(i);
        lines.add(
            Csv.line(
                List.of(
                    "ML",
                    "MLI",
                    "Mali",
                    "1",
                    u.pcode(),
                    u.name(),
                    u.pcode(),
                    u.name(),
                    "",
                    "",
                    Long.toString(pop[i]),
                    mark + " (not an OCHA COD-PS estimate)")));
      }
      return writeLines("synthetic-subnational-population-mali-" + year + ".csv", lines);
    }

    private Path writePeopleInNeed() throws IOException {
      long total = Arrays.stream(population()).sum();
      long pin = Math.round(total * (0.27 + 0.04 * rng(2).uniform()));
      List<String> lines = new ArrayList<>();
      lines.add(
          Csv.line(
              List.of(
                  "#",
                  "Interagency Response Plans",
                  "ISO alpha-3 codes",
                  "Plan type",
                  "In Need",
                  "Data Explorer PIN?",
                  "Comment")));
      lines.add(
          Csv.line(
              List.of(
                  "",
                  "#country+name",
                  "#country+code",
                  "#plan+type",
                  "#inneed",
                  "#meta+included",
                  "#meta+comment")));
      lines.add(
          Csv.line(
              List.of(
                  "1",
                  "Mali",
                  "MLI",
                  "Humanitarian response plan",
                  Long.toString(pin),
                  "TRUE",
                  mark + " (not an OCHA HPC figure)")));
      return writeLines("synthetic-inneed-interagency-response-plans-mali-" + year + ".csv", lines);
    }

    // ---- IOM DTM ------------------------------------------------------------------------------

    /**
     * IDPs per cercle (COD P-code) and per Bamako commune (key {@code ML0901/Commune I}) in the
     * earlier round or, with {@code later}, the round after the last year's escalation.
     */
    private Map<String, Long> idps(boolean later) {
      Rng r = rng(3);
      double target = 330_000 * (0.95 + 0.10 * r.uniform());
      double totalWeight = violence.values().stream().mapToDouble(Double::doubleValue).sum();
      Set<String> cercles = new HashSet<>(violence.keySet());
      cercles.addAll(corridors);
      Map<String, Long> out = new TreeMap<>();
      for (String code : new TreeSet<>(cercles)) {
        double w = violence.getOrDefault(code, 0.0);
        double jitter = 0.8 + 0.4 * r.uniform();
        double base = w > 0 ? target * 0.86 * w / totalWeight * jitter : target * 0.004 * jitter;
        double growth = growth(code, r.uniform());
        out.put(code, Math.max(20, Math.round(later ? base * growth : base)));
      }
      double bamakoGrowth = 1.25 + 0.15 * r.uniform();
      int weights = Arrays.stream(BAMAKO_WEIGHTS).sum();
      for (int i = 0; i < BAMAKO_COMMUNES.length; i++) {
        double base = target * 0.06 * BAMAKO_WEIGHTS[i] / weights * (0.8 + 0.4 * r.uniform());
        out.put(
            "ML0901/" + BAMAKO_COMMUNES[i],
            Math.max(20, Math.round(later ? base * bamakoGrowth : base)));
      }
      return out;
    }

    /** How much a cercle's IDPs grow in the last year: most on the scenario's new fronts. */
    private double growth(String code, double u) {
      double g = 0.95 + 0.20 * u;
      if (code.startsWith(surgeRegion)) {
        g = Math.max(g, 1.35 + 0.20 * u);
      }
      if (code.startsWith("ML02")) {
        g = Math.max(g, 1.50 + 0.30 * u);
      }
      if (corridors.contains(code)) {
        g = Math.max(g, 1.80 + 0.60 * u);
      }
      return g;
    }

    private Path writeDtm(LocalDate date, Map<String, Long> idps, Rng r) throws IOException {
      List<String> lines = new ArrayList<>();
      lines.add(Csv.line(DTM_HEADER));
      lines.add(Csv.line(DTM_TAGS));
      String comment = mark + " (not an IOM DTM count)";
      for (Map.Entry<String, Long> e : idps.entrySet()) {
        String key = e.getKey();
        int slash = key.indexOf('/');
        String cercleCode = slash < 0 ? key : key.substring(0, slash);
        String commune = slash < 0 ? "" : key.substring(slash + 1);
        MaliPcodes.Unit cercle = MaliPcodes.get(cercleCode);
        MaliPcodes.Unit region = MaliPcodes.get(cercle.parent());
        long ind = e.getValue();
        long hh = Math.max(1, Math.round(ind / (5.2 + 1.0 * r.uniform())));
        boolean north =
            region.pcode().equals("ML06")
                || region.pcode().equals("ML07")
                || region.pcode().equals("ML08")
                || region.pcode().equals("ML10");
        long returnedIdps = north ? Math.round(ind * 0.15 * r.uniform()) : 0;
        long returnedHh = Math.round(returnedIdps / 5.5);
        // Hosts far from the fighting (Bamako, the corridors) receive people from the centre.
        boolean host = !violence.containsKey(cercleCode);
        MaliPcodes.Unit origin = host ? MaliPcodes.get(r.chance(0.6) ? "ML05" : "ML04") : region;
        String communeCode =
            commune.isEmpty()
                ? ""
                : MaliPcodes.iso3Style(cercleCode)
                    + String.format(
                        Locale.ROOT, "%02d", Arrays.asList(BAMAKO_COMMUNES).indexOf(commune) + 1);
        lines.add(
            Csv.line(
                List.of(
                    DTM_DATE.format(date),
                    "Mali",
                    "MLI",
                    region.name(),
                    MaliPcodes.iso3Style(region.pcode()),
                    cercle.name(),
                    MaliPcodes.iso3Style(cercle.pcode()),
                    commune,
                    communeCode,
                    Long.toString(hh),
                    Long.toString(ind),
                    "0",
                    "0",
                    Long.toString(returnedHh),
                    Long.toString(returnedIdps),
                    Long.toString(returnedHh),
                    Long.toString(returnedIdps),
                    "Mali",
                    origin.name(),
                    returnedIdps > 0 ? "Conflict; Returns" : "Conflict",
                    "2012/03/01",
                    DTM_DATE.format(date.plusDays(42)),
                    MaliPcodes.iso3Style(origin.pcode()),
                    "",
                    comment)));
      }
      return writeLines("synthetic-iom-dtm-mali-baseline-assessment-" + date + ".csv", lines);
    }

    // ---- Cadre Harmonisé ----------------------------------------------------------------------

    private Path writeCadreHarmonise() throws IOException {
      Rng r = rng(6);
      long[] pop = population();
      double maxViolence =
          violence.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
      List<String> lines = new ArrayList<>();
      lines.add(Csv.line(CH_HEADER));
      String notes = mark + " (not a Cadre Harmonisé analysis)";
      for (int i = 0; i < MaliPcodes.REGIONS.size(); i++) {
        MaliPcodes.Unit region = MaliPcodes.REGIONS.get(i);
        List<MaliPcodes.Unit> cercles = MaliPcodes.cerclesOf(region.pcode());
        double[] shares = new double[cercles.size()];
        double sum = 0;
        for (int k = 0; k < shares.length; k++) {
          boolean capital = cercles.get(k).name().equals(region.name());
          shares[k] = 1 + r.uniform() + (capital ? 1.5 : 0);
          sum += shares[k];
        }
        for (int k = 0; k < shares.length; k++) {
          MaliPcodes.Unit cercle = cercles.get(k);
          long people = Math.round(pop[i] * shares[k] / sum);
          double v = violence.getOrDefault(cercle.pcode(), 0.0) / maxViolence;
          double current = 0.02 + 0.22 * v + 0.03 * r.uniform();
          double projected = Math.min(0.45, current * (1.3 + 0.3 * r.uniform()) + 0.01);
          lines.add(chRow(region, cercle, people, current, "current", r, notes));
          lines.add(chRow(region, cercle, people, projected, "projected", r, notes));
        }
      }
      return writeLines("synthetic-cadre-harmonise-mali-" + year + ".csv", lines);
    }

    private String chRow(
        MaliPcodes.Unit region,
        MaliPcodes.Unit cercle,
        long people,
        double share3plus,
        String chtype,
        Rng r,
        String notes) {
      long p35 = Math.round(people * share3plus);
      long p5 = share3plus > 0.2 ? Math.round(p35 * 0.005) : 0;
      long p4 = Math.round(p35 * (0.12 + 0.10 * r.uniform()));
      long p3 = p35 - p4 - p5;
      long p2 = Math.round(people * (0.18 + 0.10 * r.uniform()));
      long p1 = people - p2 - p35;
      int phaseClass;
      if ((p4 + p5) >= 0.2 * people) {
        phaseClass = 4;
      } else if (p35 >= 0.2 * people) {
        phaseClass = 3;
      } else if (p2 + p35 >= 0.2 * people) {
        phaseClass = 2;
      } else {
        phaseClass = 1;
      }
      boolean current = chtype.equals("current");
      List<String> row = new ArrayList<>();
      row.addAll(
          List.of(
              "Mali",
              "ML",
              "MLI",
              "",
              "",
              region.name(),
              region.pcode(),
              "",
              "",
              cercle.name(),
              cercle.pcode(),
              "",
              "",
              "",
              ""));
      row.addAll(
          List.of(
              "1",
              "Sep-Dec",
              Integer.toString(year),
              chtype,
              current ? "1" : "3",
              current ? "Sep-Dec" : "Jun-Aug",
              Integer.toString(current ? year : year + 1),
              Long.toString(people),
              Integer.toString(phaseClass),
              Long.toString(p1),
              Long.toString(p2),
              Long.toString(p3),
              Long.toString(p4),
              Long.toString(p5),
              Long.toString(p35)));
      for (int i = 0; i < CH_BLANK_INDICATORS; i++) {
        row.add("");
      }
      row.add(notes);
      row.add("Y");
      return Csv.line(row);
    }

    // ---- travel advice ------------------------------------------------------------------------

    private List<Path> writeAdvisories() throws IOException {
      Rng r = rng(7);
      LocalDate first = LocalDate.of(year, 6, 8 + r.below(10));
      LocalDate second = blockade.plusDays(55 + r.below(10));
      LocalDate latest = LocalDate.of(year, 12, 15);
      if (second.isAfter(latest)) {
        second = latest;
      }
      // A blockade before the June advice brings that advice forward, so that it still precedes
      // the change the blockade causes.
      if (!first.isBefore(blockade)) {
        LocalDate earlier = blockade.minusDays(21);
        first = earlier.getYear() == year ? earlier : LocalDate.of(year, 1, 1);
      }
      String parts =
          "<p>The Foreign, Commonwealth &amp; Development Office (FCDO) provides advice about"
              + " risks of travel to help British nationals make informed decisions.</p>\n"
              + "<h2 id=\"areas-where-fcdo-advises-against-travel\">Areas where FCDO advises"
              + " against travel</h2>\n"
              + "<p>FCDO advises against all travel to:</p>\n<ul>\n"
              + "<li>Timbuktu region</li>\n<li>Kidal region</li>\n<li>Gao region</li>\n"
              + "<li>Ménaka region</li>\n<li>Mopti region</li>\n<li>Ségou region</li>\n</ul>\n"
              + "<p>FCDO advises against all but essential travel to the rest of Mali, including"
              + " Bamako.</p>";
      Path a =
          writeGovUk(
              first,
              "10:15:00.000+01:00",
              List.of(
                  "avoid_all_travel_to_parts", "avoid_all_but_essential_travel_to_whole_country"),
              "<p>SYNTHETIC: information on the security situation in central Mali.</p>",
              "<p>FCDO advises against all travel to parts of Mali and against all but essential"
                  + " travel to the rest of the country.</p>",
              parts);
      String whole =
          "<p>The Foreign, Commonwealth &amp; Development Office (FCDO) provides advice about"
              + " risks of travel to help British nationals make informed decisions.</p>\n"
              + "<h2 id=\"areas-where-fcdo-advises-against-travel\">Areas where FCDO advises"
              + " against travel</h2>\n"
              + "<p>FCDO advises against all travel to Mali.</p>\n"
              + "<p>If you are in Mali, you should leave now by commercial means while flights"
              + " are available. Attacks on fuel convoys on the roads from Senegal and Côte"
              + " d'Ivoire have caused severe fuel shortages, disrupting road travel and the"
              + " supply of electricity.</p>";
      Path b =
          writeGovUk(
              second,
              "18:40:00.000+00:00",
              List.of("avoid_all_travel_to_whole_country"),
              "<p>SYNTHETIC: FCDO now advises against all travel to Mali. British nationals in"
                  + " Mali should leave now.</p>",
              "<p>FCDO advises against all travel to Mali. If you are in Mali, you should leave"
                  + " now by commercial means while flights are available.</p>",
              whole);
      return List.of(a, b);
    }

    private Path writeGovUk(
        LocalDate date,
        String time,
        List<String> alertStatus,
        String change,
        String summary,
        String warnings)
        throws IOException {
      String at = date + "T" + time;
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("base_path", "/foreign-travel-advice/mali");
      root.put("content_id", "00000000-0000-4000-8000-5e7a1cda7a00");
      root.put("document_type", "travel_advice");
      root.put("schema_name", "travel_advice");
      root.put("locale", "en");
      root.put("title", "Mali travel advice (SYNTHETIC)");
      root.put(
          "description",
          "SYNTHETIC travel advice written by the Harmattan demo (seed "
              + seed
              + ") in the GOV.UK content API format; it is not FCDO advice and must not be"
              + " cited.");
      root.put("public_updated_at", at);
      root.put("first_published_at", "2014-09-24T11:00:00.000+01:00");
      Map<String, Object> details = new LinkedHashMap<>();
      // Insertion-ordered maps only: Map.of iterates in an order that changes from run to run.
      Map<String, Object> country = new LinkedHashMap<>();
      country.put("slug", "mali");
      country.put("name", "Mali");
      details.put("country", country);
      details.put("alert_status", alertStatus);
      details.put("change_description", change);
      details.put("reviewed_at", at);
      details.put(
          "summary",
          "<p>SYNTHETIC advice for the Harmattan demo, not FCDO advice.</p>\n" + summary);
      details.put(
          "email_signup_link", "https://www.gov.uk/foreign-travel-advice/mali/email-signup");
      Map<String, Object> part1 = new LinkedHashMap<>();
      part1.put("slug", "warnings-and-insurance");
      part1.put("title", "Warnings and insurance");
      part1.put("body", warnings);
      Map<String, Object> part2 = new LinkedHashMap<>();
      part2.put("slug", "safety-and-security");
      part2.put("title", "Safety and security");
      part2.put(
          "body",
          "<h2 id=\"terrorism\">Terrorism</h2>\n<p>Terrorists are very likely to try to carry out"
              + " attacks in Mali, including in Bamako.</p>\n<h2 id=\"kidnap\">Kidnap</h2>\n"
              + "<p>There is a high threat of kidnap throughout Mali.</p>");
      details.put("parts", List.of(part1, part2));
      root.put("details", details);
      DefaultPrettyPrinter pretty =
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
      String json = new ObjectMapper().writer(pretty).writeValueAsString(root) + "\n";
      Path file = dir.resolve("synthetic-uk-fcdo-mali-" + date + ".json");
      java.nio.file.Files.writeString(file, json, StandardCharsets.UTF_8);
      return file;
    }

    private Path writeLines(String name, List<String> lines) throws IOException {
      Path file = dir.resolve(name);
      try (Writer out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
      return file;
    }
  }

  /**
   * How much violence each cercle sees in the scenario: the summed draw weights of its places in
   * the lists JNIM, Islamic State Sahel, state operations and the militias draw from.
   */
  static Map<String, Double> violenceByCercle() {
    Map<String, Double> out = new TreeMap<>();
    for (List<Gazetteer.Weighted> list :
        List.of(Gazetteer.JNIM, Gazetteer.ISSP, Gazetteer.STATE_OPERATIONS, Gazetteer.MILITIAS)) {
      for (Gazetteer.Weighted w : list) {
        out.merge(cercleOf(w.place()), (double) w.weight(), Double::sum);
      }
    }
    return out;
  }

  /** The cercles of the fuel corridors the scenario's blockade targets. */
  static Set<String> corridorCercles() {
    Set<String> out = new TreeSet<>();
    for (List<Gazetteer.Weighted> list :
        List.of(Gazetteer.DAKAR_CORRIDOR, Gazetteer.ABIDJAN_CORRIDOR)) {
      for (Gazetteer.Weighted w : list) {
        out.add(cercleOf(w.place()));
      }
    }
    return out;
  }

  private static String cercleOf(Place p) {
    return MaliPcodes.findCercle(p)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the scenario's place "
                        + p.location()
                        + " ("
                        + p.admin2()
                        + ", "
                        + p.admin1()
                        + ") has no cercle in the P-code table"))
        .pcode();
  }
}

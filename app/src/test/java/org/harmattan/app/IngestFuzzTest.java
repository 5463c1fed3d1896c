package org.harmattan.app;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@code harmattan ingest}: the first rows of real files of every supported
 * format, mutated (truncation, bad bytes, quotes, delimiters, huge fields, control characters,
 * numbers at every limit, dates at every edge, duplicate and conflicting rows, broken headers) and
 * ingested through the command line into a real store. For every case: no internal error, an exit
 * code of 0, 1 or 2, a report for every file whose rows add up, a store that still opens, and a
 * second ingest of the same files that changes nothing.
 *
 * <p>Each run draws a fresh run seed, so every build tries cases no build tried before, and prints
 * it first with the way to replay the run ({@code -Dharmattan.fuzz.seed=N}); {@code
 * -Dharmattan.fuzz.cases=N} changes the run's size. Besides its fresh cases, every run replays the
 * case seeds of {@code fuzz-regressions.txt} (next to this class in the test resources), each a
 * case that once failed. A failure prints each failing case's own seed, which {@code
 * -Dharmattan.fuzz.case=SEED} replays alone; once its cause is fixed, the seed goes into that list.
 * Failing files are kept under {@code target/fuzz-failures}.
 */
class IngestFuzzTest {
  private static final int DEFAULT_CASES = 1_000;

  /** Case seeds that once failed, one a line, each with a comment saying what it found. */
  private static final String REGRESSIONS = "fuzz-regressions.txt";

  /** Cases ingested together into one store by one command. */
  private static final int BATCH = 25;

  private static final Set<Integer> DOCUMENTED_EXITS = Set.of(0, 1, 2);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Real files of every format ingest reads, relative to shared/data. */
  private static final List<String> SOURCES =
      List.of(
          "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv",
          "acled/acled_all_africa_20160101-20160528.MALI.csv",
          "acled/acled_global_2022H1_sample9000__acledR.csv",
          "acled_hdx_hxl/conflict_data_mli.csv",
          "ucdp/ucdpged_sample_v23_1__uncertainUCDP.MALI.csv",
          "ucdp/ged191_MMR_BGD_subset__hdx-scraper-ucdp.csv",
          "gdelt/gdelt1_events_sample_710rows__reed9999.tsv",
          "iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.converted.csv",
          "iom_dtm_mali/idps_mali.csv",
          "hdx_pcodes/global_pcodes_adm_1_2__hxl.MALI.csv",
          "hno_pin/inneed_interagency_response_plans_2022__hxl.csv",
          "cadre_harmonise/cadre_harmonise_caf_ipc__covidviz_2022.MALI.csv",
          "idmc_idps/idmc_displacement_data__hxl.MALI.csv",
          "views_cm/cm_actuals_v2_2018-01_2022-12.csv",
          "iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.xlsx",
          "iom_dtm_mali/Baseline_Assessment_Round_28.xlsx");

  @TempDir Path dir;

  @Test
  @SuppressForbidden(reason = "the run's seed goes to the build log before the run, to replay it")
  void noMutatedInputBreaksIngest() throws IOException {
    List<FuzzCase.Seed> seeds = new ArrayList<>();
    for (String relative : SOURCES) {
      seeds.add(FuzzCase.Seed.of(SharedData.require(relative)));
    }
    Set<Long> regressions = regressionSeeds();
    String one = System.getProperty("harmattan.fuzz.case");
    List<Long> caseSeeds = new ArrayList<>();
    String run;
    if (one != null && !one.isBlank()) {
      caseSeeds.add(Long.parseLong(one.trim()));
      run = "case seed " + caseSeeds.get(0) + " alone";
    } else {
      String given = System.getProperty("harmattan.fuzz.seed");
      long seed =
          given != null && !given.isBlank()
              ? Long.parseLong(given.trim())
              : ThreadLocalRandom.current().nextLong();
      int cases = Integer.getInteger("harmattan.fuzz.cases", DEFAULT_CASES);
      caseSeeds.addAll(regressions);
      caseSeeds.addAll(freshSeeds(seed, cases));
      run =
          "run seed "
              + seed
              + " (replay this run with -Dharmattan.fuzz.seed="
              + seed
              + " -Dharmattan.fuzz.cases="
              + cases
              + "): "
              + cases
              + " fresh cases and "
              + regressions.size()
              + " from "
              + REGRESSIONS;
    }
    // Printed first, so that the seed is known even when the run does not end.
    System.out.println("IngestFuzzTest: " + run);
    List<String> failures = new ArrayList<>();
    for (int from = 0; from < caseSeeds.size(); from += BATCH) {
      List<FuzzCase> batch = new ArrayList<>();
      List<Path> files = new ArrayList<>();
      for (int i = from; i < Math.min(caseSeeds.size(), from + BATCH); i++) {
        FuzzCase c = FuzzCase.make(caseSeeds.get(i), seeds);
        batch.add(c);
        files.add(c.write(dir.resolve("case-" + i)));
      }
      Path store = dir.resolve("store-" + from + ".duckdb");
      List<String> together = check(files, store);
      if (!together.isEmpty()) {
        // Find the cases to blame, each alone in a store of its own.
        int blamed = failures.size();
        for (int i = 0; i < batch.size(); i++) {
          List<String> problems =
              check(List.of(files.get(i)), dir.resolve("alone-" + (from + i) + ".duckdb"));
          if (!problems.isEmpty()) {
            String regression = regressions.contains(batch.get(i).seed()) ? "regression " : "";
            failures.add(regression + batch.get(i) + ":\n    " + String.join("\n    ", problems));
            keep(batch.get(i), files.get(i));
          }
        }
        if (failures.size() == blamed) {
          // Each case holds alone, but not together: files of one batch that disagree.
          failures.add(
              "cases "
                  + batch
                  + " together (each holds alone):\n    "
                  + String.join("\n    ", together));
          for (int i = 0; i < batch.size(); i++) {
            keep(batch.get(i), files.get(i));
          }
        }
      }
      for (Path file : files) {
        deleteTree(file.getParent());
      }
    }
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " of "
              + caseSeeds.size()
              + " fuzz cases failed in "
              + run
              + "; replay one case with -Dharmattan.fuzz.case=SEED:\n"
              + String.join("\n", failures));
    }
  }

  /** The seeds of {@code cases} fresh cases, drawn from the run's seed. */
  private static List<Long> freshSeeds(long seed, int cases) {
    List<Long> seeds = new ArrayList<>(cases);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < cases; i++) {
      seeds.add(random.nextLong());
    }
    return seeds;
  }

  /** The case seeds of the regression list, in its order; text after '#' is a comment. */
  private static Set<Long> regressionSeeds() throws IOException {
    Set<Long> seeds = new LinkedHashSet<>();
    try (InputStream in = IngestFuzzTest.class.getResourceAsStream(REGRESSIONS)) {
      if (in == null) {
        throw new IOException(REGRESSIONS + " is not on the test class path");
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int hash = line.indexOf('#');
        String seed = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (seed.isEmpty()) {
          continue;
        }
        try {
          seeds.add(Long.parseLong(seed));
        } catch (NumberFormatException e) {
          throw new IOException(
              REGRESSIONS + " line " + (i + 1) + ": \"" + seed + "\" is not a case seed", e);
        }
      }
    }
    return seeds;
  }

  /**
   * Every broken promise of ingesting {@code files} twice into {@code store}, in words; empty when
   * all held. The files go in one command, as a user's batch would, so the second pass also checks
   * that the same files in the same store resolve to one state whatever came between them.
   */
  private static List<String> check(List<Path> files, Path store) throws IOException {
    List<String> problems = new ArrayList<>();
    CliRun first = ingest(files, store);
    checkRun("first ingest", first, files.size(), problems);
    JsonNode before = status(store, problems);
    CliRun second = ingest(files, store);
    checkRun("second ingest", second, files.size(), problems);
    JsonNode after = status(store, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    if (first.code() != second.code()) {
      problems.add("exit " + first.code() + " then " + second.code() + " for the same files");
    }
    for (JsonNode report : reports(second)) {
      if (report.path("inserted").asLong() != 0 || report.path("updated").asLong() != 0) {
        problems.add("the second ingest changed the store: " + report);
      }
    }
    if (before != null && !before.equals(after)) {
      problems.add("status changed on the second ingest: " + before + " then " + after);
    }
    return problems;
  }

  private static CliRun ingest(List<Path> files, Path store) {
    List<String> args = new ArrayList<>(List.of("ingest", "--json", "--store", store.toString()));
    for (Path f : files) {
      args.add(f.toString());
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void checkRun(String what, CliRun run, int files, List<String> problems) {
    if (!DOCUMENTED_EXITS.contains(run.code())) {
      problems.add(what + ": exit " + run.code() + ": " + firstLine(run.err()));
      return;
    }
    if (run.err().contains("internal error")) {
      problems.add(what + ": " + firstLine(run.err()));
    }
    if (run.code() != 0 && run.err().isBlank()) {
      problems.add(what + ": exit " + run.code() + " without a message");
    }
    List<JsonNode> reports = reports(run);
    if (reports.size() != files) {
      problems.add(what + ": " + reports.size() + " reports for " + files + " files");
    }
    for (JsonNode report : reports) {
      if (!report.has("rowsRead")) {
        continue;
      }
      long sum = 0;
      for (String k : new String[] {"inserted", "updated", "unchanged", "merged", "quarantined"}) {
        sum += report.path(k).asLong();
      }
      if (sum != report.get("rowsRead").asLong()) {
        problems.add(what + ": rows do not add up: " + report);
      }
    }
  }

  private static List<JsonNode> reports(CliRun run) {
    List<JsonNode> reports = new ArrayList<>();
    if (run.out().isBlank()) {
      return reports;
    }
    try {
      for (JsonNode f : JSON.readTree(run.out()).path("files")) {
        reports.add(f);
      }
    } catch (IOException e) {
      reports.add(JSON.createObjectNode().put("unparsable", run.out()));
    }
    return reports;
  }

  private static JsonNode status(Path store, List<String> problems) throws IOException {
    if (!Files.exists(store)) {
      // Nothing was ever stored (every file so far refused as a whole).
      return null;
    }
    CliRun run = CliRun.of("status", "--json", "--store", store.toString());
    if (run.code() != 0) {
      problems.add("the store does not open: exit " + run.code() + ": " + firstLine(run.err()));
      return null;
    }
    // The ingest log grows with every ingest, also of a file seen before: not a change of data.
    JsonNode status = JSON.readTree(run.out());
    ((com.fasterxml.jackson.databind.node.ObjectNode) status).remove("files");
    return status;
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static void keep(FuzzCase c, Path file) throws IOException {
    Path kept = Path.of("target", "fuzz-failures", Long.toString(c.seed()));
    Files.createDirectories(kept);
    Files.copy(file, kept.resolve(c.name()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

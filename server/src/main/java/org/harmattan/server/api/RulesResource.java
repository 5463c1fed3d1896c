package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.path;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleEvaluator;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Params;
import org.harmattan.service.alerts.AlertService;
import org.harmattan.service.watch.AlertsJob;
import org.harmattan.service.watch.WatchConfig;
import org.harmattan.service.watch.WatchJob;
import org.harmattan.service.watch.WatchJournal;

/**
 * Alert rules over the API: the rule files of the server's watch (read by analysts, replaced by
 * admins, in force from the next run of their job), back-tests of posted rules on the store, and
 * the watch's jobs with their latest runs.
 */
final class RulesResource {
  /** The longest period a back-test covers: five years of days. */
  static final int MAX_TEST_DAYS = 5 * 366;

  /** The latest runs the watch listing shows. */
  static final int RECENT_RUNS = 50;

  private final Api api;

  RulesResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.POST,
            "/api/v1/alerts/test",
            Role.ANALYST,
            "alerts",
            "Back-test rules on the store: POST a rule file (YAML or JSON, {rules:[{id, kind,"
                + " countries, admin1, severity, suppress_days, …}]}); the alerts they would have"
                + " raised each day of the period, after suppression, nothing sent",
            List.of(
                ApiRoute.Param.date("from", true, "First day evaluated, e.g. 2017-01-01"),
                ApiRoute.Param.date("to", true, "Last day evaluated (at most 5 years on)")),
            "Rules",
            "AlertTest",
            this::test),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/alerts/rules",
            Role.ANALYST,
            "alerts",
            "The rule files of the server's watch, one per alerts job, with the ids of their"
                + " rules",
            List.of(),
            null,
            "RuleFiles",
            this::list),
        ApiRoute.json(
            HandlerType.PUT,
            "/api/v1/alerts/rules/{job}",
            Role.ADMIN,
            "alerts",
            "Replace the rule file of an alerts job of the server's watch (YAML or JSON); checked"
                + " first, in force from the job's next run",
            List.of(path("job", "The alerts job's id in the watch configuration")),
            "Rules",
            "RuleFile",
            this::replace),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/watch",
            Role.ANALYST,
            "alerts",
            "The server's watch: its jobs and their latest runs (newest first), failures included",
            List.of(),
            null,
            "Watch",
            this::watch));
  }

  private void test(Context ctx) {
    List<Rule> rules = RuleFile.parse(ctx.body(), "the request body");
    Period days = new Period(Params.date(ctx, "from"), Params.date(ctx, "to"));
    if (ChronoUnit.DAYS.between(days.from(), days.to()) >= MAX_TEST_DAYS) {
      throw ApiProblem.badParameter(
          "to", "the period " + days + " is longer than 5 years", "at most 5 years from 'from'");
    }
    RuleEvaluator.Result result =
        api.store()
            .read(s -> AlertService.test(s, rules, days, api.context().profiles(), api.today()));
    SystemResource.ok(ctx, AlertService.toJson(result, api.synthetic()));
  }

  private void list(Context ctx) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (AlertsJob job : alertJobs()) {
      String yaml = readText(job.rules());
      Map<String, Object> m = describe(job, yaml);
      m.put("yaml", yaml == null ? "" : yaml);
      files.add(m);
    }
    SystemResource.ok(ctx, Map.of("rules", files));
  }

  private void replace(Context ctx) {
    String id = ctx.pathParam("job");
    AlertsJob job =
        alertJobs().stream()
            .filter(j -> j.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "the watch has no alerts job '"
                            + id
                            + "' (GET /api/v1/alerts/rules lists them)"));
    String text = ctx.body();
    // Checked before anything is written: a mistake answers 400 with its line, and the file in
    // force stays as it was.
    Path file = job.rules();
    RuleFile.parse(text, "the request body", file.toAbsolutePath().getParent());
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".new");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ApiProblem(
          500,
          ProblemCode.CANNOT_WRITE_WATCH_FILES,
          "cannot write the rule file of job '" + id + "': " + e.getMessage());
    }
    SystemResource.ok(ctx, describe(job, text));
  }

  private void watch(Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    WatchConfig config = api.watch().orElse(null);
    m.put("watching", config != null);
    List<Map<String, Object>> jobs = new ArrayList<>();
    List<Map<String, Object>> runs = new ArrayList<>();
    if (config != null) {
      for (WatchJob j : config.jobs()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", j.id());
        o.put("kind", j.kind());
        o.put("every", j.every().toString());
        jobs.add(o);
      }
      List<Map<String, Object>> all = WatchJournal.list(config.journal());
      for (int i = all.size() - 1; i >= 0 && runs.size() < RECENT_RUNS; i--) {
        runs.add(all.get(i));
      }
    }
    m.put("jobs", jobs);
    m.put("runs", runs);
    SystemResource.ok(ctx, m);
  }

  private List<AlertsJob> alertJobs() {
    List<AlertsJob> out = new ArrayList<>();
    api.watch()
        .ifPresent(
            c ->
                c.jobs().stream()
                    .filter(AlertsJob.class::isInstance)
                    .map(AlertsJob.class::cast)
                    .forEach(out::add));
    return out;
  }

  /**
   * The job's rule file as listed: its name and rule ids, or the mistake that keeps it from use.
   *
   * @param yaml the file's text, or null when it does not exist
   */
  private static Map<String, Object> describe(AlertsJob job, String yaml) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("job", job.id());
    Path file = job.rules();
    m.put("file", file.getFileName().toString());
    List<String> ids = new ArrayList<>();
    if (yaml == null) {
      m.put("ids", ids);
      m.put("problem", file + ": the file does not exist");
      return m;
    }
    try {
      RuleFile.parse(yaml, file.toString(), file.toAbsolutePath().getParent())
          .forEach(r -> ids.add(r.id()));
      m.put("ids", ids);
      m.put("problem", null);
    } catch (org.harmattan.domain.error.HarmattanException e) {
      // A file edited by hand with a mistake: shown, so that an admin can replace it.
      m.put("ids", ids);
      m.put("problem", e.getMessage());
    }
    return m;
  }

  /** The text of a rule file, or null when it does not exist. */
  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new ApiProblem(
          500, ProblemCode.UNREADABLE_FILE, "cannot read the rule file " + file.getFileName());
    }
  }
}

package org.harmattan.server.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Json;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.brief.Scopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Briefs as jobs: a request is answered at once (202) and computed in the background, one at a
 * time; each job keeps its exact options and, once done, the SHA-256 of every source file its
 * figures cite, so that it can be re-run and compared. Jobs live in the data folder, one folder
 * each ({@code job.json} and the brief's files), and survive a restart.
 */
final class BriefsResource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BriefsResource.class);
  private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
  private static final Pattern CHART = Pattern.compile("[A-Za-z0-9._-]+\\.svg");
  private static final Map<String, String> DOCUMENTS =
      Map.of(
          "html", "brief.html",
          "pdf", "brief.pdf",
          "markdown", "brief.md",
          "figures", "figures.json");
  private static final Map<String, String> MEDIA =
      Map.of(
          "html", "text/html; charset=utf-8",
          "pdf", "application/pdf",
          "markdown", "text/markdown; charset=utf-8",
          "figures", "application/json");

  private final Api api;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "harmattan-briefs");
            t.setDaemon(true);
            return t;
          });

  BriefsResource(Api api) {
    this.api = api;
    failInterrupted();
  }

  /** Jobs a previous run left queued or running can no longer finish: they are marked failed. */
  private void failInterrupted() {
    Path root = api.dataDir().resolve("briefs");
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> s = Files.list(root)) {
      for (Path f : s.filter(p -> Files.exists(p.resolve("job.json"))).toList()) {
        JsonNode job = read(f);
        String status = job.path("status").asText();
        if (status.equals("queued") || status.equals("running")) {
          Map<String, Object> m = asMap(job);
          m.put("status", "failed");
          m.put(
              "error",
              Map.of(
                  "code",
                  "interrupted",
                  "detail",
                  "the server stopped before the brief was done; POST .../rerun runs it again"));
          write(f, m);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the briefs folder cannot be listed: " + root, e);
    }
  }

  List<ApiRoute> routes() {
    ApiRoute.Param id = ApiRoute.Param.path("id", "A brief's id");
    return List.of(
        ApiRoute.json(
                HandlerType.POST,
                "/api/v1/briefs",
                Role.ANALYST,
                "briefs",
                "Start a brief of a country and window (same parameters as figures); answered at"
                    + " once with the job, which a GET follows until its status is done or failed",
                FiguresResource.WINDOW,
                null,
                "BriefJob",
                this::start)
            .withSuccess(202),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/briefs",
            Role.VIEWER,
            "briefs",
            "Every brief job, newest first",
            List.of(),
            null,
            "BriefJobList",
            this::list),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/briefs/{id}",
            Role.VIEWER,
            "briefs",
            "One brief job: its options, status, source hashes and file links",
            List.of(id),
            null,
            "BriefJob",
            this::one),
        ApiRoute.json(
                HandlerType.POST,
                "/api/v1/briefs/{id}/rerun",
                Role.ANALYST,
                "briefs",
                "Run a brief again with exactly its options (a new job)",
                List.of(id),
                null,
                "BriefJob",
                this::rerun)
            .withSuccess(202),
        ApiRoute.json(
                HandlerType.GET,
                "/api/v1/briefs/{id}/{document}",
                Role.VIEWER,
                "briefs",
                "A finished brief's document: html, pdf, markdown or figures (figures.json)",
                List.of(id, ApiRoute.Param.path("document", "html, pdf, markdown or figures")),
                null,
                null,
                this::document)
            .withMedia(
                List.of("text/html", "application/pdf", "text/markdown", "application/json")),
        ApiRoute.json(
                HandlerType.GET,
                "/api/v1/briefs/{id}/charts/{name}",
                Role.VIEWER,
                "briefs",
                "A finished brief's chart or map (SVG), by file name as listed in the job",
                List.of(id, ApiRoute.Param.path("name", "A chart file name, e.g. events.svg")),
                null,
                null,
                this::chart)
            .withMedia(List.of("image/svg+xml")));
  }

  private void start(Context ctx) {
    FiguresResource.Key key = FiguresResource.key(ctx);
    Map<String, Object> job = submit(key);
    ctx.status(202).header("Location", "/api/v1/briefs/" + job.get("id"));
    SystemResource.ok(ctx, job);
  }

  private void rerun(Context ctx) {
    JsonNode old = read(folder(ctx.pathParam("id")));
    JsonNode r = old.get("request");
    List<String> sources = new ArrayList<>();
    r.get("sources").forEach(n -> sources.add(n.asText()));
    Set<SourceSystem> systems = new java.util.LinkedHashSet<>();
    sources.forEach(s -> systems.add(SourceSystem.valueOf(s)));
    Period period =
        new Period(LocalDate.parse(r.get("from").asText()), LocalDate.parse(r.get("to").asText()));
    Period comparison = r.hasNonNull("compare") ? period.inYear(r.get("compare").asInt()) : null;
    FiguresResource.Key key =
        new FiguresResource.Key(
            r.get("country").asText(),
            period,
            comparison,
            systems,
            strings(r.get("admin1")),
            strings(r.get("eventType")),
            strings(r.get("subEventType")),
            r.hasNonNull("actor") ? r.get("actor").asText() : null,
            r.hasNonNull("lang") ? Language.parse(r.get("lang").asText()) : Language.EN);
    Map<String, Object> job = submit(key);
    ctx.status(202).header("Location", "/api/v1/briefs/" + job.get("id"));
    SystemResource.ok(ctx, job);
  }

  private Map<String, Object> submit(FiguresResource.Key key) {
    // Scope errors (an unknown actor, say) are the caller's: check them before accepting.
    Scope scope =
        api.store()
            .read(
                s ->
                    Scopes.resolve(
                        s.analytics(),
                        api.registry(),
                        key.country(),
                        key.admin1(),
                        key.eventTypes(),
                        key.subEventTypes(),
                        key.actor()));
    String id = UUID.randomUUID().toString();
    Path folder = api.dataDir().resolve("briefs").resolve(id);
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("status", "queued");
    job.put("request", request(key));
    job.put("created", api.clock().instant().toString());
    write(folder, job);
    worker.execute(() -> run(folder, job, key, scope));
    return view(folder);
  }

  private void run(Path folder, Map<String, Object> job, FiguresResource.Key key, Scope scope) {
    job.put("status", "running");
    job.put("started", api.clock().instant().toString());
    write(folder, job);
    try {
      Brief brief =
          api.store()
              .read(
                  s ->
                      BriefService.assemble(
                          s.analytics(),
                          s.observations(),
                          api.registry(),
                          FiguresResource.request(api, key, scope, folder.resolve("out"), true),
                          api.today()));
      BriefWriter.Written w = BriefWriter.write(brief, folder.resolve("out"));
      job.put("sources", sources(brief));
      List<String> charts = new ArrayList<>();
      for (Path p : w.charts()) {
        charts.add(p.getFileName().toString());
      }
      for (Path p : w.maps()) {
        charts.add(p.getFileName().toString());
      }
      job.put("charts", charts);
      job.put("figures", brief.figures().size());
      job.put("status", "done");
    } catch (HarmattanException e) {
      job.put("status", "failed");
      job.put("error", Map.of("code", e.code(), "detail", e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("brief job {} failed", job.get("id"), e);
      job.put("status", "failed");
      job.put("error", Map.of("code", "internal", "detail", "internal error; see the server log"));
    }
    job.put("finished", api.clock().instant().toString());
    write(folder, job);
  }

  private void list(Context ctx) {
    Path root = api.dataDir().resolve("briefs");
    List<Map<String, Object>> jobs = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> s = Files.list(root)) {
        for (Path f : s.filter(p -> Files.exists(p.resolve("job.json"))).toList()) {
          jobs.add(view(f));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the briefs folder cannot be listed", e);
      }
    }
    jobs.sort(
        Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("created")))
            .reversed());
    SystemResource.ok(ctx, Map.of("briefs", jobs));
  }

  private void one(Context ctx) {
    SystemResource.ok(ctx, view(folder(ctx.pathParam("id"))));
  }

  private void document(Context ctx) {
    Path folder = folder(ctx.pathParam("id"));
    String doc = ctx.pathParam("document").toLowerCase(Locale.ROOT);
    String file = DOCUMENTS.get(doc);
    if (file == null) {
      throw ApiProblem.badParameter(
          "document",
          "'" + doc + "' is not a document of a brief",
          "html, pdf, markdown or figures");
    }
    serve(ctx, folder, folder.resolve("out").resolve(file), MEDIA.get(doc));
  }

  private void chart(Context ctx) {
    Path folder = folder(ctx.pathParam("id"));
    String name = ctx.pathParam("name");
    if (!CHART.matcher(name).matches()) {
      throw ApiProblem.badParameter("name", "not a chart file name", "a name such as events.svg");
    }
    for (String sub : List.of("charts", "maps")) {
      Path p = folder.resolve("out").resolve(sub).resolve(name);
      if (Files.isRegularFile(p)) {
        serve(ctx, folder, p, "image/svg+xml");
        return;
      }
    }
    throw ApiProblem.notFound("the brief has no chart named '" + name + "'");
  }

  private void serve(Context ctx, Path folder, Path file, String media) {
    String status = read(folder).path("status").asText();
    if (!"done".equals(status)) {
      throw new ApiProblem(
          409,
          org.harmattan.domain.problem.ProblemCode.NOT_FOUND,
          "the brief is " + status + "; its files exist once its status is done");
    }
    if (!Files.isRegularFile(file)) {
      throw ApiProblem.notFound("the brief has no file " + file.getFileName());
    }
    try {
      InputStream in = Files.newInputStream(file);
      ctx.contentType(media).result(in);
    } catch (IOException e) {
      throw new UncheckedIOException("a brief's file cannot be read: " + file, e);
    }
  }

  private Path folder(String id) {
    if (!ID.matcher(id).matches()) {
      throw ApiProblem.notFound("'" + id + "' is not a brief id");
    }
    Path f = api.dataDir().resolve("briefs").resolve(id);
    if (!Files.exists(f.resolve("job.json"))) {
      throw ApiProblem.notFound("no brief has the id " + id);
    }
    return f;
  }

  /** The job as served: job.json plus links to its files once it is done. */
  private Map<String, Object> view(Path folder) {
    ObjectNode job = (ObjectNode) read(folder);
    Map<String, Object> m = asMap(job);
    String base = "/api/v1/briefs/" + job.get("id").asText();
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("self", base);
    if ("done".equals(job.path("status").asText())) {
      for (String doc : List.of("html", "pdf", "markdown", "figures")) {
        links.put(doc, base + "/" + doc);
      }
      List<String> charts = new ArrayList<>();
      job.path("charts").forEach(c -> charts.add(base + "/charts/" + c.asText()));
      links.put("charts", charts);
    }
    m.put("links", links);
    return m;
  }

  private static Map<String, Object> request(FiguresResource.Key key) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("country", key.country());
    r.put("from", key.period().from().toString());
    r.put("to", key.period().to().toString());
    r.put("compare", key.comparison() == null ? null : key.comparison().from().getYear());
    r.put("sources", key.sources().stream().map(Enum::name).sorted().toList());
    r.put("admin1", key.admin1());
    r.put("eventType", key.eventTypes());
    r.put("subEventType", key.subEventTypes());
    r.put("actor", key.actor());
    r.put("lang", key.language().code());
    return r;
  }

  private static List<Map<String, Object>> sources(Brief brief) {
    Set<String> seen = new TreeSet<>();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Figure f : brief.figures()) {
      if (f.citation() == null) {
        continue;
      }
      for (SourceRef s : f.citation().sources()) {
        if (seen.add(s.system() + "|" + s.dataset() + "|" + s.sha256())) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("system", s.system());
          m.put("dataset", s.dataset());
          m.put("sha256", s.sha256());
          out.add(m);
        }
      }
    }
    out.sort(Comparator.comparing((Map<String, Object> m) -> m.get("dataset").toString()));
    return out;
  }

  private static Map<String, Object> asMap(JsonNode job) {
    return Json.mapper().convertValue(job, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) {
      n.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  private static synchronized void write(Path folder, Map<String, Object> job) {
    try {
      Files.createDirectories(folder);
      Path tmp = folder.resolve("job.json.tmp");
      Files.writeString(tmp, Json.write(job), StandardCharsets.UTF_8);
      Files.move(
          tmp,
          folder.resolve("job.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("a brief job cannot be written to " + folder, e);
    }
  }

  private static synchronized JsonNode read(Path folder) {
    try {
      return Json.mapper().readTree(Files.readString(folder.resolve("job.json")));
    } catch (IOException e) {
      throw new UncheckedIOException("a brief job cannot be read from " + folder, e);
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}

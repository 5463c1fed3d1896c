package org.harmattan.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;

/**
 * Uploads: one or more files (multipart, field {@code file}), streamed to disk and read exactly as
 * {@code harmattan ingest} reads them; the answer is the command line's {@code --json} report.
 * Uploaded files are kept under the server's data folder, so that a quarantined row's file stays
 * inspectable.
 */
final class IngestResource {
  private final Api api;

  IngestResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.POST,
            "/api/v1/ingest",
            Role.ANALYST,
            "ingest",
            "Upload event files (ACLED, UCDP, GDELT), humanitarian tables or the VIEWS"
                + " country-month series (multipart field 'file', repeatable); each is read like"
                + " harmattan ingest and reported with exact row accounting",
            List.of(),
            "multipart",
            "IngestReport",
            this::ingest));
  }

  private void ingest(Context ctx) {
    String type = ctx.contentType();
    if (type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiProblem(
          415,
          ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "an upload must be multipart/form-data with one or more 'file' parts",
          "Content-Type",
          "multipart/form-data");
    }
    List<UploadedFile> files = ctx.uploadedFiles("file");
    if (files.isEmpty()) {
      throw ApiProblem.badParameter(
          "file", "the upload has no 'file' part", "one or more multipart parts named 'file'");
    }
    Path folder = api.dataDir().resolve("uploads").resolve(UUID.randomUUID().toString());
    List<Path> saved = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      for (UploadedFile f : files) {
        Path target = folder.resolve(safeName(f.filename(), saved.size()));
        try (InputStream in = f.content()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        saved.add(target);
        names.add(f.filename() == null ? target.getFileName().toString() : f.filename());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("an upload could not be saved under " + folder, e);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < saved.size(); i++) {
      Path p = saved.get(i);
      FileOutcome o =
          api.store()
              .write(
                  s ->
                      new IngestService(s, api.today())
                          .ingest(p, IngestService.Options.detect(), bytes -> {}));
      failed |= o instanceof FileOutcome.Failed;
      // The report names the file as it was uploaded, not where the server keeps it.
      Map<String, Object> m = new java.util.LinkedHashMap<>(o.toMap());
      m.put("path", names.get(i));
      if (o instanceof FileOutcome.Failed f) {
        m.put(
            "error",
            Map.of("code", f.code(), "message", f.message().replace(p.toString(), names.get(i))));
      }
      results.add(m);
    }
    ctx.status(failed ? 422 : 200);
    SystemResource.ok(ctx, Map.of("files", results));
  }

  /** The upload's own file name without any folder, or a made-up one; never outside the folder. */
  static String safeName(String name, int index) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isBlank() || base.startsWith(".")) {
      base = "upload-" + (index + 1) + base;
    }
    return (index + 1) + "-" + base;
  }
}

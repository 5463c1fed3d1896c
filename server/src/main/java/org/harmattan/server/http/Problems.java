package org.harmattan.server.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}): {@code type} is {@code
 * /api/problems/CODE}, which the server answers with the code's meaning from the catalogue.
 */
public final class Problems {
  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Answers {@code ctx} with {@code p}. */
  public static void write(Context ctx, ApiProblem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", typeOf(p.code()));
    m.put("title", title(p.code()));
    m.put("status", p.status());
    m.put("detail", p.getMessage());
    m.put("code", p.code().code());
    if (p.parameter() != null) {
      m.put("parameter", p.parameter());
    }
    if (p.expected() != null) {
      m.put("expected", p.expected());
    }
    m.put("instance", ctx.path());
    if (p.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"harmattan\"");
    }
    ctx.status(p.status()).contentType(MEDIA_TYPE).result(Json.write(m));
  }

  /** Maps an error of the services to its status: the user's fault is 4xx, ours is 5xx. */
  public static ApiProblem of(HarmattanException e) {
    ProblemCode code = e.problemCode();
    return switch (e.category()) {
      case USER_INPUT ->
          new ApiProblem(
              code == ProblemCode.ACCOUNT_NOT_FOUND || code == ProblemCode.NO_DATA ? 404 : 400,
              code,
              e.getMessage());
      case SOURCE_DATA -> new ApiProblem(422, code, e.getMessage());
      case UNAVAILABLE -> new ApiProblem(503, code, e.getMessage());
      case INTERNAL -> {
        LOG.error("internal error answering a request", e);
        yield new ApiProblem(
            500, code, "internal error (" + code.code() + "); the server's log has the details");
      }
    };
  }

  /** Any other failure: 500 without details (they go to the log, never to the client). */
  public static ApiProblem internal(Exception e) {
    LOG.error("internal error answering a request", e);
    return new ApiProblem(
        500, ProblemCode.STORE_FAILURE, "internal error; the server's log has the details");
  }

  public static String typeOf(ProblemCode code) {
    return "/api/problems/" + code.code();
  }

  /** The title of a code: its meaning with a capital letter. */
  public static String title(ProblemCode code) {
    String m = code.meaning();
    return m.isEmpty() ? code.code() : Character.toUpperCase(m.charAt(0)) + m.substring(1);
  }
}

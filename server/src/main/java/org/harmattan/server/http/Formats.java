package org.harmattan.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.harmattan.domain.problem.ProblemCode;

/** Content negotiation: {@code ?format=} wins over {@code Accept}; JSON is the default. */
public final class Formats {
  /** A response format. */
  public enum Format {
    JSON("json", "application/json"),
    CSV("csv", "text/csv"),
    GEOJSON("geojson", "application/geo+json");

    private final String word;
    private final String mediaType;

    Format(String word, String mediaType) {
      this.word = word;
      this.mediaType = mediaType;
    }

    public String word() {
      return word;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  private Formats() {}

  /** The format asked for among {@code offered} (the first is the default). */
  public static Format choose(Context ctx, List<Format> offered) {
    String q = ctx.queryParam("format");
    if (q != null && !q.isBlank()) {
      for (Format f : offered) {
        if (f.word().equals(q.strip().toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      throw new ApiProblem(
          406,
          ProblemCode.NOT_ACCEPTABLE,
          "format '" + q + "' is not offered here",
          "format",
          String.join(", ", offered.stream().map(Format::word).toList()));
    }
    String accept = ctx.header("Accept");
    if (accept == null || accept.isBlank()) {
      return offered.get(0);
    }
    for (String part : accept.split(",", -1)) {
      String type = part.split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
      for (Format f : offered) {
        if (f.mediaType().equals(type)) {
          return f;
        }
      }
      if (type.equals("*/*") || type.equals("application/*")) {
        return offered.get(0);
      }
    }
    throw new ApiProblem(
        406,
        ProblemCode.NOT_ACCEPTABLE,
        "none of the types in Accept is offered here",
        "Accept",
        String.join(", ", offered.stream().map(Format::mediaType).toList()));
  }
}

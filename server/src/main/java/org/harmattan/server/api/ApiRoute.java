package org.harmattan.server.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import org.harmattan.engine.accounts.Role;

/**
 * One route of the API: what the server registers and what the OpenAPI document describes, so that
 * the two cannot drift apart.
 *
 * @param method the HTTP method
 * @param path the path, with {@code {name}} for path parameters
 * @param role the least role that may call it, or null for everyone (no credentials)
 * @param tag the group in the documentation
 * @param summary one line on what it does
 * @param parameters its query and path parameters
 * @param body the schema name of a JSON request body, "multipart" for uploads, or null
 * @param response the schema name of its 2xx JSON body, or null for other media
 * @param media the media types of its successful response, the first the default
 * @param success the status of success (200, 201, 202 …)
 * @param handler what answers it
 */
public record ApiRoute(
    HandlerType method,
    String path,
    Role role,
    String tag,
    String summary,
    List<Param> parameters,
    String body,
    String response,
    List<String> media,
    int success,
    Handler handler) {
  public ApiRoute {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(tag, "tag");
    requireNonNull(summary, "summary");
    parameters = List.copyOf(parameters);
    media = List.copyOf(media);
    requireNonNull(handler, "handler");
  }

  /**
   * A parameter.
   *
   * @param name its name
   * @param in "query" or "path"
   * @param required whether it must be given
   * @param type the JSON Schema type: string, integer, number, boolean
   * @param format the JSON Schema format (date …), or null
   * @param description what it means, with an example
   */
  public record Param(
      String name, String in, boolean required, String type, String format, String description) {
    public static Param query(String name, String type, String description) {
      return new Param(name, "query", false, type, null, description);
    }

    public static Param requiredQuery(String name, String type, String description) {
      return new Param(name, "query", true, type, null, description);
    }

    public static Param date(String name, boolean required, String description) {
      return new Param(name, "query", required, "string", "date", description);
    }

    public static Param path(String name, String description) {
      return new Param(name, "path", true, "string", null, description);
    }
  }

  /** A JSON route. */
  public static ApiRoute json(
      HandlerType method,
      String path,
      Role role,
      String tag,
      String summary,
      List<Param> parameters,
      String body,
      String response,
      Handler handler) {
    return new ApiRoute(
        method,
        path,
        role,
        tag,
        summary,
        parameters,
        body,
        response,
        List.of("application/json"),
        200,
        handler);
  }

  public ApiRoute withMedia(List<String> m) {
    return new ApiRoute(
        method, path, role, tag, summary, parameters, body, response, m, success, handler);
  }

  public ApiRoute withSuccess(int status) {
    return new ApiRoute(
        method, path, role, tag, summary, parameters, body, response, media, status, handler);
  }
}

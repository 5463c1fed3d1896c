package org.harmattan.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.harmattan.server.api.ApiRoute;
import org.harmattan.server.http.Json;

/**
 * The OpenAPI 3.1 document of the API, generated from the route table (paths, methods, roles,
 * parameters, media types) and the shared component schemas in {@code openapi-components.json}.
 */
public final class OpenApiDocument {
  private OpenApiDocument() {}

  /** The document for {@code routes}. */
  public static ObjectNode of(List<ApiRoute> routes, String version) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Harmattan API");
    info.put("version", version);
    info.put(
        "description",
        "Conflict events, cited figures, briefs and claim checks from a Harmattan store. Every"
            + " error is an RFC 9457 problem (application/problem+json). Roles: viewer (figures,"
            + " briefs, aggregates) < analyst (+ events, ingest, claims, starting briefs) < admin"
            + " (+ users, quarantine). Responses derived from a source carry its attribution.");
    doc.putArray("servers").addObject().put("url", "/");
    // Every operation needs a bearer token or a session unless it says otherwise ("security": []).
    ArrayNode security = doc.putArray("security");
    security.addObject().putArray("bearer");
    security.addObject().putArray("session");
    ObjectNode components = components();
    doc.set("components", components);
    ObjectNode paths = doc.putObject("paths");
    for (ApiRoute r : routes) {
      ObjectNode path =
          paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      path.set(r.method().name().toLowerCase(Locale.ROOT), operation(r));
    }
    return doc;
  }

  private static ObjectNode operation(ApiRoute r) {
    ObjectNode op = Json.mapper().createObjectNode();
    op.putArray("tags").add(r.tag());
    op.put("summary", r.summary());
    op.put("operationId", operationId(r));
    if (r.role() == null) {
      op.putArray("security");
    } else {
      op.put("x-role", r.role().word());
    }
    if (!r.parameters().isEmpty()) {
      ArrayNode ps = op.putArray("parameters");
      for (ApiRoute.Param p : r.parameters()) {
        ObjectNode n = ps.addObject();
        n.put("name", p.name());
        n.put("in", p.in());
        n.put("required", p.required());
        n.put("description", p.description());
        ObjectNode schema = n.putObject("schema");
        schema.put("type", p.type());
        if (p.format() != null) {
          schema.put("format", p.format());
        }
      }
    }
    if (r.body() != null) {
      ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
      if (r.body().equals("multipart")) {
        ObjectNode schema =
            content.putObject("multipart/form-data").putObject("schema").put("type", "object");
        ObjectNode file = schema.putObject("properties").putObject("file");
        file.put("type", "array");
        file.putObject("items")
            .put("type", "string")
            .put("contentMediaType", "application/octet-stream");
      } else {
        ref(content.putObject("application/json").putObject("schema"), r.body());
        if (r.body().equals("Claims") || r.body().equals("Rules")) {
          ref(content.putObject("application/yaml").putObject("schema"), r.body());
        }
      }
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject(Integer.toString(r.success()));
    ok.put(
        "description",
        r.success() == 202
            ? "Accepted"
            : r.success() == 201 ? "Created" : r.success() == 204 ? "No content" : "OK");
    if (!r.media().isEmpty()) {
      ObjectNode content = ok.putObject("content");
      for (String m : r.media()) {
        ObjectNode schema = content.putObject(m).putObject("schema");
        if (m.equals("application/json") && r.response() != null) {
          ref(schema, r.response());
        } else if (m.equals("application/geo+json")) {
          // A route answering GeoJSON only names its own schema; the event listing's GeoJSON is
          // its events as features.
          boolean own = r.media().size() == 1 && r.response() != null;
          ref(schema, own ? r.response() : "EventFeatureCollection");
        } else {
          schema.put("type", "string");
        }
      }
    }
    problem(responses, "400", "A parameter or body that is missing or not as expected");
    if (r.role() != null) {
      problem(responses, "401", "No credentials, or a token that is not valid");
      problem(responses, "403", "The account's role is too low for this resource");
    }
    if (r.path().contains("{")) {
      problem(responses, "404", "No resource with that id");
    }
    problem(responses, "500", "An internal error (details only in the server's log)");
    return op;
  }

  private static void problem(ObjectNode responses, String status, String description) {
    ObjectNode r = responses.putObject(status);
    r.put("description", description);
    ref(
        r.putObject("content").putObject("application/problem+json").putObject("schema"),
        "Problem");
  }

  private static void ref(ObjectNode schema, String name) {
    schema.put("$ref", "#/components/schemas/" + name);
  }

  private static String operationId(ApiRoute r) {
    StringBuilder b = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
    for (String part : r.path().replace("/api/v1", "").replace("/api", "").split("/", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      String p = part.replace("{", "by-").replace("}", "");
      for (String w : p.split("-", -1)) {
        if (!w.isEmpty()) {
          b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
      }
    }
    return b.toString();
  }

  private static ObjectNode components() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi-components.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi-components.json is missing from the server jar");
      }
      JsonNode n = Json.mapper().readTree(in);
      return (ObjectNode) n;
    } catch (IOException e) {
      throw new UncheckedIOException("openapi-components.json cannot be read", e);
    }
  }
}

package org.harmattan.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The server's one JSON mapper; responses are maps and lists built in a fixed key order. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response could not be written as JSON", e);
    }
  }

  /** Parses a request body; a body that is not JSON is the caller's error. */
  public static JsonNode read(String body) {
    try {
      JsonNode n = MAPPER.readTree(body == null ? "" : body);
      if (n == null || n.isMissingNode()) {
        throw ApiProblem.badParameter("body", "the request body is empty", "a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw ApiProblem.badParameter(
          "body",
          "the request body is not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")",
          "a JSON object");
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

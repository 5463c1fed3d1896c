package org.harmattan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.server.http.Json;

/**
 * The terms of each source system, read from one table ({@code licences.json}): its name and
 * address, the attribution every response derived from it carries, and whether its raw rows may be
 * passed on (ACLED's may not; UCDP's are CC BY 4.0).
 */
public final class Licences {
  /**
   * The terms of one source.
   *
   * @param source the source system
   * @param name the licence's name
   * @param url where it is written
   * @param attribution the credit line
   * @param rawRows whether raw rows may be redistributed (with attribution)
   */
  public record Licence(
      SourceSystem source, String name, String url, String attribution, boolean rawRows) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", source.name());
      m.put("licence", name);
      m.put("url", url);
      m.put("attribution", attribution);
      m.put("rawRowsRedistributable", rawRows);
      return m;
    }
  }

  private static final Map<SourceSystem, Licence> TABLE = load();

  private Licences() {}

  public static Licence of(SourceSystem s) {
    return TABLE.get(s);
  }

  /** The credit lines of {@code sources}, in the order of the table. */
  public static List<Map<String, Object>> attribution(Collection<SourceSystem> sources) {
    return TABLE.values().stream()
        .filter(l -> sources.contains(l.source()))
        .map(Licence::toMap)
        .toList();
  }

  /**
   * The credit line and terms of {@code s} as one sentence (a CSV's comment line): whether its raw
   * rows may be passed on is said.
   */
  public static String terms(SourceSystem s) {
    Licence l = of(s);
    return l.attribution()
        + ". Terms: "
        + l.name()
        + ", "
        + l.url()
        + (l.rawRows() ? "" : ". Raw rows may not be redistributed.");
  }

  /** One header value naming the credit lines of {@code sources}. */
  public static String header(Collection<SourceSystem> sources) {
    return String.join(
        " | ",
        TABLE.values().stream()
            .filter(l -> sources.contains(l.source()))
            .map(l -> l.attribution() + " (" + l.name() + ", " + l.url() + ")")
            .toList());
  }

  private static Map<SourceSystem, Licence> load() {
    try (InputStream in = Licences.class.getResourceAsStream("licences.json")) {
      if (in == null) {
        throw new IllegalStateException("licences.json is missing from the server's jar");
      }
      JsonNode root = Json.mapper().readTree(in);
      Map<SourceSystem, Licence> m = new EnumMap<>(SourceSystem.class);
      for (SourceSystem s : SourceSystem.values()) {
        JsonNode n = root.get(s.name());
        if (n == null) {
          throw new IllegalStateException("licences.json has no entry for " + s);
        }
        m.put(
            s,
            new Licence(
                s,
                n.get("name").asText(),
                n.get("url").asText(),
                n.get("attribution").asText(),
                n.get("rawRows").asBoolean()));
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("licences.json cannot be read", e);
    }
  }
}

package org.harmattan.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.briefs.render.FiguresJson;
import org.harmattan.domain.figure.Figure;
import org.harmattan.engine.alerts.AlertRecord;

/**
 * The one JSON shape of an alert, used by {@code harmattan alerts test --json}, webhooks and the
 * API: {@code id, rule, kind, date, country, admin1, severity, headline, text, figures, area}, each
 * figure the same object as in {@code figures.json}, with its citation written out.
 */
public final class AlertJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  /**
   * An alert as a JSON object.
   *
   * @param alert the alert
   * @param synthetic whether its data is synthetic (the demo's scenario): each figure says so
   */
  public static ObjectNode toNode(Alert alert, boolean synthetic) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", alert.id());
    o.put("rule", alert.rule());
    o.put("kind", alert.kind());
    o.put("date", alert.date().toString());
    o.put("country", alert.country());
    if (alert.admin1() == null) {
      o.putNull("admin1");
    } else {
      o.put("admin1", alert.admin1());
    }
    o.put("severity", alert.severity().word());
    o.put("headline", alert.headline());
    o.put("text", alert.text());
    ArrayNode figures = o.putArray("figures");
    for (Figure f : alert.figures()) {
      figures.add(FiguresJson.toNode(f, synthetic));
    }
    o.set("area", area(alert.area()));
    return o;
  }

  /**
   * The alert as the store's alert log keeps it: its keys and its JSON.
   *
   * @param alert the alert
   * @param synthetic whether its data is synthetic
   * @param raised when it is recorded
   */
  public static AlertRecord toRecord(Alert alert, boolean synthetic, Instant raised) {
    return new AlertRecord(
        alert.id(),
        alert.rule(),
        alert.kind(),
        alert.date(),
        alert.country(),
        alert.admin1(),
        alert.severity().word(),
        toNode(alert, synthetic).toString(),
        raised);
  }

  /**
   * An alert from the JSON {@link #toNode} wrote, its figures with their citations.
   *
   * @throws IllegalArgumentException when the text is not such an alert
   */
  public static Alert fromJson(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an alert is not JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject() || !n.path("figures").isArray()) {
      throw new IllegalArgumentException("an alert must be a JSON object with figures");
    }
    JsonNode a = n.path("area");
    List<AlertArea.Point> polygon = new ArrayList<>();
    for (JsonNode p : a.path("polygon")) {
      polygon.add(new AlertArea.Point(p.get(0).asDouble(), p.get(1).asDouble()));
    }
    JsonNode c = a.path("circle");
    AlertArea.Circle circle =
        c.isObject()
            ? new AlertArea.Circle(
                new AlertArea.Point(c.path("lat").asDouble(), c.path("lon").asDouble()),
                c.path("radiusKm").asDouble())
            : null;
    String severity = n.path("severity").asText();
    return new Alert(
        n.path("id").asText(),
        n.path("rule").asText(),
        n.path("kind").asText(),
        LocalDate.parse(n.path("date").asText()),
        n.path("country").asText(),
        n.hasNonNull("admin1") ? n.get("admin1").asText() : null,
        Severity.parse(severity)
            .orElseThrow(() -> new IllegalArgumentException("not a severity: " + severity)),
        n.path("headline").asText(),
        n.path("text").asText(),
        FiguresJson.read(n.get("figures").toString()),
        new AlertArea(a.path("description").asText(), polygon, circle));
  }

  private static ObjectNode area(AlertArea a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("description", a.description());
    if (!a.polygon().isEmpty()) {
      ArrayNode ring = o.putArray("polygon");
      for (AlertArea.Point p : a.polygon()) {
        ring.addArray().add(p.lat()).add(p.lon());
      }
    }
    if (a.circle() != null) {
      o.putObject("circle")
          .put("lat", a.circle().centre().lat())
          .put("lon", a.circle().centre().lon())
          .put("radiusKm", a.circle().radiusKm());
    }
    return o;
  }
}

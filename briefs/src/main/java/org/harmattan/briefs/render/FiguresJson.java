package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.briefs.model.Brief;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;

/**
 * figures.json: the brief's figures, machine-readable, in note order.
 *
 * <p>The top level is a JSON array with one object per figure, exactly:
 *
 * <pre>{@code
 * {"id", "label", "value", "unit", "period": {"from", "to"},
 *  "comparison": {"from", "to"},          // only when the figure has one
 *  "filters": {name: value},
 *  "query",
 *  "note",                                // only when the figure has one
 *  "vintage",                             // only when the figure has one: yyyy-MM-dd
 *  "denominator": {"label", "value", "unit", "vintage", "source", "complete"},  // shares only
 *  "citation": {"sources": [{"system", "dataset", "sha256"}],
 *               "recordCount", "eventIds", "accessed"},
 *  "synthetic": true|false}
 * }</pre>
 *
 * {@code value} is a JSON number (whole values without ".0") or null, dates are ISO yyyy-MM-dd.
 * {@code synthetic} repeats the brief's flag on every figure so that a figure copied out of the
 * file on its own still says whether it counts real events; the array stays a plain list of
 * figures.
 */
public final class FiguresJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FiguresJson() {}

  /** The figures.json text of {@code brief}, pretty-printed with "\n" line ends. */
  public static String write(Brief brief) {
    requireNonNull(brief, "brief");
    ArrayNode array = MAPPER.createArrayNode();
    for (Figure f : brief.figures()) {
      array.add(toNode(f, brief.synthetic()));
    }
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures.json could not be written", e);
    }
  }

  /** The figures in a figures.json text, as {@link #write} wrote them. */
  public static List<Figure> read(String json) {
    requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("figures.json is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("figures.json must be a JSON array of figures");
    }
    List<Figure> figures = new ArrayList<>();
    for (JsonNode n : root) {
      figures.add(toFigure(n));
    }
    return figures;
  }

  /** One figure as figures.json writes it. */
  public static ObjectNode toNode(Figure f, boolean synthetic) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", f.id());
    o.put("label", f.label());
    Double v = f.value();
    if (v == null) {
      o.putNull("value");
    } else if (v == Math.rint(v) && Math.abs(v) < 9.007199254740992E15) {
      o.put("value", v.longValue());
    } else {
      o.put("value", v.doubleValue());
    }
    o.put("unit", f.unit());
    o.set("period", period(f.period()));
    if (f.comparison() != null) {
      o.set("comparison", period(f.comparison()));
    }
    ObjectNode filters = o.putObject("filters");
    f.filters().forEach(filters::put);
    o.put("query", f.query());
    if (f.note() != null) {
      o.put("note", f.note());
    }
    if (f.vintage() != null) {
      o.put("vintage", f.vintage().toString());
    }
    if (f.denominator() != null) {
      Denominator d = f.denominator();
      ObjectNode dn = o.putObject("denominator");
      dn.put("label", d.label());
      if (d.value() == null) {
        dn.putNull("value");
      } else {
        dn.put("value", d.value().longValue() == d.value() ? d.value().longValue() : d.value());
      }
      dn.put("unit", d.unit());
      if (d.vintage() == null) {
        dn.putNull("vintage");
      } else {
        dn.put("vintage", d.vintage().toString());
      }
      dn.put("source", d.source());
      dn.put("complete", d.complete());
    }
    o.set("citation", citation(f));
    o.put("synthetic", synthetic);
    return o;
  }

  /** A figure's citation as figures.json writes it; the claim checker prints the same shape. */
  public static ObjectNode citation(Figure f) {
    Citation c = f.citation();
    ObjectNode citation = MAPPER.createObjectNode();
    ArrayNode sources = citation.putArray("sources");
    for (SourceRef s : c.sources()) {
      sources
          .addObject()
          .put("system", s.system())
          .put("dataset", s.dataset())
          .put("sha256", s.sha256());
    }
    citation.put("recordCount", c.recordCount());
    ArrayNode ids = citation.putArray("eventIds");
    c.eventIds().forEach(ids::add);
    citation.put("accessed", c.accessed().toString());
    return citation;
  }

  private static ObjectNode period(Period p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("from", p.from().toString());
    o.put("to", p.to().toString());
    return o;
  }

  private static Figure toFigure(JsonNode n) {
    Map<String, String> filters = new LinkedHashMap<>();
    n.path("filters").properties().forEach(e -> filters.put(e.getKey(), e.getValue().asText()));
    JsonNode c = n.path("citation");
    List<SourceRef> sources = new ArrayList<>();
    for (JsonNode s : c.path("sources")) {
      sources.add(new SourceRef(text(s, "system"), text(s, "dataset"), text(s, "sha256")));
    }
    List<String> ids = new ArrayList<>();
    c.path("eventIds").forEach(id -> ids.add(id.asText()));
    JsonNode value = n.path("value");
    return new Figure(
        text(n, "id"),
        text(n, "label"),
        value.isNumber() ? value.asDouble() : null,
        text(n, "unit"),
        toPeriod(n.path("period")),
        n.hasNonNull("comparison") ? toPeriod(n.get("comparison")) : null,
        filters,
        text(n, "query"),
        new Citation(
            sources, c.path("recordCount").asLong(), ids, LocalDate.parse(text(c, "accessed"))),
        n.hasNonNull("note") ? n.get("note").asText() : null,
        n.hasNonNull("vintage") ? LocalDate.parse(n.get("vintage").asText()) : null,
        n.hasNonNull("denominator") ? toDenominator(n.get("denominator")) : null);
  }

  private static Denominator toDenominator(JsonNode d) {
    return new Denominator(
        text(d, "label"),
        d.path("value").isNumber() ? d.get("value").asDouble() : null,
        text(d, "unit"),
        d.hasNonNull("vintage") ? LocalDate.parse(d.get("vintage").asText()) : null,
        text(d, "source"),
        d.path("complete").asBoolean(true));
  }

  private static Period toPeriod(JsonNode p) {
    return new Period(LocalDate.parse(text(p, "from")), LocalDate.parse(text(p, "to")));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("figures.json: field '" + field + "' missing in " + n);
    }
    return v.asText();
  }
}

package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;

/**
 * figures.json: the brief's figures, machine-readable, in note order, with their citations stored
 * once in shared tables ({@link CitationTable}) instead of under every figure.
 *
 * <p>The top level is one JSON object:
 *
 * <pre>{@code
 * {"format": "harmattan-figures/2",
 *  "synthetic": true|false,
 *  "period": {"from", "to"},                     // the brief's window
 *  "sources": {"S1": {"system", "dataset", "sha256", "licence", "accessed"}, ...},
 *  "events": ["acled:MLI1794", ...],             // every cited event id once, sorted
 *  "citations": {"c1": {"sources": ["S1", "S2"], "recordCount", "events": [[0, 756], 801, ...],
 *                       "accessed"}, ...},
 *  "filters": {"f1": {name: value}, ...},
 *  "conditions": {"w1": "country in [MLI] and period in [2018-01-01..2018-12-31] and ...", ...},
 *  "queries": {"q1": "minimum haversine distance ...",
 *              "q2": {"text": "count events and ... where {where} grouped by [MONTH]",
 *                     "where": "w1"}, ...},
 *  "figures": [
 *    {"id", "label", "value", "unit",
 *     "period": {"from", "to"},                  // only when it differs from the brief's window
 *     "comparison": {"from", "to"},              // only when the figure has one
 *     "filters": "f1", "query": "q1",
 *     "group": "month = 2018-07",                // only for one group of a grouped query
 *     "note", "vintage",                         // only when the figure has one
 *     "denominator": {"label", "value", "unit", "vintage", "source", "complete"},  // shares only
 *     "citation": "c1"}, ...]}
 * }</pre>
 *
 * A citation's {@code events} are positions in {@code events}: a number, or {@code [first, last]}
 * for a run of consecutive positions. A figure's query is {@code queries[query]} (for an object,
 * its {@code text} with {@code {where}} replaced by {@code conditions[where]}), followed by {@code
 * "; group " + group} when it has a group. {@code value} is a JSON number (whole values without
 * ".0") or null, dates are ISO yyyy-MM-dd. {@link #toNode} gives one figure on its own, with its
 * citation written out in full ({@code "citation": {"sources": [{"system", "dataset", "sha256"}],
 * "recordCount", "eventIds", "accessed"}}) and the brief's {@code synthetic} flag, as the server's
 * API returns it; {@link #read} also reads the array of such objects that earlier versions wrote.
 */
public final class FiguresJson {

  /** The value of the top-level "format" field. */
  public static final String FORMAT = "harmattan-figures/2";

  private static final String GROUP = "; group ";

  /** Where a query written as a template takes its condition. */
  private static final String WHERE = "{where}";

  /**
   * An event filter as engines describe it in a query: "country in [MLI] and period in […] and
   * source in [ACLED]", names in [values] joined by "and".
   */
  private static final Pattern CONDITION =
      Pattern.compile("[a-z0-9_]+ in \\[[^\\]]*\\](?: and [a-z0-9_]+ in \\[[^\\]]*\\])+");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FiguresJson() {}

  /** The figures.json text of {@code brief}: one table entry or figure per line, "\n" ends. */
  public static String write(Brief brief) {
    requireNonNull(brief, "brief");
    CitationTable table = CitationTable.of(brief.figures());
    Map<String, String> filterKeys = new LinkedHashMap<>();
    Map<String, ObjectNode> filterNodes = new LinkedHashMap<>();
    Map<String, String> queryKeys = new LinkedHashMap<>();
    List<ObjectNode> figures = new ArrayList<>();
    for (Figure f : brief.figures()) {
      ObjectNode filters = MAPPER.createObjectNode();
      f.filters().forEach(filters::put);
      String filtersKey =
          filterKeys.computeIfAbsent(
              filters.toString(),
              k -> {
                String key = "f" + (filterKeys.size() + 1);
                filterNodes.put(key, filters);
                return key;
              });
      int cut = f.query().indexOf(GROUP);
      String base = cut < 0 ? f.query() : f.query().substring(0, cut);
      String queryKey = queryKeys.computeIfAbsent(base, k -> "q" + (queryKeys.size() + 1));
      ObjectNode o = MAPPER.createObjectNode();
      o.put("id", f.id());
      o.put("label", f.label());
      value(o, f.value());
      o.put("unit", f.unit());
      if (!f.period().equals(brief.period())) {
        o.set("period", period(f.period()));
      }
      if (f.comparison() != null) {
        o.set("comparison", period(f.comparison()));
      }
      o.put("filters", filtersKey);
      o.put("query", queryKey);
      if (cut >= 0) {
        o.put("group", f.query().substring(cut + GROUP.length()));
      }
      context(o, f);
      o.put("citation", table.entry(f).key());
      figures.add(o);
    }
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("{\n\"format\": ").append(json(FORMAT));
    b.append(",\n\"synthetic\": ").append(brief.synthetic());
    b.append(",\n\"period\": ").append(json(period(brief.period())));
    b.append(",\n\"sources\": {");
    List<CitationTable.Source> sources = table.sources();
    for (int i = 0; i < sources.size(); i++) {
      CitationTable.Source s = sources.get(i);
      ObjectNode n = MAPPER.createObjectNode();
      n.put("system", s.ref().system());
      n.put("dataset", s.ref().dataset());
      n.put("sha256", s.ref().sha256());
      n.put(
          "licence",
          SourceLicences.licence(s.ref(), brief.synthetic(), BriefTexts.of(brief.language())));
      n.put("accessed", s.accessed().toString());
      b.append(i == 0 ? "\n" : ",\n").append(json(s.key())).append(": ").append(json(n));
    }
    b.append("\n},\n\"events\": [");
    List<String> events = table.events();
    for (int i = 0; i < events.size(); i++) {
      b.append(i == 0 ? "" : ",").append(i % 10 == 0 ? "\n" : " ").append(json(events.get(i)));
    }
    b.append("\n],\n\"citations\": {");
    List<CitationTable.Entry> entries = table.entries();
    for (int i = 0; i < entries.size(); i++) {
      CitationTable.Entry e = entries.get(i);
      ObjectNode n = MAPPER.createObjectNode();
      ArrayNode keys = n.putArray("sources");
      e.sourceKeys().forEach(keys::add);
      n.put("recordCount", e.citation().recordCount());
      ArrayNode positions = n.putArray("events");
      for (int[] run : CitationTable.runs(e.eventIndexes())) {
        if (run[0] == run[1]) {
          positions.add(run[0]);
        } else {
          positions.addArray().add(run[0]).add(run[1]);
        }
      }
      n.put("accessed", e.citation().accessed().toString());
      b.append(i == 0 ? "\n" : ",\n").append(json(e.key())).append(": ").append(json(n));
    }
    b.append("\n},\n\"filters\": {");
    int i = 0;
    for (Map.Entry<String, ObjectNode> e : filterNodes.entrySet()) {
      b.append(i++ == 0 ? "\n" : ",\n")
          .append(json(e.getKey()))
          .append(": ")
          .append(json(e.getValue()));
    }
    Map<String, String> conditionKeys = new LinkedHashMap<>();
    List<String> queryLines = new ArrayList<>();
    for (Map.Entry<String, String> e : queryKeys.entrySet()) {
      String query = e.getKey();
      Matcher m = CONDITION.matcher(query);
      Object node = query;
      if (!query.contains(WHERE) && m.find() && !m.find(m.end())) {
        m.reset().find();
        String condition = m.group();
        ObjectNode templated = MAPPER.createObjectNode();
        templated.put("text", query.substring(0, m.start()) + WHERE + query.substring(m.end()));
        templated.put(
            "where",
            conditionKeys.computeIfAbsent(condition, k -> "w" + (conditionKeys.size() + 1)));
        node = templated;
      }
      queryLines.add(json(e.getValue()) + ": " + json(node));
    }
    b.append("\n},\n\"conditions\": {");
    i = 0;
    for (Map.Entry<String, String> e : conditionKeys.entrySet()) {
      b.append(i++ == 0 ? "\n" : ",\n")
          .append(json(e.getValue()))
          .append(": ")
          .append(json(e.getKey()));
    }
    b.append("\n},\n\"queries\": {");
    for (i = 0; i < queryLines.size(); i++) {
      b.append(i == 0 ? "\n" : ",\n").append(queryLines.get(i));
    }
    b.append("\n},\n\"figures\": [");
    for (i = 0; i < figures.size(); i++) {
      b.append(i == 0 ? "\n" : ",\n").append(json(figures.get(i)));
    }
    return b.append("\n]\n}\n").toString();
  }

  /**
   * The figures in a figures.json text, as {@link #write} wrote them, each with its citation in
   * full; an array of figure objects (the shape of {@link #toNode}) is read too.
   */
  public static List<Figure> read(String json) {
    requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("figures.json is not JSON: " + e.getOriginalMessage(), e);
    }
    List<Figure> figures = new ArrayList<>();
    if (root != null && root.isArray()) {
      for (JsonNode n : root) {
        figures.add(toFigure(n, citation(n.path("citation")), toPeriod(n.path("period")), n));
      }
      return figures;
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          "figures.json must be an object with \"format\": \"" + FORMAT + "\"");
    }
    Period window = toPeriod(root.path("period"));
    List<String> events = new ArrayList<>();
    root.path("events").forEach(e -> events.add(e.asText()));
    Map<String, Citation> citations = new LinkedHashMap<>();
    root.path("citations")
        .properties()
        .forEach(e -> citations.put(e.getKey(), citation(root, events, e.getValue())));
    for (JsonNode n : root.path("figures")) {
      String key = text(n, "citation");
      Citation c = citations.get(key);
      if (c == null) {
        throw new IllegalArgumentException("figures.json: no citation " + key);
      }
      JsonNode filters = lookUp(root, "filters", text(n, "filters"));
      String query = query(root, text(n, "query"));
      if (n.hasNonNull("group")) {
        query = query + GROUP + n.get("group").asText();
      }
      Period p = n.hasNonNull("period") ? toPeriod(n.get("period")) : window;
      ObjectNode full = n.deepCopy();
      full.set("filters", filters);
      full.put("query", query);
      figures.add(toFigure(full, c, p, full));
    }
    return figures;
  }

  /** The text of query {@code key}, its condition put back in place of {@value #WHERE}. */
  private static String query(JsonNode root, String key) {
    JsonNode q = lookUp(root, "queries", key);
    if (q.isTextual()) {
      return q.asText();
    }
    String condition = lookUp(root, "conditions", text(q, "where")).asText();
    return text(q, "text").replace(WHERE, condition);
  }

  private static JsonNode lookUp(JsonNode root, String table, String key) {
    JsonNode v = root.path(table).get(key);
    if (v == null) {
      throw new IllegalArgumentException("figures.json: no entry " + key + " in " + table);
    }
    return v;
  }

  private static Citation citation(JsonNode root, List<String> events, JsonNode c) {
    List<SourceRef> sources = new ArrayList<>();
    for (JsonNode k : c.path("sources")) {
      JsonNode s = lookUp(root, "sources", k.asText());
      sources.add(new SourceRef(text(s, "system"), text(s, "dataset"), text(s, "sha256")));
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode p : c.path("events")) {
      int from = p.isArray() ? p.get(0).asInt() : p.asInt();
      int to = p.isArray() ? p.get(1).asInt() : p.asInt();
      for (int i = from; i <= to; i++) {
        ids.add(events.get(i));
      }
    }
    return new Citation(
        sources, c.path("recordCount").asLong(), ids, LocalDate.parse(text(c, "accessed")));
  }

  private static Citation citation(JsonNode c) {
    List<SourceRef> sources = new ArrayList<>();
    for (JsonNode s : c.path("sources")) {
      sources.add(new SourceRef(text(s, "system"), text(s, "dataset"), text(s, "sha256")));
    }
    List<String> ids = new ArrayList<>();
    c.path("eventIds").forEach(id -> ids.add(id.asText()));
    return new Citation(
        sources, c.path("recordCount").asLong(), ids, LocalDate.parse(text(c, "accessed")));
  }

  private static String json(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures.json could not be written", e);
    }
  }

  private static void value(ObjectNode o, Double v) {
    if (v == null) {
      o.putNull("value");
    } else if (v == Math.rint(v) && Math.abs(v) < 9.007199254740992E15) {
      o.put("value", v.longValue());
    } else {
      o.put("value", v.doubleValue());
    }
  }

  /** The note, vintage and denominator of a figure, where it has them. */
  private static void context(ObjectNode o, Figure f) {
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
  }

  /**
   * One figure on its own, its citation written out in full: the object the server's API returns
   * for a figure.
   */
  public static ObjectNode toNode(Figure f, boolean synthetic) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", f.id());
    o.put("label", f.label());
    value(o, f.value());
    o.put("unit", f.unit());
    o.set("period", period(f.period()));
    if (f.comparison() != null) {
      o.set("comparison", period(f.comparison()));
    }
    ObjectNode filters = o.putObject("filters");
    f.filters().forEach(filters::put);
    o.put("query", f.query());
    context(o, f);
    o.set("citation", citation(f));
    o.put("synthetic", synthetic);
    return o;
  }

  /** A figure's citation written out in full, as {@link #toNode} and the claim checker print it. */
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

  private static Figure toFigure(JsonNode n, Citation citation, Period period, JsonNode full) {
    Map<String, String> filters = new LinkedHashMap<>();
    full.path("filters").properties().forEach(e -> filters.put(e.getKey(), e.getValue().asText()));
    JsonNode value = n.path("value");
    return new Figure(
        text(n, "id"),
        text(n, "label"),
        value.isNumber() ? value.asDouble() : null,
        text(n, "unit"),
        period,
        n.hasNonNull("comparison") ? toPeriod(n.get("comparison")) : null,
        filters,
        text(full, "query"),
        citation,
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

package org.harmattan.demo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The scenario's event templates and monthly rates, read once from {@value #RESOURCE}: what each
 * kind of event looks like (ACLED event and sub-event type, actors, fatalities, a notes pattern)
 * and how often it happens. The generator interprets a template with its one random generator in a
 * fixed order, described on {@link Variant}, so the same seed gives the same events. The file's
 * header describes the fields; {@link #parse} reports every problem of a file at once.
 */
final class EventTemplates {
  /** The shipped file, beside this class. */
  static final String RESOURCE = "scenario-events.yaml";

  /** The {@code lastYearFactor} that takes the spec's increase in state violence. */
  static final String STATE_VIOLENCE_INCREASE = "state-violence-increase";

  /** The {@code assoc2} that names one of the place's civilian groups, or none. */
  static final String CIVILIAN_GROUP = "{civilianGroup}";

  /** ACLED's event types, as {@code type} must name one. */
  static final Set<String> EVENT_TYPES =
      Set.of(
          "Battles",
          "Explosions/Remote violence",
          "Violence against civilians",
          "Protests",
          "Riots",
          "Strategic developments");

  /**
   * A kind of event drawn every month.
   *
   * @param event the template (or the event made in code) that makes it
   * @param places the place list it draws from
   * @param perMonth events a month before the last year, at intensity 1
   * @param lastYearFactor the factor on that rate in the last year; empty: one plus the spec's
   *     increase in state violence
   */
  record Monthly(String event, String places, double perMonth, OptionalDouble lastYearFactor) {}

  /**
   * A right-skewed count of deaths: none with probability {@code zero}, else {@code exp(mu + sigma
   * * N(0, 1))} rounded, from 1 to {@code max}.
   */
  record Fatalities(double zero, double mu, double sigma, int max) {}

  /** A whole number drawn uniformly from min to max before the event, for its notes. */
  record Draw(String name, int min, int max) {}

  /** A bound of a count in the notes: a number, or the value of a draw. */
  record Bound(int value, Optional<String> draw) {}

  /** What a piece of a notes pattern writes. */
  enum PieceKind {
    /** The text itself. */
    TEXT,
    /** "On 14 March 2025, ". */
    ON,
    /** "in Diéma (Diéma, Kayes)", or "near …" when the place is approximate. */
    AT,
    /** The fuel corridor the place lies on. */
    CORRIDOR,
    /** The value of a draw. */
    DRAW,
    /** "4 soldiers were killed." or "No fatalities were reported.". */
    KILLED,
    /** The dead split between two sides, or as {@link #KILLED} of "people". */
    KILLED_BOTH_SIDES,
    /** A count drawn between two bounds with its noun: "3 drivers". */
    COUNT,
    /** A number drawn between two bounds. */
    BETWEEN,
    /** One of a list, drawn. */
    PICK,
    /** The text with $ replaced by the first actor's associate, when there is one. */
    ASSOC1,
    /** The text with $ replaced by the second actor's associate, when there is one. */
    ASSOC2
  }

  /**
   * One piece of a notes pattern.
   *
   * @param kind what it writes
   * @param text the text of {@code TEXT}, {@code ASSOC1} and {@code ASSOC2}; the draw's name for
   *     {@code DRAW}
   * @param words singular and plural for the killed and counts, the items to pick from
   * @param min the lower bound of {@code COUNT} and {@code BETWEEN}
   * @param max the upper bound of {@code COUNT} and {@code BETWEEN}
   */
  record Piece(PieceKind kind, String text, List<String> words, Bound min, Bound max) {
    Piece {
      words = List.copyOf(words);
    }

    static Piece of(PieceKind kind, String text) {
      return new Piece(kind, text, List.of(), NO_BOUND, NO_BOUND);
    }

    static Piece of(PieceKind kind, List<String> words) {
      return new Piece(kind, "", words, NO_BOUND, NO_BOUND);
    }
  }

  private static final Bound NO_BOUND = new Bound(0, Optional.empty());

  /**
   * One shape of event. The generator draws, in this order: which variant (one uniform draw, only
   * when a template has several; the first whose {@code below} exceeds it, else the last), the
   * template's draws, the event's place precision and coordinates, a vague date when {@code
   * vagueDate}, the army's allies when the army is an actor, whether the second actor takes part
   * ({@code actor2Chance}), the second associate ({@code assoc2Chance}, or a civilian group), the
   * fatalities, and then the notes' pieces from left to right.
   */
  record Variant(
      OptionalDouble below,
      String eventType,
      String subEventType,
      OptionalInt geoPrecision,
      boolean vagueDate,
      ScenarioActor actor1,
      Optional<ScenarioActor> actor2,
      OptionalDouble actor2Chance,
      OptionalDouble allies,
      String assoc2,
      OptionalDouble assoc2Chance,
      Optional<Fatalities> fatalities,
      List<Piece> notes) {
    Variant {
      notes = List.copyOf(notes);
    }
  }

  /** A template: its id, what it draws before the event, and its variants. */
  record Template(String id, List<Draw> draws, List<Variant> variants) {
    Template {
      draws = List.copyOf(draws);
      variants = List.copyOf(variants);
    }
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  private static final Set<String> TOP_FIELDS = Set.of("lists", "monthly", "templates");
  private static final Set<String> MONTHLY_FIELDS =
      Set.of("event", "places", "perMonth", "lastYearFactor");
  private static final Set<String> TEMPLATE_FIELDS = Set.of("id", "draws", "variants");
  private static final Set<String> VARIANT_FIELDS =
      Set.of(
          "below",
          "type",
          "subType",
          "geoPrecision",
          "vagueDate",
          "actor1",
          "actor2",
          "actor2Chance",
          "allies",
          "assoc2",
          "assoc2Chance",
          "fatalities",
          "notes");
  private static final Set<String> FATALITY_FIELDS = Set.of("zero", "mu", "sigma", "max");
  private static final Set<String> DRAW_FIELDS = Set.of("name", "min", "max");

  private final List<Monthly> monthly;
  private final Map<String, Template> templates;

  private EventTemplates(List<Monthly> monthly, Map<String, Template> templates) {
    this.monthly = List.copyOf(monthly);
    this.templates = Map.copyOf(templates);
  }

  /** The kinds of event drawn every month, in the order they are drawn. */
  List<Monthly> monthly() {
    return monthly;
  }

  /** Every template by id. */
  Map<String, Template> templates() {
    return templates;
  }

  /** The template {@code id}; the file was checked to hold every template the scenario names. */
  Template getTemplate(String id) {
    Template t = templates.get(id);
    if (t == null) {
      throw new IllegalStateException("no event template '" + id + "' in " + RESOURCE);
    }
    return t;
  }

  /**
   * Reads the shipped {@value #RESOURCE}.
   *
   * @param codedEvents the events the generator makes in code, which monthly kinds may name too
   * @param places the place lists monthly kinds may name
   * @param requiredTemplates the templates the generator names itself
   * @throws IllegalStateException listing every problem, when the file is missing or invalid
   */
  static EventTemplates readShipped(
      Set<String> codedEvents, Set<String> places, Set<String> requiredTemplates) {
    try (InputStream in = EventTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "shipped " + RESOURCE,
          codedEvents,
          places,
          requiredTemplates);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shipped " + RESOURCE + ": " + e, e);
    }
  }

  /**
   * Parses a template file.
   *
   * @param where names the file in messages
   * @throws IllegalStateException listing every problem found, each with where it is
   */
  static EventTemplates parse(
      String yaml,
      String where,
      Set<String> codedEvents,
      Set<String> places,
      Set<String> requiredTemplates) {
    requireNonNull(yaml, "yaml");
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalStateException(where + " is not YAML: " + e.getMessage(), e);
    }
    Parser p = new Parser(where);
    EventTemplates out = p.file(root, codedEvents, places, requiredTemplates);
    if (!p.problems.isEmpty()) {
      throw new IllegalStateException(
          where
              + " has "
              + p.problems.size()
              + (p.problems.size() == 1 ? " problem" : " problems")
              + "; expected the fields its header describes:\n  "
              + String.join("\n  ", p.problems));
    }
    return out;
  }

  /** One parse: the problems found so far. */
  private static final class Parser {
    private final String where;
    private final List<String> problems = new ArrayList<>();
    private Map<String, List<String>> lists = Map.of();

    Parser(String where) {
      this.where = where;
    }

    private void problem(String at, String message) {
      problems.add(at + ": " + message);
    }

    EventTemplates file(
        JsonNode root, Set<String> codedEvents, Set<String> places, Set<String> requiredTemplates) {
      if (root == null || !root.isObject()) {
        problem(where, "expected a map with 'monthly' and 'templates'");
        return new EventTemplates(List.of(), Map.of());
      }
      unknownFields(root, TOP_FIELDS, where);
      lists = lists(root.path("lists"));
      Map<String, Template> templates = new LinkedHashMap<>();
      int i = 0;
      for (JsonNode t : list(root, "templates", where)) {
        i++;
        Template template = template(t, "template " + i);
        if (template != null && templates.put(template.id(), template) != null) {
          problem("template " + i, "the id '" + template.id() + "' is used twice");
        }
      }
      for (String id : requiredTemplates) {
        if (!templates.containsKey(id)) {
          problem("templates", "the scenario needs a template '" + id + "'");
        }
      }
      List<Monthly> monthly = new ArrayList<>();
      i = 0;
      for (JsonNode m : list(root, "monthly", where)) {
        i++;
        String at = "monthly kind " + i;
        unknownFields(m, MONTHLY_FIELDS, at);
        String event = text(m, "event", at);
        if (event != null && !templates.containsKey(event) && !codedEvents.contains(event)) {
          problem(at, "event '" + event + "' is neither a template nor one of " + codedEvents);
        }
        String placeList = text(m, "places", at);
        if (placeList != null && !places.contains(placeList)) {
          problem(at, "places '" + placeList + "' is not one of " + places);
        }
        double perMonth = number(m, "perMonth", at, 0, 1000).orElse(1);
        OptionalDouble factor = OptionalDouble.empty();
        JsonNode f = m.path("lastYearFactor");
        if (f.isNumber()) {
          factor = number(m, "lastYearFactor", at, 0, 100);
        } else if (!f.asText().equals(STATE_VIOLENCE_INCREASE)) {
          problem(at, "lastYearFactor must be a number or " + STATE_VIOLENCE_INCREASE);
        }
        if (event != null && placeList != null) {
          monthly.add(new Monthly(event, placeList, perMonth, factor));
        }
      }
      return new EventTemplates(monthly, templates);
    }

    private Map<String, List<String>> lists(JsonNode node) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (node.isMissingNode()) {
        return out;
      }
      if (!node.isObject()) {
        problem("lists", "expected a map of names to lists of texts");
        return out;
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : e.getValue()) {
          items.add(item.asText());
        }
        if (!e.getValue().isArray() || items.isEmpty()) {
          problem("lists." + e.getKey(), "expected a non-empty list of texts");
        }
        out.put(e.getKey(), items);
      }
      return out;
    }

    private Template template(JsonNode t, String at) {
      String id = text(t, "id", at);
      if (id == null) {
        return null;
      }
      String here = at + " '" + id + "'";
      boolean inline = !t.has("variants");
      Set<String> allowed = new HashSet<>(TEMPLATE_FIELDS);
      if (inline) {
        allowed.addAll(VARIANT_FIELDS);
        allowed.remove("below");
      }
      unknownFields(t, allowed, here);
      List<Draw> draws = new ArrayList<>();
      for (JsonNode d : t.path("draws")) {
        String dAt = here + ", draw";
        unknownFields(d, DRAW_FIELDS, dAt);
        String name = text(d, "name", dAt);
        int min = (int) number(d, "min", dAt, 0, 1_000_000).orElse(0);
        int max = (int) number(d, "max", dAt, 0, 1_000_000).orElse(0);
        if (min > max) {
          problem(dAt, "min " + min + " is above max " + max);
        }
        if (name != null) {
          draws.add(new Draw(name, min, max));
        }
      }
      List<Variant> variants = new ArrayList<>();
      if (inline) {
        Variant v = variant(t, here, draws, false, false);
        if (v != null) {
          variants.add(v);
        }
      } else {
        JsonNode vs = t.get("variants");
        if (!vs.isArray() || vs.size() < 2) {
          problem(here, "variants must list two or more; write a single one inline");
        }
        double previous = 0;
        for (int k = 0; k < vs.size(); k++) {
          String vAt = here + ", variant " + (k + 1);
          boolean last = k == vs.size() - 1;
          Variant v = variant(vs.get(k), vAt, draws, !last, true);
          if (v == null) {
            continue;
          }
          if (last && v.below().isPresent()) {
            problem(vAt, "the last variant takes what the others leave: it has no 'below'");
          }
          if (v.below().isPresent()) {
            if (v.below().getAsDouble() <= previous) {
              problem(vAt, "below must rise from variant to variant");
            }
            previous = v.below().getAsDouble();
          }
          variants.add(v);
        }
      }
      return new Template(id, draws, variants);
    }

    /**
     * One variant; {@code checkFields} is false for a template's single inline variant, whose
     * template checked the fields.
     */
    private Variant variant(
        JsonNode v, String at, List<Draw> draws, boolean needsBelow, boolean checkFields) {
      if (!v.isObject()) {
        problem(at, "expected a map");
        return null;
      }
      if (checkFields) {
        unknownFields(v, VARIANT_FIELDS, at);
      }
      OptionalDouble below = OptionalDouble.empty();
      if (v.has("below")) {
        below = number(v, "below", at, 0, 1);
      } else if (needsBelow) {
        problem(at, "'below' is missing: every variant but the last needs one");
      }
      String type = text(v, "type", at);
      if (type != null && !EVENT_TYPES.contains(type)) {
        problem(at, "type '" + type + "' is not one of ACLED's event types " + EVENT_TYPES);
      }
      String subType = text(v, "subType", at);
      OptionalInt geo = OptionalInt.empty();
      if (v.has("geoPrecision")) {
        OptionalDouble g = number(v, "geoPrecision", at, 1, 3);
        geo = g.isPresent() ? OptionalInt.of((int) g.getAsDouble()) : OptionalInt.empty();
      }
      ScenarioActor actor1 = actor(v, "actor1", at, true).orElse(null);
      Optional<ScenarioActor> actor2 = actor(v, "actor2", at, false);
      OptionalDouble actor2Chance = OptionalDouble.empty();
      if (v.has("actor2Chance")) {
        actor2Chance = number(v, "actor2Chance", at, 0, 1);
        if (actor2.isEmpty()) {
          problem(at, "actor2Chance without actor2");
        }
      }
      boolean army =
          actor1 == ScenarioActor.ARMY || actor2.filter(a -> a == ScenarioActor.ARMY).isPresent();
      if (actor1 == ScenarioActor.ARMY && actor2.filter(a -> a == ScenarioActor.ARMY).isPresent()) {
        problem(at, "the army cannot be both actors");
      }
      OptionalDouble allies = OptionalDouble.empty();
      if (v.has("allies")) {
        allies = number(v, "allies", at, 0, 1);
        if (!army) {
          problem(at, "allies is the chance that the army's Russian allies join it: no ARMY here");
        }
      } else if (army) {
        problem(at, "'allies' is missing: the chance that the army's Russian allies join it");
      }
      String assoc2 = v.hasNonNull("assoc2") ? v.get("assoc2").asText() : "";
      OptionalDouble assoc2Chance = OptionalDouble.empty();
      if (v.has("assoc2Chance")) {
        assoc2Chance = number(v, "assoc2Chance", at, 0, 1);
        if (assoc2.isEmpty() || assoc2.equals(CIVILIAN_GROUP)) {
          problem(at, "assoc2Chance needs a named assoc2");
        }
      }
      if (!assoc2.isEmpty() && actor2.isEmpty()) {
        problem(at, "assoc2 without actor2");
      }
      if (assoc2.startsWith("{") && !assoc2.equals(CIVILIAN_GROUP)) {
        problem(at, "assoc2 '" + assoc2 + "' is neither a name nor " + CIVILIAN_GROUP);
      }
      Optional<Fatalities> fatalities = Optional.empty();
      if (v.has("fatalities")) {
        JsonNode f = v.get("fatalities");
        String fAt = at + ", fatalities";
        unknownFields(f, FATALITY_FIELDS, fAt);
        fatalities =
            Optional.of(
                new Fatalities(
                    number(f, "zero", fAt, 0, 1).orElse(0),
                    number(f, "mu", fAt, -10, 10).orElse(0),
                    number(f, "sigma", fAt, 0, 10).orElse(0),
                    (int) number(f, "max", fAt, 1, 10_000).orElse(1)));
      }
      String pattern = text(v, "notes", at);
      List<Piece> notes = pattern == null ? List.of() : notes(pattern, at, draws, fatalities);
      if (type == null || subType == null || actor1 == null) {
        return null;
      }
      return new Variant(
          below,
          type,
          subType,
          geo,
          v.path("vagueDate").asBoolean(false),
          actor1,
          actor2,
          actor2Chance,
          allies,
          assoc2,
          assoc2Chance,
          fatalities,
          notes);
    }

    /** Splits a notes pattern into its pieces: text and {@code {placeholder:arguments}}. */
    private List<Piece> notes(
        String pattern, String at, List<Draw> draws, Optional<Fatalities> fatalities) {
      String nAt = at + ", notes";
      Set<String> drawNames = new HashSet<>();
      draws.forEach(d -> drawNames.add(d.name()));
      List<Piece> out = new ArrayList<>();
      int i = 0;
      while (i < pattern.length()) {
        int open = pattern.indexOf('{', i);
        if (open < 0) {
          out.add(Piece.of(PieceKind.TEXT, pattern.substring(i)));
          break;
        }
        if (open > i) {
          out.add(Piece.of(PieceKind.TEXT, pattern.substring(i, open)));
        }
        int close = pattern.indexOf('}', open);
        if (close < 0) {
          problem(nAt, "'{' at " + open + " is never closed");
          break;
        }
        String inside = pattern.substring(open + 1, close);
        int colon = inside.indexOf(':');
        String name = colon < 0 ? inside : inside.substring(0, colon);
        String args = colon < 0 ? "" : inside.substring(colon + 1);
        Piece p = placeholder(name, args, nAt + " {" + inside + "}", drawNames, fatalities);
        if (p != null) {
          out.add(p);
        }
        i = close + 1;
      }
      return out;
    }

    private Piece placeholder(
        String name,
        String args,
        String at,
        Set<String> drawNames,
        Optional<Fatalities> fatalities) {
      return switch (name) {
        case "on" -> Piece.of(PieceKind.ON, "");
        case "at" -> Piece.of(PieceKind.AT, "");
        case "corridor" -> Piece.of(PieceKind.CORRIDOR, "");
        case "killed", "killedBothSides" -> {
          if (fatalities.isEmpty()) {
            problem(at, "the variant has no fatalities to write");
          }
          yield Piece.of(
              name.equals("killed") ? PieceKind.KILLED : PieceKind.KILLED_BOTH_SIDES,
              words(args, at, "two words: singular|plural or side1|side2"));
        }
        case "count" -> {
          int colon = args.indexOf(':');
          if (colon < 0) {
            problem(at, "expected {count:MIN-MAX:singular|plural}");
            yield null;
          }
          Bound[] range = range(args.substring(0, colon), at, drawNames);
          List<String> words = words(args.substring(colon + 1), at, "two words: singular|plural");
          yield new Piece(PieceKind.COUNT, "", words, range[0], range[1]);
        }
        case "between" -> {
          Bound[] range = range(args, at, drawNames);
          yield new Piece(PieceKind.BETWEEN, "", List.of(), range[0], range[1]);
        }
        case "pick" -> {
          if (!lists.containsKey(args)) {
            problem(at, "no list '" + args + "' under 'lists'");
            yield null;
          }
          yield Piece.of(PieceKind.PICK, lists.get(args));
        }
        case "assoc1", "assoc2" -> {
          if (!args.contains("$")) {
            problem(at, "expected {" + name + ":text with $ for the associate}");
          }
          yield Piece.of(name.equals("assoc1") ? PieceKind.ASSOC1 : PieceKind.ASSOC2, args);
        }
        default -> {
          if (drawNames.contains(name) && args.isEmpty()) {
            yield Piece.of(PieceKind.DRAW, name);
          }
          problem(
              at,
              "unknown placeholder '"
                  + name
                  + "' (expected on, at, corridor, killed, killedBothSides, count, between, pick,"
                  + " assoc1, assoc2 or a draw of the template)");
          yield null;
        }
      };
    }

    private List<String> words(String args, String at, String expected) {
      String[] parts = args.split("\\|", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        problem(at, "expected " + expected);
        return List.of("", "");
      }
      return List.of(parts[0], parts[1]);
    }

    private Bound[] range(String text, String at, Set<String> drawNames) {
      String[] parts = text.split("-", -1);
      if (parts.length != 2) {
        problem(at, "expected a range MIN-MAX of numbers or draws, got '" + text + "'");
        return new Bound[] {NO_BOUND, NO_BOUND};
      }
      return new Bound[] {bound(parts[0], at, drawNames), bound(parts[1], at, drawNames)};
    }

    private Bound bound(String text, String at, Set<String> drawNames) {
      if (text.matches("\\d{1,6}")) {
        return new Bound(Integer.parseInt(text), Optional.empty());
      }
      if (!drawNames.contains(text)) {
        problem(at, "'" + text + "' is neither a number nor a draw of the template");
      }
      return new Bound(0, Optional.of(text));
    }

    private Optional<ScenarioActor> actor(JsonNode n, String field, String at, boolean required) {
      if (!n.hasNonNull(field)) {
        if (required) {
          problem(at, "'" + field + "' is missing");
        }
        return Optional.empty();
      }
      String name = n.get(field).asText();
      for (ScenarioActor a : ScenarioActor.values()) {
        if (a.name().equals(name)) {
          return Optional.of(a);
        }
      }
      problem(at, field + " '" + name + "' is not one of " + List.of(ScenarioActor.values()));
      return Optional.empty();
    }

    private Iterable<JsonNode> list(JsonNode n, String field, String at) {
      if (!n.path(field).isArray() || n.path(field).isEmpty()) {
        problem(at, "expected a non-empty '" + field + "' list");
        return List.of();
      }
      return n.get(field);
    }

    private String text(JsonNode n, String field, String at) {
      if (!n.hasNonNull(field) || !n.get(field).isValueNode() || n.get(field).asText().isBlank()) {
        problem(at, "'" + field + "' is missing");
        return null;
      }
      return n.get(field).asText();
    }

    private OptionalDouble number(JsonNode n, String field, String at, double min, double max) {
      if (!n.hasNonNull(field)) {
        problem(at, "'" + field + "' is missing");
        return OptionalDouble.empty();
      }
      JsonNode v = n.get(field);
      if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
        problem(at, field + " " + v + " is not a number from " + min + " to " + max);
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(v.asDouble());
    }

    private void unknownFields(JsonNode n, Set<String> allowed, String at) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!allowed.contains(e.getKey())) {
          problem(at, "unknown field '" + e.getKey() + "'");
        }
      }
    }
  }
}

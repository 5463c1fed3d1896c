package org.harmattan.reference.actors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.harmattan.domain.actor.ActorType;
import org.harmattan.domain.actor.Affiliation;

/**
 * Reads one registry file into entries, collecting every problem with its file, line and entry
 * instead of stopping at the first.
 */
final class RegistryFileReader {
  private static final YAMLMapper YAML = new YAMLMapper();

  static final Set<String> ENTRY_KEYS =
      Set.of(
          "id",
          "name",
          "type",
          "country",
          "valid_from",
          "valid_to",
          "aliases",
          "patterns",
          "affiliations");
  static final Set<String> EXTENSION_KEYS = Set.of("id", "aliases", "patterns", "affiliations");
  private static final Set<String> AFFILIATION_KEYS = Set.of("actor", "relation", "from", "to");
  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

  /**
   * One actor entry as written in a file, checked field by field. Fields that failed are null or
   * empty and a problem was recorded.
   */
  record Entry(
      String file,
      int index,
      int line,
      String id,
      Map<String, JsonNode> fields,
      String name,
      ActorType type,
      String countryIso3,
      LocalDate validFrom,
      LocalDate validTo,
      List<String> aliases,
      List<String> patterns,
      List<Affiliation> affiliations) {

    String where() {
      return file
          + " line "
          + line
          + ", actor entry "
          + index
          + (id == null ? "" : " (id '" + id + "')");
    }
  }

  private final String file;
  private final List<String> problems;

  RegistryFileReader(String file, List<String> problems) {
    this.file = file;
    this.problems = problems;
  }

  List<Entry> read(byte[] content) {
    List<Entry> entries = new ArrayList<>();
    boolean sawActors = false;
    try (JsonParser p = YAML.createParser(content)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(file + ": the file is empty (expected a mapping with the key 'actors')");
        return entries;
      }
      if (t != JsonToken.START_OBJECT) {
        problems.add(
            file
                + " line "
                + line(p.currentTokenLocation())
                + ": expected a mapping with the key 'actors' at the top level");
        return entries;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation keyAt = p.currentTokenLocation();
        JsonToken value = p.nextToken();
        if (!"actors".equals(key)) {
          problems.add(
              file
                  + " line "
                  + line(keyAt)
                  + ": unknown top-level key '"
                  + key
                  + "' (expected only 'actors')");
          p.skipChildren();
          continue;
        }
        sawActors = true;
        if (value != JsonToken.START_ARRAY) {
          problems.add(
              file
                  + " line "
                  + line(keyAt)
                  + ": 'actors' must be a list of actor entries (each starting with '- id:')");
          p.skipChildren();
          continue;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          index++;
          int line = line(p.currentTokenLocation());
          JsonNode node = YAML.readTree(p);
          entries.add(entry(index, line, node));
        }
      }
    } catch (JacksonException e) {
      problems.add(
          file
              + " line "
              + line(e.getLocation())
              + ": not valid YAML ("
              + yamlProblem(e.getOriginalMessage())
              + "; check the indentation and brackets)");
      return entries;
    } catch (IOException e) {
      problems.add(file + ": cannot be read (" + e.getMessage() + ")");
      return entries;
    }
    if (!sawActors) {
      problems.add(file + ": no 'actors' key (expected 'actors:' followed by a list of entries)");
    }
    return entries;
  }

  private Entry entry(int index, int line, JsonNode node) {
    String where0 = file + " line " + line + ", actor entry " + index;
    if (node == null || !node.isObject()) {
      problems.add(where0 + ": expected a mapping with id, name, type… (found " + kind(node) + ")");
      return new Entry(
          file, index, line, null, Map.of(), null, null, null, null, null, List.of(), List.of(),
          List.of());
    }
    String id = text(node, "id", where0);
    String where = where0 + (id == null ? "" : " (id '" + id + "')");
    if (id == null) {
      problems.add(where + ": 'id' is missing (expected a lower-case slug such as jnim)");
    } else if (!org.harmattan.domain.actor.CanonicalActor.isValidId(id)) {
      problems.add(
          where
              + ": id '"
              + id
              + "' is not a lower-case slug (expected a-z, 0-9 and _, starting with a letter)");
      id = null;
    }
    Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!ENTRY_KEYS.contains(f.getKey())) {
        problems.add(
            where
                + ": unknown key '"
                + f.getKey()
                + "' (expected "
                + String.join(", ", new java.util.TreeSet<>(ENTRY_KEYS))
                + ")");
      } else {
        fields.put(f.getKey(), f.getValue());
      }
    }
    String name = text(node, "name", where);
    if (name != null && name.isBlank()) {
      problems.add(where + ": 'name' is blank");
      name = null;
    }
    ActorType type = type(node, where);
    String country = text(node, "country", where);
    if (country != null && !ISO3.matcher(country).matches()) {
      problems.add(
          where + ": country '" + country + "' is not an ISO3 code (expected e.g. MLI, BFA, NER)");
      country = null;
    }
    LocalDate from = date(node.get("valid_from"), "valid_from", where);
    LocalDate to = date(node.get("valid_to"), "valid_to", where);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(where + ": valid_to " + to + " is before valid_from " + from);
      to = null;
    }
    List<String> aliases = strings(node, "aliases", where);
    List<String> patterns = strings(node, "patterns", where);
    List<String> goodPatterns = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        Pattern.compile(pattern);
        goodPatterns.add(pattern);
      } catch (PatternSyntaxException e) {
        problems.add(
            where
                + ": pattern '"
                + pattern
                + "' is not a Java regular expression ("
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + ")");
      }
    }
    List<Affiliation> affiliations = affiliations(node.get("affiliations"), where);
    return new Entry(
        file,
        index,
        line,
        id,
        fields,
        name,
        type,
        country,
        from,
        to,
        aliases,
        goodPatterns,
        affiliations);
  }

  private ActorType type(JsonNode node, String where) {
    String raw = text(node, "type", where);
    if (raw == null) {
      return null;
    }
    String key = raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (ActorType t : ActorType.values()) {
      if (t.name().equals(key)) {
        return t;
      }
    }
    List<String> expected = new ArrayList<>();
    for (ActorType t : ActorType.values()) {
      expected.add(t.name().toLowerCase(Locale.ROOT));
    }
    problems.add(
        where
            + ": type '"
            + raw
            + "' is not an actor type (expected one of "
            + String.join(", ", expected)
            + ")");
    return null;
  }

  private List<Affiliation> affiliations(JsonNode node, String where) {
    List<Affiliation> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add(
          where
              + ": 'affiliations' must be a list of {actor, relation, from, to} (found "
              + kind(node)
              + ")");
      return out;
    }
    int i = 0;
    for (JsonNode a : node) {
      i++;
      String w = where + ", affiliation " + i;
      if (!a.isObject()) {
        problems.add(w + ": expected {actor, relation, from, to} (found " + kind(a) + ")");
        continue;
      }
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!AFFILIATION_KEYS.contains(k)) {
          problems.add(w + ": unknown key '" + k + "' (expected actor, relation, from, to)");
        }
      }
      String actor = text(a, "actor", w);
      String relation = text(a, "relation", w);
      LocalDate from = date(a.get("from"), "from", w);
      LocalDate to = date(a.get("to"), "to", w);
      if (actor == null || relation == null) {
        problems.add(
            w
                + ": 'actor' and 'relation' are required (e.g. {actor: jnim, relation: merged_into})");
        continue;
      }
      try {
        out.add(new Affiliation(actor, relation, from, to));
      } catch (IllegalArgumentException e) {
        problems.add(w + ": " + e.getMessage());
      }
    }
    return out;
  }

  private List<String> strings(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add(where + ": '" + key + "' must be a list of strings (found " + kind(v) + ")");
      return out;
    }
    int i = 0;
    for (JsonNode s : v) {
      i++;
      if (!s.isValueNode() || s.isNull() || s.asText().isBlank()) {
        problems.add(
            where
                + ": "
                + key
                + " item "
                + i
                + " must be a non-blank string (found "
                + kind(s)
                + ")");
      } else {
        out.add(s.asText().strip());
      }
    }
    return out;
  }

  private String text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      problems.add(where + ": '" + key + "' must be a single value (found " + kind(v) + ")");
      return null;
    }
    return v.asText().strip();
  }

  private LocalDate date(JsonNode v, String key, String where) {
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText().strip();
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      problems.add(where + ": " + key + " '" + s + "' is not a date (expected yyyy-MM-dd)");
      return null;
    }
  }

  private static String kind(JsonNode n) {
    if (n == null || n.isNull()) {
      return "nothing";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    return "'" + n.asText() + "'";
  }

  private static int line(JsonLocation loc) {
    return loc == null ? 0 : loc.getLineNr();
  }

  /** The parser's sentences without its source excerpts: "while parsing …; expected …". */
  private static String yamlProblem(String s) {
    if (s == null) {
      return "unreadable";
    }
    List<String> parts =
        s.lines()
            .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
            .map(String::strip)
            .toList();
    return parts.isEmpty() ? s.strip() : String.join("; ", parts);
  }
}

package org.harmattan.reference.timeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.harmattan.domain.context.EntryKind;
import org.harmattan.domain.context.Timeline;
import org.harmattan.domain.context.TimelineEntry;
import org.harmattan.domain.context.TimelineEntry.Translation;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.domain.text.Language;

/**
 * Reads case files: YAML with {@code country} (ISO3) and {@code entries}, each entry with {@code
 * id}, {@code date} (yyyy-MM-dd), {@code kind} (see {@link EntryKind}), {@code title}, {@code
 * summary}, {@code sources} (a list of http(s) URLs), optional {@code source_checked} (default
 * true) and {@code note}, and optionally a block per language other than English, named by its code
 * (e.g. {@code fr}), with the entry's {@code title} and {@code summary} in that language. Every
 * problem is collected and reported at once.
 */
public final class CaseFiles {
  /** The shipped Mali case file's resource name. */
  public static final String MALI = "mali-2017-2025.yaml";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> KEYS =
      Set.of("id", "date", "kind", "title", "summary", "sources", "source_checked", "note");

  /** The languages an entry may give its title and summary in, besides English (the base). */
  private static final List<Language> TRANSLATED =
      Arrays.stream(Language.values()).filter(l -> l != Language.EN).toList();

  private static final Set<String> TRANSLATION_KEYS = Set.of("title", "summary", "note");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[A-Za-z]{2,3}");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

  private CaseFiles() {}

  /** The shipped case file of a country, if Harmattan ships one. */
  public static java.util.Optional<Timeline> findShipped(String iso3) {
    return "MLI".equals(iso3) ? java.util.Optional.of(shipped(MALI)) : java.util.Optional.empty();
  }

  /** The shipped case files read so far, by name: they are resources and never change. */
  private static final java.util.Map<String, Timeline> SHIPPED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The shipped case file {@code name}, e.g. {@link #MALI}; read once. */
  public static Timeline shipped(String name) {
    return SHIPPED.computeIfAbsent(name, CaseFiles::readShipped);
  }

  private static Timeline readShipped(String name) {
    try (InputStream in = CaseFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw HarmattanException.userInput(
            ProblemCode.CASE_FILE, "no shipped case file " + name + " (expected " + MALI + ")");
      }
      return read(in.readAllBytes(), name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shipped case file " + name, e);
    }
  }

  /**
   * The text of a new case file for {@code iso3}: the format explained in comments, an example
   * entry commented out, and no entries yet (a valid file, see {@link #read(Path)}).
   */
  public static String template(String iso3, String title) {
    if (!ISO3.matcher(iso3).matches()) {
      throw HarmattanException.userInput(
          ProblemCode.CASE_FILE, "country \"" + iso3 + "\" is not an ISO3 code (e.g. MLI)");
    }
    List<String> kinds = new ArrayList<>();
    for (EntryKind k : EntryKind.values()) {
      if (k != EntryKind.ADVISORY_CHANGE) {
        kinds.add(k.code());
      }
    }
    return String.join(
        "\n",
        "# Political case file: dated, sourced entries drawn on a brief's event chart and listed in",
        "# its political timeline (harmattan brief --timeline FILE).",
        "# Each entry: id (a lower-case slug, unique), date (yyyy-MM-dd), kind, title, summary,",
        "# sources (http(s) URLs that report it), source_checked (false while a URL is not",
        "# confirmed; the brief marks it \"not confirmed\"), note (optional caveats).",
        "# fr (optional): a block with the entry's title and summary in French, shown by a brief",
        "# written in French (brief --lang fr), which otherwise shows the English. Languages: "
            + codes()
            + ".",
        "# kind: " + String.join(", ", kinds) + ".",
        "# Check the file with: harmattan case-file check FILE",
        "country: " + iso3,
        "title: " + (title == null || title.isBlank() ? iso3 + " case file" : title),
        "entries: []",
        "# Replace [] above by entries such as:",
        "#  - id: election-2026-07",
        "#    date: 2026-07-12",
        "#    kind: election",
        "#    title: Presidential election",
        "#    summary: >-",
        "#      What happened, who says so.",
        "#    sources:",
        "#      - https://example.org/report",
        "#    source_checked: false",
        "#    fr:",
        "#      title: Élection présidentielle",
        "#      summary: >-",
        "#        Ce qui s’est passé, selon qui.",
        "");
  }

  public static Timeline read(Path file) {
    try {
      return read(Files.readAllBytes(file), file.getFileName().toString());
    } catch (NoSuchFileException e) {
      throw HarmattanException.userInput(ProblemCode.CASE_FILE, file + ": no such file");
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.CASE_FILE, file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Reads {@code content}, named {@code file} in messages. */
  public static Timeline read(byte[] content, String file) {
    List<String> problems = new ArrayList<>();
    List<TimelineEntry> entries = new ArrayList<>();
    String country = null;
    try (JsonParser p = YAML.createParser(content)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw HarmattanException.userInput(
            ProblemCode.CASE_FILE,
            file + ": expected a mapping with the keys 'country' and 'entries' at the top level");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = p.currentTokenLocation().getLineNr();
        JsonToken v = p.nextToken();
        if ("country".equals(key)) {
          country = p.getValueAsString();
          if (country == null || !ISO3.matcher(country).matches()) {
            problems.add(
                file
                    + " line "
                    + keyLine
                    + ": country '"
                    + country
                    + "' is not an ISO3 code (expected e.g. MLI)");
            country = null;
          }
        } else if ("title".equals(key) || "description".equals(key)) {
          p.skipChildren();
        } else if ("entries".equals(key) && v == JsonToken.START_ARRAY) {
          int index = 0;
          Set<String> ids = new HashSet<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            index++;
            int line = p.currentTokenLocation().getLineNr();
            JsonNode node = YAML.readTree(p);
            TimelineEntry e = entry(node, file, line, index, problems);
            if (e != null && !ids.add(e.id())) {
              problems.add(
                  where(file, line, index, e.id()) + ": id '" + e.id() + "' is used twice");
            } else if (e != null) {
              entries.add(e);
            }
          }
        } else if ("entries".equals(key)) {
          problems.add(
              file
                  + " line "
                  + keyLine
                  + ": 'entries' must be a list (each item starting with '- id:')");
          p.skipChildren();
        } else {
          problems.add(
              file
                  + " line "
                  + keyLine
                  + ": unknown top-level key '"
                  + key
                  + "' (expected country, title, description, entries)");
          p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      problems.add(
          file
              + " line "
              + e.getLocation().getLineNr()
              + ": not valid YAML ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + ")");
    } catch (IOException e) {
      problems.add(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (country == null && problems.isEmpty()) {
      problems.add(file + ": no 'country' key (expected e.g. 'country: MLI')");
    }
    if (!problems.isEmpty()) {
      throw HarmattanException.userInput(
          ProblemCode.CASE_FILE,
          problems.size()
              + " problem"
              + (problems.size() == 1 ? "" : "s")
              + " in case file "
              + file
              + ":\n  "
              + String.join("\n  ", problems));
    }
    return new Timeline(country, file, sha256(content), entries);
  }

  private static TimelineEntry entry(
      JsonNode n, String file, int line, int index, List<String> problems) {
    if (n == null || !n.isObject()) {
      problems.add(
          where(file, line, index, null)
              + ": expected a mapping with id, date, kind, title, summary, sources");
      return null;
    }
    String id = n.path("id").isTextual() ? n.get("id").asText() : null;
    String where = where(file, line, index, id);
    int before = problems.size();
    for (Map.Entry<String, JsonNode> f : n.properties()) {
      String key = f.getKey();
      if (KEYS.contains(key) || findTranslated(key) != null) {
        continue;
      }
      if (Language.EN.code().equals(key)) {
        problems.add(
            where
                + ", field en: English is the base text (expected it in title and summary; a"
                + " block gives another language: "
                + codes()
                + ")");
      } else if (f.getValue().isObject() && LANGUAGE_CODE.matcher(key).matches()) {
        problems.add(
            where
                + ", field "
                + key
                + ": '"
                + key
                + "' is not a language Harmattan writes (expected a block named "
                + codes()
                + ")");
      } else {
        Set<String> expected = new TreeSet<>(KEYS);
        TRANSLATED.forEach(l -> expected.add(l.code()));
        problems.add(
            where + ": unknown field '" + key + "' (expected " + String.join(", ", expected) + ")");
      }
    }
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(
          where
              + ", field id: "
              + shown(n.get("id"))
              + " is not a lower-case slug (expected e.g. coup-2020-08)");
    }
    LocalDate date = null;
    JsonNode d = n.get("date");
    try {
      date = d == null || !d.isValueNode() ? null : LocalDate.parse(d.asText());
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null) {
      problems.add(where + ", field date: " + shown(d) + " is not a date (expected yyyy-MM-dd)");
    }
    EntryKind kind = null;
    JsonNode k = n.get("kind");
    if (k != null && k.isTextual()) {
      kind = EntryKind.findByCode(k.asText()).orElse(null);
    }
    if (kind == null) {
      List<String> codes = new ArrayList<>();
      for (EntryKind ek : EntryKind.values()) {
        codes.add(ek.code());
      }
      problems.add(
          where
              + ", field kind: "
              + shown(k)
              + " is not a kind (expected one of "
              + String.join(", ", codes)
              + ")");
    }
    String title = text(n, "title", where, problems);
    String summary = text(n, "summary", where, problems);
    Map<Language, Translation> translations = new EnumMap<>(Language.class);
    for (Language l : TRANSLATED) {
      JsonNode b = n.get(l.code());
      if (b != null) {
        Translation t = translation(b, l, n.hasNonNull("note"), where, problems);
        if (t != null) {
          translations.put(l, t);
        }
      }
    }
    List<String> sources = new ArrayList<>();
    JsonNode s = n.get("sources");
    if (s == null || !s.isArray() || s.isEmpty()) {
      problems.add(
          where + ", field sources: " + shown(s) + " (expected a list of at least one URL)");
    } else {
      for (JsonNode u : s) {
        if (!u.isTextual() || !isHttpUrl(u.asText())) {
          problems.add(where + ", field sources: " + shown(u) + " is not an http(s) URL");
        } else {
          sources.add(u.asText());
        }
      }
    }
    boolean checked = true;
    JsonNode c = n.get("source_checked");
    if (c != null) {
      if (c.isBoolean()) {
        checked = c.asBoolean();
      } else {
        problems.add(where + ", field source_checked: " + shown(c) + " (expected true or false)");
      }
    }
    JsonNode note = n.get("note");
    if (note != null && !note.isTextual()) {
      problems.add(where + ", field note: " + shown(note) + " (expected text)");
    }
    if (problems.size() > before) {
      return null;
    }
    return new TimelineEntry(
        id,
        date,
        kind,
        title,
        summary,
        sources,
        checked,
        note == null ? null : note.asText(),
        translations);
  }

  /** The block {@code b} of language {@code l}: its title and summary, or null with problems. */
  private static Translation translation(
      JsonNode b, Language l, boolean hasNote, String where, List<String> problems) {
    String code = l.code();
    String name = l.locale().getDisplayLanguage(Locale.ENGLISH);
    if (!b.isObject()) {
      problems.add(
          where
              + ", field "
              + code
              + ": "
              + shown(b)
              + " (expected a block with the "
              + name
              + " title and summary, indented under '"
              + code
              + ":')");
      return null;
    }
    int before = problems.size();
    for (Map.Entry<String, JsonNode> f : b.properties()) {
      if (!TRANSLATION_KEYS.contains(f.getKey())) {
        problems.add(
            where
                + ", field "
                + code
                + ": unknown field '"
                + f.getKey()
                + "' (expected "
                + String.join(", ", new TreeSet<>(TRANSLATION_KEYS))
                + ")");
      }
    }
    String title = text(b, "title", code + ".title", "the " + name + " title", where, problems);
    String summary =
        text(b, "summary", code + ".summary", "the " + name + " summary", where, problems);
    String note = null;
    if (hasNote) {
      note = text(b, "note", code + ".note", "the " + name + " note", where, problems);
    } else if (b.has("note")) {
      problems.add(
          where
              + ", field "
              + code
              + ".note: "
              + shown(b.get("note"))
              + " (expected none: the entry has no note to translate)");
    }
    return problems.size() > before ? null : new Translation(title, summary, note);
  }

  /** The codes of the languages a block may be named by, e.g. "fr". */
  private static String codes() {
    return String.join(", ", TRANSLATED.stream().map(Language::code).toList());
  }

  /** The language other than English whose code is {@code key}, or null. */
  private static Language findTranslated(String key) {
    for (Language l : TRANSLATED) {
      if (l.code().equals(key)) {
        return l;
      }
    }
    return null;
  }

  private static String text(JsonNode n, String field, String where, List<String> problems) {
    return text(n, field, field, null, where, problems);
  }

  /**
   * The non-empty text of {@code field} in {@code n}, stripped; or null with a problem naming it
   * {@code label} and what it holds, {@code what} (or nothing more when null).
   */
  private static String text(
      JsonNode n, String field, String label, String what, String where, List<String> problems) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      problems.add(
          where
              + ", field "
              + label
              + ": "
              + shown(v)
              + " (expected non-empty text"
              + (what == null ? "" : ": " + what)
              + ")");
      return null;
    }
    return v.asText().strip();
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s);
      return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String shown(JsonNode v) {
    return v == null || v.isMissingNode()
        ? "missing"
        : "'" + (v.isValueNode() ? v.asText() : v.toString()) + "'";
  }

  private static String where(String file, int line, int index, String id) {
    return file + " line " + line + ", entry " + index + (id == null ? "" : " (id '" + id + "')");
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

package org.harmattan.analytics.actors;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.actor.Affiliation;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;

/**
 * Canonical actors and the rules that map raw actor names onto them.
 *
 * <p>A raw name is matched in three steps, the first that succeeds wins:
 *
 * <ol>
 *   <li>{@link MatchKind#ALIAS}: the name, stripped of surrounding spaces, equals an actor's name
 *       or alias;
 *   <li>{@link MatchKind#NORMALISED}: its {@linkplain #normalise normalised} form equals the
 *       normalised form of a name or alias; failing that, the same for the name without a leading
 *       acronym prefix ({@code JNIM: }), on both sides;
 *   <li>{@link MatchKind#PATTERN}: an actor's regular expression finds the raw name
 *       (case-insensitive); actors and their patterns are tried in file order, so when two patterns
 *       match, the first in the file wins.
 * </ol>
 *
 * <p>Where two actors share a normalised spelling, the first in file order wins too. Registry files
 * are read in order: the shipped one, then user files, which may add actors or add aliases,
 * patterns and affiliations to existing ids.
 */
public final class ActorRegistry {
  /** The shipped registry's classpath resource, next to this class. */
  public static final String SHIPPED_RESOURCE = "sahel-actors.yaml";

  private static final Pattern DATE_SUFFIX =
      Pattern.compile("\\(\\s*\\d{4}\\s*-\\s*(\\d{4})?\\s*\\)");
  private static final Pattern ACRONYM_PREFIX =
      Pattern.compile("^\\s*[\\p{Lu}\\p{N}][\\p{Lu}\\p{N}.&\\-]{0,15}\\s*:\\s*(\\S.*)$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’`ʼ]");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static volatile ActorRegistry shipped;

  private final List<CanonicalActor> actors;
  private final Map<String, CanonicalActor> byId;
  private final Map<String, CanonicalActor> exact = new HashMap<>();
  private final Map<String, CanonicalActor> normalised = new HashMap<>();
  private final List<Map.Entry<Pattern, CanonicalActor>> patterns = new ArrayList<>();

  /** Matches already made: a store holds few distinct names, each on many events. */
  private final Map<String, Optional<ActorMatch>> matched =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ActorRegistry(List<CanonicalActor> actors) {
    this.actors = List.copyOf(actors);
    Map<String, CanonicalActor> ids = new LinkedHashMap<>();
    for (CanonicalActor a : actors) {
      ids.put(a.id(), a);
    }
    this.byId = Collections.unmodifiableMap(ids);
    for (CanonicalActor a : actors) {
      for (String s : a.spellings()) {
        exact.putIfAbsent(s.strip(), a);
        normalised.putIfAbsent(normalise(s), a);
      }
    }
    // Unprefixed spellings come second so that they never shadow a full spelling.
    for (CanonicalActor a : actors) {
      for (String s : a.spellings()) {
        withoutAcronymPrefix(s).ifPresent(rest -> normalised.putIfAbsent(normalise(rest), a));
      }
    }
    for (CanonicalActor a : actors) {
      for (String p : a.patterns()) {
        patterns.add(
            Map.entry(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), a));
      }
    }
  }

  /** The shipped Sahel registry alone. */
  public static ActorRegistry shipped() {
    ActorRegistry r = shipped;
    if (r == null) {
      synchronized (ActorRegistry.class) {
        r = shipped;
        if (r == null) {
          r = load(List.of());
          shipped = r;
        }
      }
    }
    return r;
  }

  /**
   * The shipped registry extended by user files, read in the order given.
   *
   * @throws HarmattanException USER_INPUT listing every problem of the user files at once (file,
   *     line, entry, what was expected)
   */
  public static ActorRegistry load(Collection<Path> userFiles) {
    requireNonNull(userFiles, "userFiles");
    List<String> shippedProblems = new ArrayList<>();
    List<RegistryFileReader.Entry> entries =
        new ArrayList<>(
            new RegistryFileReader(SHIPPED_RESOURCE, shippedProblems).read(shippedBytes()));
    if (!shippedProblems.isEmpty()) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          "bad_shipped_actor_registry",
          "the shipped actor registry is broken, please report it:\n  "
              + String.join("\n  ", shippedProblems));
    }
    List<String> problems = new ArrayList<>();
    for (Path file : userFiles) {
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        problems.add(file + ": no such file (give the path of a registry YAML file)");
        continue;
      } catch (IOException e) {
        problems.add(file + ": cannot be read (" + e.getMessage() + ")");
        continue;
      }
      entries.addAll(new RegistryFileReader(file.toString(), problems).read(content));
    }
    List<CanonicalActor> actors = build(entries, problems);
    if (!problems.isEmpty()) {
      throw HarmattanException.userInput(
          "bad_actor_registry",
          "the actor registry has "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "; fix the file and run again:\n  "
              + String.join("\n  ", problems));
    }
    return new ActorRegistry(actors);
  }

  private static byte[] shippedBytes() {
    try (InputStream in = ActorRegistry.class.getResourceAsStream(SHIPPED_RESOURCE)) {
      if (in == null) {
        throw new HarmattanException(
            ErrorCategory.INTERNAL,
            "missing_shipped_actor_registry",
            "the shipped actor registry "
                + SHIPPED_RESOURCE
                + " is missing from the classpath; the build is broken");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          "unreadable_shipped_actor_registry",
          "cannot read the shipped actor registry: " + e.getMessage(),
          e);
    }
  }

  private static List<CanonicalActor> build(
      List<RegistryFileReader.Entry> entries, List<String> problems) {
    Map<String, CanonicalActor> byId = new LinkedHashMap<>();
    Map<String, String> definedIn = new HashMap<>();
    Map<String, String> spellingOwner = new HashMap<>();
    Map<String, String> affiliationWhere = new LinkedHashMap<>();
    for (RegistryFileReader.Entry e : entries) {
      if (e.id() == null) {
        continue;
      }
      CanonicalActor existing = byId.get(e.id());
      CanonicalActor actor;
      if (existing != null) {
        if (definedIn.get(e.id()).equals(e.file())) {
          problems.add(
              e.where()
                  + ": id '"
                  + e.id()
                  + "' is defined twice in this file (ids must be unique; merge the entries)");
          continue;
        }
        Set<String> extra = new TreeSet<>(e.fields().keySet());
        extra.removeAll(RegistryFileReader.EXTENSION_KEYS);
        if (!extra.isEmpty()) {
          problems.add(
              e.where()
                  + ": actor '"
                  + e.id()
                  + "' already exists (from "
                  + definedIn.get(e.id())
                  + "); a later file may only add aliases, patterns and affiliations to it, so"
                  + " remove "
                  + String.join(", ", extra)
                  + " or choose a new id");
          continue;
        }
        actor = existing.withAdditions(e.aliases(), e.patterns(), e.affiliations());
      } else {
        List<String> missing = new ArrayList<>();
        if (e.name() == null && !e.fields().containsKey("name")) {
          missing.add("name");
        }
        if (e.type() == null && !e.fields().containsKey("type")) {
          missing.add("type");
        }
        if (!missing.isEmpty()) {
          problems.add(
              e.where()
                  + ": a new actor needs "
                  + String.join(" and ", missing)
                  + " (to extend an existing actor, use its id; known ids include "
                  + String.join(", ", byId.keySet().stream().limit(5).toList())
                  + "…)");
          continue;
        }
        if (e.name() == null || e.type() == null) {
          continue; // already reported field by field
        }
        try {
          actor =
              new CanonicalActor(
                  e.id(),
                  e.name(),
                  e.type(),
                  e.countryIso3(),
                  e.aliases(),
                  e.patterns(),
                  e.affiliations(),
                  e.validFrom(),
                  e.validTo());
        } catch (IllegalArgumentException ex) {
          problems.add(e.where() + ": " + ex.getMessage());
          continue;
        }
        definedIn.put(e.id(), e.file());
      }
      List<String> newSpellings = new ArrayList<>();
      if (existing == null) {
        newSpellings.add(actor.name());
      }
      newSpellings.addAll(e.aliases());
      boolean clash = false;
      for (String s : newSpellings) {
        String owner = spellingOwner.putIfAbsent(s, e.id());
        if (owner != null && !owner.equals(e.id())) {
          problems.add(
              e.where()
                  + ": '"
                  + s
                  + "' is already a spelling of actor '"
                  + owner
                  + "' (a raw name can belong to one actor only; remove it from one of them)");
          clash = true;
        }
      }
      if (clash) {
        continue;
      }
      for (Affiliation a : e.affiliations()) {
        affiliationWhere.putIfAbsent(e.where() + " -> " + a.actorId(), a.actorId());
      }
      byId.put(e.id(), actor);
    }
    affiliationWhere.forEach(
        (where, target) -> {
          if (!byId.containsKey(target)) {
            problems.add(
                where.substring(0, where.lastIndexOf(" -> "))
                    + ": affiliation names unknown actor '"
                    + target
                    + "' (expected the id of an actor in the registry)");
          }
        });
    return new ArrayList<>(byId.values());
  }

  /**
   * The canonical actor of a raw name as a source spells it, or empty when nothing matches.
   * Deterministic: see the class comment for the order of the rules.
   */
  public Optional<ActorMatch> match(String rawName) {
    if (rawName == null || rawName.isBlank()) {
      return Optional.empty();
    }
    return matched.computeIfAbsent(rawName, this::matchUncached);
  }

  private Optional<ActorMatch> matchUncached(String rawName) {
    String raw = rawName.strip();
    CanonicalActor a = exact.get(raw);
    if (a != null) {
      return Optional.of(new ActorMatch(a, MatchKind.ALIAS));
    }
    a = normalised.get(normalise(raw));
    if (a == null) {
      a = withoutAcronymPrefix(raw).map(rest -> normalised.get(normalise(rest))).orElse(null);
    }
    if (a != null) {
      return Optional.of(new ActorMatch(a, MatchKind.NORMALISED));
    }
    for (Map.Entry<Pattern, CanonicalActor> p : patterns) {
      if (p.getKey().matcher(raw).find()) {
        return Optional.of(new ActorMatch(p.getValue(), MatchKind.PATTERN));
      }
    }
    return Optional.empty();
  }

  /** Every canonical actor, in file order. */
  public List<CanonicalActor> listActors() {
    return actors;
  }

  /** The actor with this id. */
  public Optional<CanonicalActor> findActor(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The actor with this id.
   *
   * @throws HarmattanException USER_INPUT when no actor has this id
   */
  public CanonicalActor getActor(String id) {
    CanonicalActor a = byId.get(id);
    if (a == null) {
      throw HarmattanException.userInput(
          "unknown_actor",
          "no actor has the id '"
              + id
              + "' (known ids: "
              + String.join(", ", new TreeSet<>(byId.keySet()))
              + ")");
    }
    return a;
  }

  /**
   * Which of the candidate raw names match the actor {@code id}, in the candidates' order: the raw
   * names an engine filter needs to select that actor's events.
   *
   * @throws HarmattanException USER_INPUT when no actor has this id
   */
  public Set<String> rawNamesOf(String id, Collection<String> candidates) {
    CanonicalActor actor = getActor(id);
    Set<String> out = new LinkedHashSet<>();
    for (String c : candidates) {
      match(c).filter(m -> m.actor().id().equals(actor.id())).ifPresent(m -> out.add(c));
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * A raw name reduced for comparison: accents stripped, lower-cased, ACLED period suffixes such as
   * {@code (2013-)} or {@code (1960-1968)} dropped wherever they stand, apostrophes dropped, and
   * every other run of punctuation or spaces collapsed to one space.
   */
  public static String normalise(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    s = DATE_SUFFIX.matcher(s).replaceAll(" ");
    s = APOSTROPHES.matcher(s).replaceAll("");
    return NON_ALNUM.matcher(s).replaceAll(" ").strip();
  }

  /** The name after a leading acronym prefix such as {@code JNIM: }, if it has one. */
  static Optional<String> withoutAcronymPrefix(String raw) {
    Matcher m = ACRONYM_PREFIX.matcher(raw);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}

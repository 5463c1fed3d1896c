package org.harmattan.analytics.actors;

import static java.util.Objects.requireNonNull;

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
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.reference.actors.ActorRegistryFiles;

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
   * The shipped registry extended by user files, read in the order given (see {@link
   * ActorRegistryFiles#read}).
   *
   * @throws HarmattanException USER_INPUT listing every problem of the user files at once (file,
   *     line, entry, what was expected)
   */
  public static ActorRegistry load(Collection<Path> userFiles) {
    return new ActorRegistry(ActorRegistryFiles.read(requireNonNull(userFiles, "userFiles")));
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
          ProblemCode.UNKNOWN_ACTOR,
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

package org.harmattan.reference.actors;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.domain.actor.Affiliation;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Reads the actor registry: the shipped {@value #SHIPPED_RESOURCE} (next to this class on the
 * classpath) and user files in the same YAML format, into canonical actors in file order. Every
 * problem of the user files is collected, with its file, line and entry, and reported at once.
 */
public final class ActorRegistryFiles {
  /** The shipped registry's classpath resource, next to this class. */
  public static final String SHIPPED_RESOURCE = "sahel-actors.yaml";

  private ActorRegistryFiles() {}

  /** The actors of the shipped registry alone. */
  public static List<CanonicalActor> readShipped() {
    return read(List.of());
  }

  /**
   * The actors of the shipped registry followed by those that user files add, the files read in the
   * order given; a user file may also add aliases, patterns and affiliations to an actor of an
   * earlier file.
   *
   * @throws HarmattanException USER_INPUT listing every problem of the user files at once (file,
   *     line, entry, what was expected)
   */
  public static List<CanonicalActor> read(Collection<Path> userFiles) {
    requireNonNull(userFiles, "userFiles");
    List<String> shippedProblems = new ArrayList<>();
    List<RegistryFileReader.Entry> entries =
        new ArrayList<>(
            new RegistryFileReader(SHIPPED_RESOURCE, shippedProblems).read(shippedBytes()));
    if (!shippedProblems.isEmpty()) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.BAD_SHIPPED_ACTOR_REGISTRY,
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
          ProblemCode.BAD_ACTOR_REGISTRY,
          "the actor registry has "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "; fix the file and run again:\n  "
              + String.join("\n  ", problems));
    }
    return actors;
  }

  private static byte[] shippedBytes() {
    try (InputStream in = ActorRegistryFiles.class.getResourceAsStream(SHIPPED_RESOURCE)) {
      if (in == null) {
        throw new HarmattanException(
            ErrorCategory.INTERNAL,
            ProblemCode.MISSING_SHIPPED_ACTOR_REGISTRY,
            "the shipped actor registry "
                + SHIPPED_RESOURCE
                + " is missing from the classpath; the build is broken");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.UNREADABLE_SHIPPED_ACTOR_REGISTRY,
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
}

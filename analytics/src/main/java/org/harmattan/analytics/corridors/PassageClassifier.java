package org.harmattan.analytics.corridors;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.event.EventType;
import org.harmattan.engine.query.EventPoint;

/**
 * Decides whether an event affects passage on a road, and how.
 *
 * <p>Only battles, explosions/remote violence and violence against civilians count, plus strategic
 * developments for looting and blockades; protests, riots and other types never do (a fuel-shortage
 * protest is a consequence of a blockade, not an event on the road). Keywords are matched in the
 * notes as whole words (or word sequences), ignoring case and accents, in English and French. The
 * first rule that matches gives the category:
 *
 * <ol>
 *   <li>BLOCKADE: "blockade", "blocus" (any counted type).
 *   <li>IED: sub-event type "Remote explosive/landmine/IED", or "IED", "landmine", "mine" (not
 *       "gold mine" nor "mine d'or"), "explosive device", "engin explosif" (violent types only).
 *   <li>AMBUSH: "ambush", "embuscade" (violent types only).
 *   <li>ATTACK_ON_VEHICLES: "convoy", "convoi", "fuel", "carburant", "tanker", "citerne", "truck",
 *       "camion", "lorry", "bus", "vehicle", "véhicule" (violent types only).
 *   <li>CHECKPOINT: "checkpoint", "roadblock", "barrage", "poste de contrôle" (violent types only).
 *   <li>LOOTING: sub-event type "Looting/property destruction" or "looting", "looted", "pillage",
 *       "pillé", together with a road word ("road", "route", "axe", "highway") — looting elsewhere
 *       does not touch passage.
 * </ol>
 *
 * Plural forms are listed with the singular. The reasons of a match name the sub-event type and
 * every keyword found.
 */
public final class PassageClassifier {

  /**
   * The category of a passage-affecting event and why.
   *
   * @param category the first matching rule
   * @param reasons e.g. "sub-event type: Remote explosive/landmine/IED", "keyword: citerne"
   */
  public record Passage(PassageCategory category, List<String> reasons) {
    public Passage {
      java.util.Objects.requireNonNull(category, "category");
      reasons = List.copyOf(reasons);
    }
  }

  private static final Set<EventType> VIOLENT =
      Set.of(
          EventType.BATTLES,
          EventType.EXPLOSIONS_REMOTE_VIOLENCE,
          EventType.VIOLENCE_AGAINST_CIVILIANS);

  private static final String IED_SUB_EVENT = "Remote explosive/landmine/IED";
  private static final String LOOTING_SUB_EVENT = "Looting/property destruction";

  private static final Map<PassageCategory, List<String>> KEYWORDS = new LinkedHashMap<>();
  private static final List<String> ROAD =
      List.of("road", "roads", "route", "routes", "axe", "highway");
  private static final List<String> NOT_MINES =
      List.of("gold mine", "gold mines", "mine d or", "mines d or", "mining");

  static {
    KEYWORDS.put(PassageCategory.BLOCKADE, List.of("blockade", "blockades", "blocus"));
    KEYWORDS.put(
        PassageCategory.IED,
        List.of(
            "ied",
            "ieds",
            "landmine",
            "landmines",
            "mine",
            "mines",
            "explosive device",
            "explosive devices",
            "engin explosif",
            "engins explosifs"));
    KEYWORDS.put(
        PassageCategory.AMBUSH,
        List.of("ambush", "ambushes", "ambushed", "embuscade", "embuscades"));
    KEYWORDS.put(
        PassageCategory.ATTACK_ON_VEHICLES,
        List.of(
            "convoy",
            "convoys",
            "convoi",
            "convois",
            "fuel",
            "carburant",
            "tanker",
            "tankers",
            "citerne",
            "citernes",
            "truck",
            "trucks",
            "camion",
            "camions",
            "lorry",
            "lorries",
            "bus",
            "buses",
            "vehicle",
            "vehicles",
            "vehicule",
            "vehicules"));
    KEYWORDS.put(
        PassageCategory.CHECKPOINT,
        List.of(
            "checkpoint",
            "checkpoints",
            "roadblock",
            "roadblocks",
            "barrage",
            "barrages",
            "poste de controle",
            "postes de controle"));
    KEYWORDS.put(
        PassageCategory.LOOTING, List.of("looting", "looted", "pillage", "pillages", "pille"));
  }

  private PassageClassifier() {}

  /** The event's passage category, or empty when it does not affect passage. */
  public static Optional<Passage> classify(EventPoint e) {
    return classify(e.eventType(), e.subEventType(), e.notes());
  }

  /** The same for raw fields; {@code subEventType} and {@code notes} may be null. */
  public static Optional<Passage> classify(EventType type, String subEventType, String notes) {
    boolean violent = VIOLENT.contains(type);
    if (!violent && type != EventType.STRATEGIC_DEVELOPMENTS) {
      return Optional.empty();
    }
    String sub = subEventType == null ? "" : subEventType.trim();
    String text = " " + String.join(" ", words(notes == null ? "" : notes)) + " ";
    Map<PassageCategory, List<String>> found = new LinkedHashMap<>();
    for (Map.Entry<PassageCategory, List<String>> k : KEYWORDS.entrySet()) {
      List<String> hits = new ArrayList<>();
      for (String w : k.getValue()) {
        if (text.contains(" " + w + " ")) {
          hits.add(w);
        }
      }
      if (k.getKey() == PassageCategory.IED
          && NOT_MINES.stream().anyMatch(n -> text.contains(" " + n + " "))) {
        hits.remove("mine");
        hits.remove("mines");
      }
      found.put(k.getKey(), hits);
    }
    List<String> road = ROAD.stream().filter(w -> text.contains(" " + w + " ")).toList();
    if (!found.get(PassageCategory.BLOCKADE).isEmpty()) {
      return Optional.of(
          passage(PassageCategory.BLOCKADE, null, found.get(PassageCategory.BLOCKADE)));
    }
    if (violent) {
      boolean iedSub = sub.equalsIgnoreCase(IED_SUB_EVENT);
      if (iedSub || !found.get(PassageCategory.IED).isEmpty()) {
        return Optional.of(
            passage(PassageCategory.IED, iedSub ? sub : null, found.get(PassageCategory.IED)));
      }
      for (PassageCategory c :
          List.of(
              PassageCategory.AMBUSH,
              PassageCategory.ATTACK_ON_VEHICLES,
              PassageCategory.CHECKPOINT)) {
        if (!found.get(c).isEmpty()) {
          return Optional.of(passage(c, null, found.get(c)));
        }
      }
    }
    boolean lootSub = sub.equalsIgnoreCase(LOOTING_SUB_EVENT);
    if ((lootSub || !found.get(PassageCategory.LOOTING).isEmpty()) && !road.isEmpty()) {
      List<String> kw = new ArrayList<>(found.get(PassageCategory.LOOTING));
      kw.addAll(road);
      return Optional.of(passage(PassageCategory.LOOTING, lootSub ? sub : null, kw));
    }
    return Optional.empty();
  }

  private static Passage passage(PassageCategory c, String sub, List<String> keywords) {
    List<String> reasons = new ArrayList<>();
    if (sub != null) {
      reasons.add("sub-event type: " + sub);
    }
    for (String k : keywords) {
      reasons.add("keyword: " + k);
    }
    return new Passage(c, reasons);
  }

  /** Lower-case words without accents; apostrophes and hyphens separate words. */
  static List<String> words(String s) {
    String plain =
        Normalizer.normalize(s, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
  }
}

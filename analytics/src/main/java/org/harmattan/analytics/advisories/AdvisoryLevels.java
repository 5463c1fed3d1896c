package org.harmattan.analytics.advisories;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.AdvisoryLevel;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.RegionNote;
import org.harmattan.domain.context.RegionalLevel;

/**
 * Puts each government's advice on the State Department's four levels.
 *
 * <ul>
 *   <li>UK (GOV.UK {@code alert_status}): {@code avoid_all_travel_to_whole_country} 4, {@code
 *       avoid_all_but_essential_travel_to_whole_country} 3, no whole-country code 1 (the FCDO has
 *       no level between "see our advice" and "all but essential"); areas under {@code …_to_parts}
 *       4 or 3.
 *   <li>US: the level in the title, "Level N: …"; areas listed under "Do Not Travel to" 4,
 *       "Reconsider Travel to" 3.
 *   <li>Germany: {@code warning} (Reisewarnung) 4, {@code situationWarning} (von Reisen wird
 *       abgeraten) 3, neither 1; {@code partialWarning} areas 4, {@code situationPartWarning} 3.
 *   <li>France: vert 1, jaune 2, orange 3, rouge 4; the whole country takes the mildest colour
 *       given for "l'ensemble du pays" / "le reste du pays", vert when none is given.
 * </ul>
 *
 * A code of partial advice with no area listed still raises the highest level.
 */
public final class AdvisoryLevels {
  private static final Pattern US_LEVEL = Pattern.compile("(?i)level\\s*([1-4])");

  /** Phrases that tell people in the country to leave, folded to lower case without accents. */
  private static final List<Pattern> LEAVE =
      List.of(
          Pattern.compile("\\bleave (now|immediately|as soon as)[^.\\n]*"),
          Pattern.compile("\\bshould leave\\b[^.\\n]*"),
          Pattern.compile("\\bdepart (immediately|now|as soon as)[^.\\n]*"),
          Pattern.compile("\\bordered departure\\b[^.\\n]*"),
          Pattern.compile("\\bevacuat\\w*[^.\\n]*"),
          Pattern.compile("aufgefordert, das land[^.\\n]*verlassen"),
          Pattern.compile("das land (umgehend |unverzuglich |sofort )?zu verlassen[^.\\n]*"),
          Pattern.compile("\\bquitter (temporairement )?(le pays|le mali|le territoire)[^.\\n]*"),
          Pattern.compile("\\bquitter [^.\\n]*dans les meilleurs delais"));

  private AdvisoryLevels() {}

  public static Advisory normalise(AdvisoryReport r) {
    List<RegionalLevel> regions = new ArrayList<>();
    for (RegionNote n : r.regions()) {
      regions.add(new RegionalLevel(n.region(), regionLevel(n.wording()), n.wording()));
    }
    AdvisoryLevel whole = wholeCountry(r);
    AdvisoryLevel highest = whole;
    for (RegionalLevel rl : regions) {
      highest = AdvisoryLevel.max(highest, rl.level());
    }
    for (String w : r.wording()) {
      Optional<AdvisoryLevel> partial = partialCode(w);
      if (partial.isPresent()) {
        highest = AdvisoryLevel.max(highest, partial.get());
      }
    }
    Optional<String> leave = findLeaveNow(r.text());
    return new Advisory(r, whole, highest, regions, leave.isPresent(), leave.orElse(""));
  }

  /** The first "leave now" / evacuation phrase of {@code text}, as it is written there. */
  public static Optional<String> findLeaveNow(String text) {
    String folded = fold(text);
    int best = -1;
    int end = -1;
    for (Pattern p : LEAVE) {
      Matcher m = p.matcher(folded);
      if (m.find() && (best < 0 || m.start() < best)) {
        best = m.start();
        end = m.end();
      }
    }
    // Folding keeps the length of these scripts' texts, so the positions hold in the original.
    return best < 0 || folded.length() != text.length()
        ? (best < 0 ? Optional.empty() : Optional.of(folded.substring(best, end).strip()))
        : Optional.of(text.substring(best, end).strip());
  }

  private static AdvisoryLevel wholeCountry(AdvisoryReport r) {
    return switch (r.government()) {
      case UK -> {
        if (r.wording().contains("avoid_all_travel_to_whole_country")) {
          yield AdvisoryLevel.DO_NOT_TRAVEL;
        }
        yield r.wording().contains("avoid_all_but_essential_travel_to_whole_country")
            ? AdvisoryLevel.RECONSIDER
            : AdvisoryLevel.NORMAL;
      }
      case US -> {
        for (String w : r.wording()) {
          Matcher m = US_LEVEL.matcher(w);
          if (m.find()) {
            yield AdvisoryLevel.ofRank(Integer.parseInt(m.group(1)));
          }
        }
        yield AdvisoryLevel.NORMAL;
      }
      case DE -> {
        if (r.wording().contains("warning")) {
          yield AdvisoryLevel.DO_NOT_TRAVEL;
        }
        yield r.wording().contains("situationWarning")
            ? AdvisoryLevel.RECONSIDER
            : AdvisoryLevel.NORMAL;
      }
      case FR -> {
        AdvisoryLevel mildest = null;
        for (String w : r.wording()) {
          AdvisoryLevel l = colour(w.substring(0, Math.max(0, w.indexOf(':'))));
          mildest = mildest == null || l.rank() < mildest.rank() ? l : mildest;
        }
        yield mildest == null ? AdvisoryLevel.NORMAL : mildest;
      }
    };
  }

  private static Optional<AdvisoryLevel> partialCode(String w) {
    return switch (w) {
      case "avoid_all_travel_to_parts", "partialWarning" ->
          Optional.of(AdvisoryLevel.DO_NOT_TRAVEL);
      case "avoid_all_but_essential_travel_to_parts", "situationPartWarning" ->
          Optional.of(AdvisoryLevel.RECONSIDER);
      default -> Optional.empty();
    };
  }

  private static AdvisoryLevel regionLevel(String wording) {
    Optional<AdvisoryLevel> code = partialCode(wording);
    if (code.isPresent()) {
      return code.get();
    }
    Matcher m = US_LEVEL.matcher(wording);
    if (m.find()) {
      return AdvisoryLevel.ofRank(Integer.parseInt(m.group(1)));
    }
    return colour(wording);
  }

  private static AdvisoryLevel colour(String c) {
    return switch (c.strip().toLowerCase(Locale.ROOT)) {
      case "rouge" -> AdvisoryLevel.DO_NOT_TRAVEL;
      case "orange" -> AdvisoryLevel.RECONSIDER;
      case "jaune" -> AdvisoryLevel.INCREASED_CAUTION;
      case "vert" -> AdvisoryLevel.NORMAL;
      default ->
          throw new IllegalArgumentException("no level for the advisory wording '" + c + "'");
    };
  }

  static String fold(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      String one = Normalizer.normalize(String.valueOf(s.charAt(i)), Normalizer.Form.NFD);
      b.append(one.isEmpty() ? s.charAt(i) : one.charAt(0));
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}

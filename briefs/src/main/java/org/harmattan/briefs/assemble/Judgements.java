package org.harmattan.briefs.assemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Judgement;
import org.harmattan.briefs.model.Judgement.Verdict;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;

/**
 * The rules that judge each area of a brief from figures already computed: deteriorated, unchanged,
 * improved, or not assessed with the reason, in the language of the texts given. Each rule is
 * stated in {@link #rules} and printed in the method section; each verdict cites the figures it
 * rests on.
 */
public final class Judgements {
  /** A change in deaths of at least this many percent, up or down, is a change of security. */
  public static final double SECURITY_CHANGE_PERCENT = 25;

  /** And the deaths must differ by at least this many: 3 against 5 deaths is not a trend. */
  public static final double SECURITY_MIN_DEATHS_DIFFERENCE = 10;

  /** A change in displaced people of at least this many percent is a humanitarian change. */
  public static final double IDPS_CHANGE_PERCENT = 10;

  /** A corridor status figure's value for "blocked". */
  public static final double CORRIDOR_BLOCKED = 2;

  /**
   * The areas, in the order of the summary's table; each names its texts ({@code
   * brief.area.security}).
   */
  public static final String SECURITY = "security";

  public static final String CAPITAL = "capital";
  public static final String CORRIDORS = "corridors";
  public static final String HUMANITARIAN = "humanitarian";
  public static final String ADVISORIES = "advisories";

  /** Every area, in the order of the summary's table and of the method section's rules. */
  public static final List<String> AREAS =
      List.of(SECURITY, CAPITAL, CORRIDORS, HUMANITARIAN, ADVISORIES);

  /** Every rule, by area, as the method section prints them: the area's name and its rule. */
  public static List<List<String>> rules(Texts texts) {
    List<List<String>> out = new ArrayList<>();
    for (String area : AREAS) {
      out.add(List.of(area(texts, area), rule(texts, area)));
    }
    return out;
  }

  /** The area's name in words: "Security", "Sécurité". */
  public static String area(Texts texts, String area) {
    return texts.t("brief.area." + area);
  }

  /** The area's rule in words. */
  static String rule(Texts texts, String area) {
    return texts.t("brief.rule." + area);
  }

  private Judgements() {}

  /**
   * Security from the window's deaths, the comparison window's and their change (the change figure
   * is null when the comparison window has no deaths).
   */
  public static Judgement security(
      Texts texts, Figure deaths, Figure compareDeaths, Figure change) {
    if (deaths == null || deaths.value() == null) {
      return notAssessed(texts, SECURITY, "brief.judgement.security.no_deaths");
    }
    if (compareDeaths == null || compareDeaths.value() == null) {
      return notAssessed(texts, SECURITY, "brief.judgement.security.no_comparison");
    }
    double now = deaths.getValue();
    double then = compareDeaths.getValue();
    boolean withChange = change != null && change.value() != null;
    List<Inline> basis =
        new ArrayList<>(
            Prose.of(
                texts,
                withChange
                    ? "brief.judgement.security.against_change"
                    : "brief.judgement.security.against",
                Inline.figure(deaths.id()),
                Inline.figure(compareDeaths.id()),
                withChange ? Inline.figure(change.id()) : List.of()));
    Verdict v = Verdict.UNCHANGED;
    if (Math.abs(now - then) >= SECURITY_MIN_DEATHS_DIFFERENCE) {
      // Percent of the comparison window; with none there, any rise of 10 or more counts.
      double percent = then == 0 ? Double.POSITIVE_INFINITY : 100 * (now - then) / then;
      if (percent >= SECURITY_CHANGE_PERCENT) {
        v = Verdict.DETERIORATED;
      } else if (percent <= -SECURITY_CHANGE_PERCENT) {
        v = Verdict.IMPROVED;
      }
    } else {
      basis.addAll(Prose.of(texts, "brief.judgement.security.few_apart"));
    }
    return judgement(texts, SECURITY, v, basis);
  }

  /**
   * The capital from the first-incursion figures of armed opposition groups and militias.
   *
   * @param hasCapital whether the country has a profile naming its capital
   * @param incursions the first-incursion figures within 50 or 100 km of those actors
   * @param within100 the figure of political-violence events within 100 km, or null
   */
  public static Judgement capital(
      Texts texts, boolean hasCapital, List<Figure> incursions, Figure within100) {
    if (!hasCapital) {
      return notAssessed(texts, CAPITAL, "brief.judgement.capital.no_profile");
    }
    List<Inline> basis = new ArrayList<>();
    if (incursions.isEmpty()) {
      basis.addAll(
          within100 == null
              ? Prose.of(texts, "brief.judgement.capital.no_incursion")
              : Prose.of(
                  texts,
                  "brief.judgement.capital.no_incursion_within",
                  Inline.figure(within100.id())));
      return judgement(texts, CAPITAL, Verdict.UNCHANGED, basis);
    }
    // By ring (the ids name it: capital.first_incursion_km.<radius>.<actor>), nearest ring first:
    // "within 50 km at 0 km; within 100 km at 0 km", not a list of bare distances.
    Map<Integer, List<Figure>> byRing = new TreeMap<>();
    for (Figure f : incursions) {
      byRing.computeIfAbsent(ringOf(f), k -> new ArrayList<>()).add(f);
    }
    List<Inline> rings = new ArrayList<>();
    for (Map.Entry<Integer, List<Figure>> ring : byRing.entrySet()) {
      List<Inline> at = new ArrayList<>();
      for (int i = 0; i < ring.getValue().size(); i++) {
        if (i > 0) {
          at.add(Inline.text(", "));
        }
        at.add(Inline.figure(ring.getValue().get(i).id()));
      }
      rings.addAll(
          Prose.of(
              texts,
              rings.isEmpty()
                  ? "brief.judgement.capital.ring"
                  : "brief.judgement.capital.next_ring",
              Integer.toString(ring.getKey()),
              at));
    }
    basis.addAll(Prose.of(texts, "brief.judgement.capital.incursion", rings));
    return judgement(texts, CAPITAL, Verdict.DETERIORATED, basis);
  }

  /**
   * The ring of a first-incursion figure, from its id ({@code capital.first_incursion_km.50.x}).
   */
  private static int ringOf(Figure incursion) {
    String[] parts = incursion.id().split("\\.", 4);
    try {
      return Integer.parseInt(parts[2]);
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalArgumentException("not a first-incursion figure: " + incursion.id(), e);
    }
  }

  /**
   * The supply corridors from their status figures (0 open, 1 disrupted, 2 blocked).
   *
   * @param roads whether a road graph was given
   * @param statuses each corridor's status figure
   */
  public static Judgement corridors(Texts texts, boolean roads, List<Figure> statuses) {
    if (!roads) {
      return notAssessed(texts, CORRIDORS, "brief.judgement.corridors.no_roads");
    }
    if (statuses.isEmpty()) {
      return notAssessed(texts, CORRIDORS, "brief.judgement.corridors.none");
    }
    List<Inline> basis = new ArrayList<>();
    boolean blocked = false;
    for (int i = 0; i < statuses.size(); i++) {
      Figure f = statuses.get(i);
      blocked |= f.value() != null && f.getValue() >= CORRIDOR_BLOCKED;
      if (i > 0) {
        basis.add(Inline.text(", "));
      }
      basis.add(Inline.figure(f.id()));
    }
    return judgement(texts, CORRIDORS, blocked ? Verdict.DETERIORATED : Verdict.UNCHANGED, basis);
  }

  /**
   * The humanitarian picture from the change in displaced people between two DTM rounds.
   *
   * @param idps the latest count of displaced people, or empty
   * @param changePercent the change in percent against the round before, or empty
   */
  public static Judgement humanitarian(
      Texts texts, Optional<Figure> idps, Optional<Figure> changePercent) {
    if (changePercent.isEmpty() || changePercent.get().value() == null) {
      return notAssessed(
          texts,
          HUMANITARIAN,
          idps.isPresent()
              ? "brief.judgement.humanitarian.one_round"
              : "brief.judgement.humanitarian.no_round");
    }
    Figure change = changePercent.get();
    double percent = change.getValue();
    Verdict v =
        percent >= IDPS_CHANGE_PERCENT
            ? Verdict.DETERIORATED
            : percent <= -IDPS_CHANGE_PERCENT ? Verdict.IMPROVED : Verdict.UNCHANGED;
    List<Inline> basis =
        idps.isPresent()
            ? Prose.of(
                texts,
                "brief.judgement.humanitarian.displaced",
                Inline.figure(idps.get().id()),
                Inline.figure(change.id()))
            : Prose.of(texts, "brief.judgement.humanitarian.change", Inline.figure(change.id()));
    return judgement(texts, HUMANITARIAN, v, basis);
  }

  /**
   * Travel advisories from the changes detected in the window.
   *
   * @param given whether advisory snapshots were given
   * @param changes the figure counting the window's changes, or null
   * @param raised how many of them raised a level or called on nationals to leave
   * @param lowered how many lowered a level
   */
  public static Judgement advisories(
      Texts texts, boolean given, Figure changes, int raised, int lowered) {
    if (!given || changes == null) {
      return notAssessed(texts, ADVISORIES, "brief.judgement.advisories.none");
    }
    Verdict v =
        raised > 0 ? Verdict.DETERIORATED : lowered > 0 ? Verdict.IMPROVED : Verdict.UNCHANGED;
    List<Inline> basis =
        Prose.of(
            texts,
            raised > 0
                ? "brief.judgement.advisories.raised"
                : lowered > 0
                    ? "brief.judgement.advisories.lowered"
                    : "brief.judgement.advisories.unchanged",
            Inline.figure(changes.id()));
    return judgement(texts, ADVISORIES, v, basis);
  }

  private static Judgement judgement(Texts texts, String area, Verdict v, List<Inline> basis) {
    return new Judgement(area(texts, area), v, basis, rule(texts, area));
  }

  private static Judgement notAssessed(Texts texts, String area, String whyKey) {
    return judgement(texts, area, Verdict.NOT_ASSESSED, Prose.of(texts, whyKey));
  }
}

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

/**
 * The rules that judge each area of a brief from figures already computed: deteriorated, unchanged,
 * improved, or not assessed with the reason. Each rule is stated in {@link #RULES} and printed in
 * the method section; each verdict cites the figures it rests on.
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

  /** Area names, in the order of the summary's table. */
  public static final String SECURITY = "Security";

  public static final String CAPITAL = "Capital";
  public static final String CORRIDORS = "Corridors";
  public static final String HUMANITARIAN = "Humanitarian";
  public static final String ADVISORIES = "Advisories";

  static final String SECURITY_RULE =
      "deaths against the comparison window: deteriorated at +25 % or more, improved at −25 % or"
          + " less, if the counts also differ by at least 10 deaths; unchanged otherwise";
  static final String CAPITAL_RULE =
      "deteriorated when an armed opposition group or militia (registry types) made a first"
          + " incursion within 50 or 100 km of the capital in the window after 12 months without;"
          + " unchanged otherwise (the capital figures have no comparison window, so an"
          + " improvement is not shown)";
  static final String CORRIDORS_RULE =
      "deteriorated when a corridor is blocked at the end of the window (3 or more"
          + " passage-affecting events, or a blockade, in its last 30 days); unchanged otherwise"
          + " (the status describes the end of the window only, so an improvement is not shown)";
  static final String HUMANITARIAN_RULE =
      "internally displaced people between the two latest IOM DTM rounds: deteriorated at +10 % or"
          + " more, improved at −10 % or less, unchanged otherwise";
  static final String ADVISORIES_RULE =
      "deteriorated when a government raised its level or called on its nationals to leave in the"
          + " window, improved when levels were only lowered, unchanged when no level changed";

  /** Every rule, by area, as the method section prints them. */
  public static final List<List<String>> RULES =
      List.of(
          List.of(SECURITY, SECURITY_RULE),
          List.of(CAPITAL, CAPITAL_RULE),
          List.of(CORRIDORS, CORRIDORS_RULE),
          List.of(HUMANITARIAN, HUMANITARIAN_RULE),
          List.of(ADVISORIES, ADVISORIES_RULE));

  private Judgements() {}

  /**
   * Security from the window's deaths, the comparison window's and their change (the change figure
   * is null when the comparison window has no deaths).
   */
  public static Judgement security(Figure deaths, Figure compareDeaths, Figure change) {
    if (deaths == null || deaths.value() == null) {
      return notAssessed(SECURITY, "no death count for the window", SECURITY_RULE);
    }
    if (compareDeaths == null || compareDeaths.value() == null) {
      return notAssessed(SECURITY, "no comparison window (--compare)", SECURITY_RULE);
    }
    double now = deaths.getValue();
    double then = compareDeaths.getValue();
    List<Inline> basis = new ArrayList<>();
    basis.add(Inline.figure(deaths.id()));
    basis.add(Inline.text(" against "));
    basis.add(Inline.figure(compareDeaths.id()));
    if (change != null && change.value() != null) {
      basis.add(Inline.text(" ("));
      basis.add(Inline.figure(change.id()));
      basis.add(Inline.text(")"));
    }
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
      basis.add(Inline.text(": fewer than 10 deaths apart"));
    }
    return new Judgement(SECURITY, v, basis, SECURITY_RULE);
  }

  /**
   * The capital from the first-incursion figures of armed opposition groups and militias.
   *
   * @param hasCapital whether the country has a profile naming its capital
   * @param incursions the first-incursion figures within 50 or 100 km of those actors
   * @param within100 the figure of political-violence events within 100 km, or null
   */
  public static Judgement capital(boolean hasCapital, List<Figure> incursions, Figure within100) {
    if (!hasCapital) {
      return notAssessed(CAPITAL, "no country profile names the capital", CAPITAL_RULE);
    }
    List<Inline> basis = new ArrayList<>();
    if (incursions.isEmpty()) {
      basis.add(Inline.text("no first incursion of an armed group within 100 km"));
      if (within100 != null) {
        basis.add(Inline.text("; political violence naming an armed group within 100 km: "));
        basis.add(Inline.figure(within100.id()));
      }
      return new Judgement(CAPITAL, Verdict.UNCHANGED, basis, CAPITAL_RULE);
    }
    // By ring (the ids name it: capital.first_incursion_km.<radius>.<actor>), nearest ring first:
    // "within 50 km at 0 km; within 100 km at 0 km", not a list of bare distances.
    Map<Integer, List<Figure>> byRing = new TreeMap<>();
    for (Figure f : incursions) {
      byRing.computeIfAbsent(ringOf(f), k -> new ArrayList<>()).add(f);
    }
    basis.add(Inline.text("first incursion of an armed group"));
    String before = " ";
    for (Map.Entry<Integer, List<Figure>> ring : byRing.entrySet()) {
      basis.add(Inline.text(before + "within " + ring.getKey() + " km at "));
      for (int i = 0; i < ring.getValue().size(); i++) {
        if (i > 0) {
          basis.add(Inline.text(", "));
        }
        basis.add(Inline.figure(ring.getValue().get(i).id()));
      }
      before = "; ";
    }
    return new Judgement(CAPITAL, Verdict.DETERIORATED, basis, CAPITAL_RULE);
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
  public static Judgement corridors(boolean roads, List<Figure> statuses) {
    if (!roads) {
      return notAssessed(CORRIDORS, "no road graph given (--roads)", CORRIDORS_RULE);
    }
    if (statuses.isEmpty()) {
      return notAssessed(
          CORRIDORS, "the country profile names no corridor on the road graph", CORRIDORS_RULE);
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
    return new Judgement(
        CORRIDORS, blocked ? Verdict.DETERIORATED : Verdict.UNCHANGED, basis, CORRIDORS_RULE);
  }

  /**
   * The humanitarian picture from the change in displaced people between two DTM rounds.
   *
   * @param idps the latest count of displaced people, or empty
   * @param changePercent the change in percent against the round before, or empty
   */
  public static Judgement humanitarian(Optional<Figure> idps, Optional<Figure> changePercent) {
    if (changePercent.isEmpty() || changePercent.get().value() == null) {
      return notAssessed(
          HUMANITARIAN,
          idps.isPresent()
              ? "one IOM DTM round only: no change of displacement to judge"
              : "no IOM DTM round in the store for the window",
          HUMANITARIAN_RULE);
    }
    Figure change = changePercent.get();
    double percent = change.getValue();
    Verdict v =
        percent >= IDPS_CHANGE_PERCENT
            ? Verdict.DETERIORATED
            : percent <= -IDPS_CHANGE_PERCENT ? Verdict.IMPROVED : Verdict.UNCHANGED;
    List<Inline> basis = new ArrayList<>();
    idps.ifPresent(
        f -> {
          basis.add(Inline.figure(f.id()));
          basis.add(Inline.text(" displaced, "));
        });
    basis.add(Inline.figure(change.id()));
    basis.add(Inline.text(" against the round before"));
    return new Judgement(HUMANITARIAN, v, basis, HUMANITARIAN_RULE);
  }

  /**
   * Travel advisories from the changes detected in the window.
   *
   * @param given whether advisory snapshots were given
   * @param changes the figure counting the window's changes, or null
   * @param raised how many of them raised a level or called on nationals to leave
   * @param lowered how many lowered a level
   */
  public static Judgement advisories(boolean given, Figure changes, int raised, int lowered) {
    if (!given || changes == null) {
      return notAssessed(ADVISORIES, "no advisory snapshots given (--advisories)", ADVISORIES_RULE);
    }
    Verdict v =
        raised > 0 ? Verdict.DETERIORATED : lowered > 0 ? Verdict.IMPROVED : Verdict.UNCHANGED;
    List<Inline> basis = new ArrayList<>();
    basis.add(Inline.figure(changes.id()));
    basis.add(
        Inline.text(
            raised > 0
                ? " in the window, a level raised or a call to leave among them"
                : lowered > 0
                    ? " in the window, levels only lowered"
                    : " in the window, no level changed"));
    return new Judgement(ADVISORIES, v, basis, ADVISORIES_RULE);
  }

  private static Judgement notAssessed(String area, String why, String rule) {
    return new Judgement(area, Verdict.NOT_ASSESSED, List.of(Inline.text(why)), rule);
  }
}

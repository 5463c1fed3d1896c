package org.harmattan.briefs.assemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.humanitarian.HumanitarianIndicators;
import org.harmattan.analytics.influence.TerritorialInfluence;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.figure.Figure;

/**
 * One-line summaries of the spatial and context sections for the key figures: how close, which
 * roads, how many people in need, what governments advise. Each cites the figures of its section.
 */
public final class Headlines {
  private Headlines() {}

  /**
   * "Political violence naming a non-state armed group came within 11 km of Bamako; 54 such events
   * within 50 km."
   */
  public static List<Inline> capital(CapitalAdvance c) {
    Map<String, Figure> figures = new HashMap<>();
    for (Figure f : c.listFigures()) {
      figures.put(f.id(), f);
    }
    Prose p = CapitalSection.approach(c, figures);
    if (figures.get(c.armedNearest()).findValue().isEmpty()) {
      return p.text(".").build();
    }
    return p.text("; ")
        .fig(c.within(CapitalAdvance.Group.ARMED_GROUPS).get(0))
        .text(" naming one within 50 km.")
        .build();
  }

  /** "Supply corridors: Dakar corridor (…) blocked (index 95/100); …" */
  public static List<Inline> corridors(CorridorReport r) {
    Prose p = Prose.start().text("Supply corridors: ");
    List<CorridorReport.CorridorResult> all = r.corridors();
    for (int i = 0; i < all.size(); i++) {
      CorridorReport.CorridorResult c = all.get(i);
      p.text((i == 0 ? "" : "; ") + c.corridor().spec().name() + " ")
          .fig(c.statusFigure())
          .text(" (blockade index ")
          .fig(c.blockadeIndexFigure())
          .text(")");
    }
    return p.text(".").build();
  }

  /** "Most active armed actor: JNIM, in 100 cells, dominating 4; 30 territory transfers." */
  public static List<Inline> influence(TerritorialInfluence r) {
    if (r.listActors().isEmpty()) {
      return List.of();
    }
    TerritorialInfluence.ActorInfluence top = r.listActors().get(0);
    Prose p =
        Prose.start()
            .text("Most active armed actor: " + top.actor().name() + ", in ")
            .fig(top.cellsFigure())
            .text(", leading ")
            .fig(top.dominantCellsFigure())
            .text(" by a clear majority");
    r.findFigure("territory.transfers")
        .ifPresent(t -> p.text("; territory changed hands in ").fig(t.id()));
    return p.text(" (activity is not control).").build();
  }

  /** People in need and their share, and displaced people, where the store has them. */
  public static List<List<Inline>> humanitarian(HumanitarianIndicators h) {
    List<List<Inline>> out = new ArrayList<>();
    h.findFigure("humanitarian.people_in_need")
        .ifPresent(
            pin -> {
              Prose p = Prose.start().text("People in need: ").fig(pin.id());
              h.findFigure("humanitarian.people_in_need.share")
                  .filter(s -> s.value() != null)
                  .ifPresent(s -> p.text(", ").fig(s.id()).text(" of the population"));
              out.add(p.text(" (" + edition(pin) + ").").build());
            });
    h.findFigure("humanitarian.idps")
        .ifPresent(
            idps ->
                out.add(
                    Prose.start()
                        .text("Internally displaced: ")
                        .fig(idps.id())
                        .text(" (" + edition(idps) + ").")
                        .build()));
    return out;
  }

  /** "Travel advice: United Kingdom level 4 (tells people to leave); …" */
  public static List<Inline> advisories(AdvisoryPicture picture) {
    Prose p = Prose.start().text("Travel advice: ");
    List<Advisory> current = picture.current();
    for (int i = 0; i < current.size(); i++) {
      Advisory a = current.get(i);
      p.text((i == 0 ? "" : "; ") + a.government().label() + " ")
          .fig(AdvisorySection.levelId(a))
          .text(a.leaveNow() ? " (tells people in the country to leave)" : "");
    }
    return p.text(".").build();
  }

  private static String edition(Figure f) {
    String e = f.filters().get("edition");
    String of =
        f.vintage() == null
            ? ""
            : "data of " + org.harmattan.briefs.render.FigureFormat.ENGLISH.day(f.vintage());
    return e == null ? of : of.isEmpty() ? e : e + ", " + of;
  }
}

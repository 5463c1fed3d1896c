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
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * One-line summaries of the spatial and context sections for the key figures: how close, which
 * roads, how many people in need, what governments advise, in the brief's language. Each cites the
 * figures of its section.
 */
public final class Headlines {
  private Headlines() {}

  /**
   * "Political violence naming a non-state armed group came within 11 km of Bamako; 54 such events
   * within 50 km."
   */
  public static List<Inline> capital(Language language, CapitalAdvance c) {
    Map<String, Figure> figures = new HashMap<>();
    for (Figure f : c.listFigures()) {
      figures.put(f.id(), f);
    }
    Prose p = CapitalSection.approach(c, figures);
    if (figures.get(c.armedNearest()).findValue().isEmpty()) {
      return p.text(".").build();
    }
    return p.t(
            BriefTexts.of(language),
            "brief.headline.capital.within_50",
            Inline.figure(c.within(CapitalAdvance.Group.ARMED_GROUPS).get(0)))
        .build();
  }

  /** "Supply corridors: Dakar corridor (…) blocked (index 95/100); …" */
  public static List<Inline> corridors(Language language, CorridorReport r) {
    Texts texts = BriefTexts.of(language);
    List<Inline> each = new ArrayList<>();
    List<CorridorReport.CorridorResult> all = r.corridors();
    for (int i = 0; i < all.size(); i++) {
      CorridorReport.CorridorResult c = all.get(i);
      each.addAll(
          Prose.of(
              texts,
              i == 0 ? "brief.headline.corridor" : "brief.headline.next_corridor",
              c.corridor().spec().name(),
              Inline.figure(c.statusFigure()),
              Inline.figure(c.blockadeIndexFigure())));
    }
    return Prose.of(texts, "brief.headline.corridors", each);
  }

  /** "Most active armed actor: JNIM, in 100 cells, dominating 4; 30 territory transfers." */
  public static List<Inline> influence(Language language, TerritorialInfluence r) {
    if (r.listActors().isEmpty()) {
      return List.of();
    }
    Texts texts = BriefTexts.of(language);
    TerritorialInfluence.ActorInfluence top = r.listActors().get(0);
    List<Inline> transfers =
        r.findFigure("territory.transfers")
            .map(t -> Prose.of(texts, "brief.headline.influence.transfers", Inline.figure(t.id())))
            .orElse(List.of());
    return Prose.of(
        texts,
        "brief.headline.influence",
        top.actor().name(),
        Inline.figure(top.cellsFigure()),
        Inline.figure(top.dominantCellsFigure()),
        transfers);
  }

  /** People in need and their share, and displaced people, where the store has them. */
  public static List<List<Inline>> humanitarian(Language language, HumanitarianIndicators h) {
    Texts texts = BriefTexts.of(language);
    List<List<Inline>> out = new ArrayList<>();
    h.findFigure("humanitarian.people_in_need")
        .ifPresent(
            pin -> {
              List<Inline> share =
                  h.findFigure("humanitarian.people_in_need.share")
                      .filter(s -> s.value() != null)
                      .map(
                          s ->
                              Prose.of(
                                  texts,
                                  "brief.headline.people_in_need.share",
                                  Inline.figure(s.id())))
                      .orElse(List.of());
              out.add(
                  Prose.of(
                      texts,
                      "brief.headline.people_in_need",
                      Inline.figure(pin.id()),
                      share,
                      edition(texts, pin)));
            });
    h.findFigure("humanitarian.idps")
        .ifPresent(
            idps ->
                out.add(
                    Prose.of(
                        texts,
                        "brief.headline.idps",
                        Inline.figure(idps.id()),
                        edition(texts, idps))));
    return out;
  }

  /** "Travel advice: United Kingdom level 4 (tells people to leave); …" */
  public static List<Inline> advisories(Language language, AdvisoryPicture picture) {
    Texts texts = BriefTexts.of(language);
    List<Inline> each = new ArrayList<>();
    List<Advisory> current = picture.current();
    for (int i = 0; i < current.size(); i++) {
      Advisory a = current.get(i);
      each.addAll(
          Prose.of(
              texts,
              "brief.headline."
                  + (i == 0 ? "advisory" : "next_advisory")
                  + (a.leaveNow() ? ".leave" : ""),
              a.government().label(),
              Inline.figure(AdvisorySection.levelId(a))));
    }
    return Prose.of(texts, "brief.headline.advisories", each);
  }

  private static String edition(Texts texts, Figure f) {
    String e = f.filters().get("edition");
    String of =
        f.vintage() == null ? "" : texts.t("brief.headline.data_of", texts.day(f.vintage()));
    return e == null ? of : of.isEmpty() ? e : e + ", " + of;
  }
}

package org.harmattan.briefs.assemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;
import org.harmattan.domain.text.Vocabulary;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.reference.profile.CountryProfile;

/**
 * The brief's section on the capital: how close non-state armed groups came, with the events of
 * state forces and others counted apart; per armed group its events, nearest approach, median
 * distance, rings, monthly trend and first incursions; a chart of each group's monthly median
 * distance and a map of the window's events around the capital by event type.
 */
final class CapitalSection {
  private CapitalSection() {}

  /**
   * The section on the capital with, when {@code base} is given, a map of the window's
   * political-violence events by type around the capital with its 50, 100 and 200 km rings.
   *
   * @param base the country's base layers ({@link BaseMaps#of}), or null for no map
   */
  static Section build(CapitalAdvance c, BaseMaps.Base base) {
    Texts texts = BriefTexts.of(c.language());
    Map<String, Figure> figures = new HashMap<>();
    for (Figure f : c.listFigures()) {
      figures.put(f.id(), f);
    }
    String city = c.capital().name();
    List<Block> blocks = new ArrayList<>();
    Prose intro = approach(c, figures).text(".");
    if (figures.get(c.armedNearest()).findValue().isPresent()) {
      intro
          .text(" ")
          .t(
              texts,
              "capital.rings_armed",
              rings(texts, c.within(CapitalAdvance.Group.ARMED_GROUPS)));
    }
    blocks.add(new Block.Paragraph(intro.build()));
    List<Inline> state = slashed(c.within(CapitalAdvance.Group.STATE_FORCES));
    List<Inline> other = slashed(c.within(CapitalAdvance.Group.OTHER));
    List<Inline> all = slashed(c.within());
    List<Inline> apart =
        figures.get(c.nearest()).findValue().isPresent()
            ? Prose.of(
                texts, "capital.apart_nearest", state, other, all, Inline.figure(c.nearest()), city)
            : Prose.of(texts, "capital.apart", state, other, all);
    blocks.add(new Block.Paragraph(apart));
    if (base != null) {
      blocks.add(new Block.Map(capitalMap(c, base, texts)));
    }
    List<List<Inline>> items = new ArrayList<>();
    List<Block.Series> series = new ArrayList<>();
    for (CapitalAdvance.ActorAdvance a : c.actors()) {
      Prose pr =
          Prose.start()
              .t(
                  texts,
                  "capital.actor",
                  a.actor().name(),
                  Inline.figure(a.events()),
                  Inline.figure(a.nearest()),
                  Inline.figure(a.median()),
                  Inline.number(a.within().get(0)),
                  Inline.number(a.within().get(1)),
                  Inline.number(a.within().get(2)));
      if (a.trend() != null) {
        Figure t = figures.get(a.trend());
        pr.t(
            texts,
            t.getValue() < 0 ? "capital.actor.trend_negative" : "capital.actor.trend",
            Inline.figure(a.trend()),
            Inline.figure(a.trendLow()),
            Inline.figure(a.trendHigh()));
      }
      for (String inc : a.incursions()) {
        // "First event within 200 km of Bamako (JNIM) after …" continues the actor's line.
        String label = figures.get(inc).label().replace(" (" + a.actor().name() + ")", "");
        pr.t(
            texts,
            "capital.actor.incursion",
            Character.toLowerCase(label.charAt(0)) + label.substring(1),
            Inline.figure(inc));
      }
      items.add(pr.text(".").build());
      List<Block.Point> points = new ArrayList<>();
      a.monthlyMedian()
          .forEach((month, id) -> points.add(new Block.Point(month.atDay(1).toString(), id)));
      if (points.size() >= 2) {
        series.add(new Block.Series(a.actor().name(), points));
      }
    }
    if (items.isEmpty()) {
      items.add(List.of(Inline.text(texts.t("capital.no_actor"))));
    } else {
      // Which role an actor's count counts: any, unlike the security section's initiators.
      blocks.add(new Block.Paragraph(List.of(Inline.text(texts.t("capital.by_actor")))));
    }
    blocks.add(new Block.Bullets(items));
    if (!series.isEmpty()) {
      blocks.add(
          new Block.Chart(
              "distance-to-capital",
              Block.Kind.LINE,
              texts.t("capital.chart.title", city),
              texts.t("capital.chart.axis", city),
              series));
    }
    return new Section("capital", texts.t("capital.title", city), blocks);
  }

  /**
   * How close non-state armed groups came: "Non-state armed groups came within 11 km of Bamako"; "…
   * reached Bamako itself (0.3 km from its reference point)" when closer than a kilometre; a plain
   * statement when none was active, with the approach of political violence of any actor. The
   * sentence is left open: the caller ends or continues it. In the language of {@code c}'s request.
   */
  static Prose approach(CapitalAdvance c, Map<String, Figure> figures) {
    Texts texts = BriefTexts.of(c.language());
    String city = c.capital().name();
    Figure armed = figures.get(c.armedNearest());
    if (armed.findValue().isEmpty()) {
      if (figures.get(c.nearest()).findValue().isPresent()) {
        return Prose.start()
            .t(texts, "capital.approach.none_any", Inline.figure(c.nearest()), city);
      }
      return Prose.start().t(texts, "capital.approach.none");
    }
    if (armed.getValue() < 1.0) {
      return Prose.start()
          .t(texts, "capital.approach.reached", city, Inline.figure(c.armedNearest()));
    }
    return Prose.start().t(texts, "capital.approach.within", Inline.figure(c.armedNearest()), city);
  }

  /** "5, 5 and 13" ("5, 5 et 13"): a group's ring counts, as bare numbers in words. */
  private static List<Inline> rings(Texts texts, List<String> ids) {
    return Prose.of(
        texts,
        "capital.rings",
        Inline.number(ids.get(0)),
        Inline.number(ids.get(1)),
        Inline.number(ids.get(2)));
  }

  /** "5 / 5 / 13": a group's ring counts, as bare numbers. */
  private static List<Inline> slashed(List<String> ids) {
    Prose p = Prose.start();
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        p.text(" / ");
      }
      p.num(ids.get(i));
    }
    return p.build();
  }

  /** Events by type around the capital, its rings, on the country's base layers. */
  private static MapView capitalMap(CapitalAdvance c, BaseMaps.Base base, Texts texts) {
    CountryProfile.NamedPlace cap = c.capital();
    int outer = CapitalAdvance.RADII_KM.get(CapitalAdvance.RADII_KM.size() - 1);
    List<MapView.Marker> events = new ArrayList<>();
    // The map is a square of 1.5 times the outer ring each way from the capital: the events of
    // the circle through its corners, and a little more for markers on its edges.
    c.listWindowEvents(outer * 1.5 * Math.sqrt(2) * 1.05).stream()
        .sorted(Comparator.comparing(EventPoint::date).thenComparing(EventPoint::id))
        .forEach(
            e ->
                events.add(
                    new MapView.Marker(
                        texts.t(
                            "capital.map.marker",
                            e.date() + (e.location() == null ? "" : ", " + e.location()),
                            Vocabulary.eventType(texts.language(), e.eventType())),
                        e.eventType().label(),
                        BaseMaps.lonLat(e.longitude(), e.latitude()))));
    MapView.LonLat centre = BaseMaps.lonLat(cap.longitude(), cap.latitude());
    List<MapView.Layer> layers =
        base.with(
            List.of(
                new MapView.Rings(
                    texts.t("capital.map.rings", cap.name()),
                    centre,
                    CapitalAdvance.RADII_KM.stream().map(Integer::doubleValue).toList()),
                new MapView.Points(texts.t("capital.map.events"), events),
                new MapView.Points(
                    cap.name(), List.of(new MapView.Marker(cap.name(), "capital", centre)))));
    return new MapView(
        "capital-events",
        texts.t("capital.map.caption", cap.name()),
        BaseMaps.around(cap.latitude(), cap.longitude(), outer * 1.5),
        layers);
  }
}

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
import org.harmattan.domain.figure.Figure;
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
    Map<String, Figure> figures = new HashMap<>();
    for (Figure f : c.listFigures()) {
      figures.put(f.id(), f);
    }
    String city = c.capital().name();
    List<Block> blocks = new ArrayList<>();
    Prose intro = approach(c, figures).text(".");
    if (figures.get(c.armedNearest()).findValue().isPresent()) {
      intro.text(
          " Events naming a non-state armed group (in any role) within 50, 100 and 200 km of the"
              + " city: ");
      rings(intro, c.within(CapitalAdvance.Group.ARMED_GROUPS), true).text(".");
    }
    blocks.add(new Block.Paragraph(intro.build()));
    Prose apart =
        Prose.start()
            .text(
                "Counted apart, within 50 / 100 / 200 km: events of state or foreign forces naming"
                    + " no non-state armed group, ");
    rings(apart, c.within(CapitalAdvance.Group.STATE_FORCES), false)
        .text(
            "; other political violence (actors the registry classes as neither, or does not"
                + " know), ");
    rings(apart, c.within(CapitalAdvance.Group.OTHER), false)
        .text("; all political violence, any actor, ");
    rings(apart, c.within(), false);
    if (figures.get(c.nearest()).findValue().isPresent()) {
      apart.text(", the nearest ").fig(c.nearest()).text(" from " + city);
    }
    blocks.add(new Block.Paragraph(apart.text(".").build()));
    if (base != null) {
      blocks.add(new Block.Map(capitalMap(c, base)));
    }
    List<List<Inline>> items = new ArrayList<>();
    List<Block.Series> series = new ArrayList<>();
    for (CapitalAdvance.ActorAdvance a : c.actors()) {
      Prose pr =
          Prose.start()
              .text(a.actor().name() + ": ")
              .fig(a.events())
              .text("; nearest approach ")
              .fig(a.nearest())
              .text(", median distance ")
              .fig(a.median())
              .text("; within 50/100/200 km: ")
              .num(a.within().get(0))
              .text(" / ")
              .num(a.within().get(1))
              .text(" / ")
              .num(a.within().get(2));
      if (a.trend() != null) {
        Figure t = figures.get(a.trend());
        pr.text("; monthly median distance changing by ")
            .fig(a.trend())
            .text(" (95 % confidence interval ")
            .fig(a.trendLow())
            .text(" to ")
            .fig(a.trendHigh())
            .text(t.getValue() < 0 ? "; negative: closer to the capital)" : ")");
      }
      for (String inc : a.incursions()) {
        // "First event within 200 km of Bamako (JNIM) after …" continues the actor's line.
        String label = figures.get(inc).label().replace(" (" + a.actor().name() + ")", "");
        pr.text("; " + Character.toLowerCase(label.charAt(0)) + label.substring(1) + ", at ")
            .fig(inc);
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
      items.add(
          List.of(
              Inline.text("No non-state armed group of the registry was active in the window.")));
    } else {
      // Which role an actor's count counts: any, unlike the security section's initiators.
      blocks.add(
          new Block.Paragraph(
              List.of(
                  Inline.text(
                      "By non-state armed group of the registry, counting the political-violence"
                          + " events that name it in any role (initiator, other party or"
                          + " associate):"))));
    }
    blocks.add(new Block.Bullets(items));
    if (!series.isEmpty()) {
      blocks.add(
          new Block.Chart(
              "distance-to-capital",
              Block.Kind.LINE,
              "Median monthly distance to " + city + " of each armed group's political violence",
              "km from " + city,
              series));
    }
    return new Section("capital", "The capital: " + city, blocks);
  }

  /**
   * How close non-state armed groups came: "Non-state armed groups came within 11 km of Bamako"; "…
   * reached Bamako itself (0.3 km from its reference point)" when closer than a kilometre; a plain
   * statement when none was active, with the approach of political violence of any actor. The
   * sentence is left open: the caller ends or continues it.
   */
  static Prose approach(CapitalAdvance c, Map<String, Figure> figures) {
    String city = c.capital().name();
    Figure armed = figures.get(c.armedNearest());
    if (armed.findValue().isEmpty()) {
      Prose p =
          Prose.start()
              .text("No political-violence event in the window named a non-state armed group");
      if (figures.get(c.nearest()).findValue().isPresent()) {
        p.text("; political violence of any actor came within ")
            .fig(c.nearest())
            .text(" of " + city);
      }
      return p;
    }
    if (armed.getValue() < 1.0) {
      return Prose.start()
          .text("Political violence naming a non-state armed group reached " + city + " itself (")
          .fig(c.armedNearest())
          .text(" from the city's reference point)");
    }
    return Prose.start()
        .text("Political violence naming a non-state armed group came within ")
        .fig(c.armedNearest())
        .text(" of " + city);
  }

  /** "5, 5 and 13" (or "5 / 5 / 13"): a group's ring counts, as bare numbers. */
  private static Prose rings(Prose p, List<String> ids, boolean words) {
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        p.text(words ? (i == ids.size() - 1 ? " and " : ", ") : " / ");
      }
      p.num(ids.get(i));
    }
    return p;
  }

  /** Events by type around the capital, its rings, on the country's base layers. */
  private static MapView capitalMap(CapitalAdvance c, BaseMaps.Base base) {
    CountryProfile.NamedPlace cap = c.capital();
    int outer = CapitalAdvance.RADII_KM.get(CapitalAdvance.RADII_KM.size() - 1);
    List<MapView.Marker> events = new ArrayList<>();
    c.listWindowEvents().stream()
        .sorted(Comparator.comparing(EventPoint::date).thenComparing(EventPoint::id))
        .forEach(
            e ->
                events.add(
                    new MapView.Marker(
                        e.date()
                            + (e.location() == null ? "" : ", " + e.location())
                            + ": "
                            + e.eventType().label(),
                        e.eventType().label(),
                        BaseMaps.lonLat(e.longitude(), e.latitude()))));
    MapView.LonLat centre = BaseMaps.lonLat(cap.longitude(), cap.latitude());
    List<MapView.Layer> layers =
        base.with(
            List.of(
                new MapView.Rings(
                    "Distance from " + cap.name(),
                    centre,
                    CapitalAdvance.RADII_KM.stream().map(Integer::doubleValue).toList()),
                new MapView.Points("Political-violence events", events),
                new MapView.Points(
                    cap.name(), List.of(new MapView.Marker(cap.name(), "capital", centre)))));
    return new MapView(
        "capital-events",
        "Political-violence events of the window around "
            + cap.name()
            + ", by event type, with 50, 100 and 200 km rings",
        BaseMaps.around(cap.latitude(), cap.longitude(), outer * 1.5),
        layers);
  }
}

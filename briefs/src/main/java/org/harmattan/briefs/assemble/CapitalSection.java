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
 * The brief's section on the capital: how close political violence came, per armed actor (events,
 * nearest approach, median distance, rings, monthly trend, first incursions), a chart of each
 * actor's monthly median distance and a map of the window's events around the capital.
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
    Prose intro =
        Prose.start()
            .text("Political violence came within ")
            .fig(c.nearest())
            .text(" of " + city + ". Within 50, 100 and 200 km of the city: ");
    for (int i = 0; i < c.within().size(); i++) {
      intro.fig(c.within().get(i)).text(i < c.within().size() - 1 ? ", " : ".");
    }
    blocks.add(new Block.Paragraph(intro.build()));
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
        pr.text(
                "; "
                    + figures.get(inc).label().replace(" (" + a.actor().name() + ")", "")
                    + ", at ")
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
      items.add(List.of(Inline.text("No armed actor of the registry was active in the window.")));
    } else {
      // Which role an actor's count counts: any, unlike the security section's initiators.
      blocks.add(
          new Block.Paragraph(
              List.of(
                  Inline.text(
                      "By armed actor of the registry, counting the political-violence events"
                          + " that name it in any role (initiator, other party or associate):"))));
    }
    blocks.add(new Block.Bullets(items));
    if (!series.isEmpty()) {
      blocks.add(
          new Block.Chart(
              "distance-to-capital",
              Block.Kind.LINE,
              "Median monthly distance to " + city + " of each actor's political violence",
              "km from " + city,
              series));
    }
    return new Section("capital", "The capital: " + city, blocks);
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

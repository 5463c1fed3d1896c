package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.MapView.LonLat;
import org.harmattan.domain.text.Language;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The map SVG on a hand-made view holding one layer of each kind. */
class MapSvgTest {
  static final LonLat BAMAKO = new LonLat(-8.0, 12.65);

  private static List<LonLat> square(double w, double s, double e, double n) {
    return List.of(
        new LonLat(w, s), new LonLat(e, s), new LonLat(e, n), new LonLat(w, n), new LonLat(w, s));
  }

  static MapView view() {
    return new MapView(
        "capital-events",
        "Events around Bamako & <rings>",
        new MapView.Bounds(-11, 10, -5, 15),
        List.of(
            new MapView.Outlines(
                "Neighbouring countries",
                MapView.OutlineKind.NEIGHBOUR,
                List.of(new MapView.Shape("Guinea", List.of(square(-14, 8, -9, 12))))),
            new MapView.Outlines(
                "Mali",
                MapView.OutlineKind.COUNTRY,
                List.of(new MapView.Shape("Mali", List.of(square(-12, 10.5, -4, 16))))),
            new MapView.Outlines(
                "Regions",
                MapView.OutlineKind.ADMIN1,
                List.of(new MapView.Shape("Koulikoro", List.of(square(-10, 11, -6, 15))))),
            new MapView.Cells(
                "Influence",
                List.of(
                    new MapView.Cell(square(-7, 13, -6.5, 13.5), "JNIM", 0.8),
                    new MapView.Cell(square(-9, 11, -8.5, 11.5), "FAMa", 0.25))),
            new MapView.Lines(
                "Corridors",
                List.of(
                    new MapView.Line(
                        "Bamako – Kati", "blocked", List.of(BAMAKO, new LonLat(-8.07, 12.74))),
                    new MapView.Line(
                        "Bamako – Ségou", "unknown", List.of(BAMAKO, new LonLat(-6.27, 13.43))))),
            new MapView.Rings("Distance from Bamako", BAMAKO, List.of(50.0, 100.0, 200.0)),
            new MapView.Points(
                "Events",
                List.of(
                    new MapView.Marker(
                        "2018-03-01, Kati: Battles", "Battles", new LonLat(-8.07, 12.74)),
                    new MapView.Marker(
                        "2018-04-01: Violence against civilians",
                        "Violence against civilians",
                        new LonLat(-7.5, 13.1)),
                    new MapView.Marker("Bamako", "capital", BAMAKO),
                    new MapView.Marker("Kati", "town", new LonLat(-8.07, 12.74))))));
  }

  private static List<String> texts(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList ts = doc.getElementsByTagName("text");
    for (int i = 0; i < ts.getLength(); i++) {
      out.add(ts.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void isAStandaloneSvgSizedByItsViewBoxOnly() throws Exception {
    String svg = MapSvg.toSvg(view(), Language.EN);
    Document doc = RenderTestSupport.parseXml(svg);
    Element root = doc.getDocumentElement();

    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("viewBox"))
        .isEqualTo("0 0 " + MapSvg.WIDTH + " " + MapSvg.height(view(), Language.EN, true));
    assertThat(root.hasAttribute("width")).isFalse();
    assertThat(root.hasAttribute("height")).isFalse();
    assertThat(texts(doc)).contains("Events around Bamako & <rings>");
    assertThat(MapSvg.toSvg(view(), Language.EN)).isEqualTo(svg);
  }

  @Test
  void aLongTitleWrapsAboveTheMapInsteadOfRunningOffTheDrawing() throws Exception {
    MapView one = view();
    String caption =
        "Leading armed actor per H3 cell by time-weighted political violence; opacity is its"
            + " share; hot cells of Getis-Ord Gi* outlined. Activity is not control";
    MapView two = new MapView(one.id(), caption, one.bounds(), one.layers());
    Document doc = RenderTestSupport.parseXml(MapSvg.toSvg(two, Language.EN));

    // 151 characters: two lines of at most 84, broken at spaces, in the caption's order.
    List<Element> title = new ArrayList<>();
    NodeList ts = doc.getElementsByTagName("text");
    for (int i = 0; i < ts.getLength(); i++) {
      Element t = (Element) ts.item(i);
      if (t.getAttribute("font-size").equals("13")) {
        title.add(t);
      }
    }
    assertThat(title).hasSize(2);
    assertThat(title.get(0).getTextContent())
        .isEqualTo(
            "Leading armed actor per H3 cell by time-weighted political violence; opacity is its");
    assertThat(title.get(1).getTextContent())
        .isEqualTo("share; hot cells of Getis-Ord Gi* outlined. Activity is not control");
    assertThat(title.get(1).getAttribute("y")).isEqualTo("34");
    // The map starts below the second line: the drawing is one title line taller.
    Element clip = (Element) doc.getElementsByTagName("clipPath").item(0).getFirstChild();
    assertThat(Double.parseDouble(clip.getAttribute("y"))).isEqualTo(28 + 16);
    assertThat(MapSvg.height(two, Language.EN, true))
        .isEqualTo(MapSvg.height(one, Language.EN, true) + 16);
    // Without a title (the page prints the caption) nothing changes.
    assertThat(MapSvg.height(two, Language.EN, false))
        .isEqualTo(MapSvg.height(one, Language.EN, false));
  }

  @Test
  void legendListsWhatIsDrawnAndNothingElse() throws Exception {
    List<String> texts = texts(RenderTestSupport.parseXml(MapSvg.toSvg(view(), Language.EN)));

    assertThat(texts)
        .contains(
            "Legend",
            "Neighbouring countries",
            "Mali",
            "Regions",
            "JNIM",
            "FAMa",
            "Corridors: blocked",
            "Corridors: unknown",
            "Distance from Bamako",
            "Battles",
            "Violence against civilians",
            "Capital",
            "Town",
            "50 km",
            "100 km",
            "200 km",
            MapSvg.ATTRIBUTION)
        .doesNotContain("Corridors: open", "Protests", "Riots");
    // The scale bar: a round number of km.
    assertThat(texts).anySatisfy(t -> assertThat(t).matches("(1|2|5)0* km"));
  }

  @Test
  void stylesFollowTheCategories() {
    String svg = MapSvg.toSvg(view(), Language.EN);

    // Okabe–Ito, as on the dashboard: blocked corridors vermilion, unknown dashed grey, battles
    // vermilion on every map.
    assertThat(svg).contains("stroke=\"#D55E00\" stroke-width=\"3.2\"");
    assertThat(svg).contains("stroke=\"#8C8C8C\" stroke-width=\"3.2\" stroke-dasharray=\"7 5\"");
    assertThat(svg).contains("fill=\"#D55E00\"");
    assertThat(svg).contains("fill-opacity=\"0.80\"").contains("fill-opacity=\"0.25\"");
    assertThat(svg).doesNotContain("paint-order");
    // One decimal at most in every coordinate.
    assertThat(
            Pattern.compile("\\d\\.\\d\\d\\d")
                .matcher(svg.replaceAll("#[0-9a-fA-F]{6}", ""))
                .find())
        .isFalse();
  }

  /** Eleven actors' cells, the one with most cells first, long names, and two hot cells. */
  static MapView manyActors() {
    List<MapView.Cell> cells = new ArrayList<>();
    for (int a = 0; a < 11; a++) {
      String name =
          a == 0 ? "Group for Support of Islam and Muslims (JNIM)" : "Actor " + (char) ('A' + a);
      for (int k = 0; k <= 11 - a; k++) {
        double w = -11 + k * 0.5;
        double s = 10 + a * 0.4;
        cells.add(new MapView.Cell(square(w, s, w + 0.4, s + 0.3), name, 0.6));
      }
    }
    List<MapView.Cell> hot =
        List.of(
            new MapView.Cell(square(-11, 10, -10.6, 10.3), MapSvg.HOT_CELLS, MapSvg.HOT_STRICT),
            new MapView.Cell(square(-10.5, 10, -10.1, 10.3), MapSvg.HOT_CELLS, 0.5));
    return new MapView(
        "influence-map",
        "Leading actor",
        new MapView.Bounds(-11, 10, -5, 15),
        List.of(
            new MapView.Cells("Leading actor (opacity: its share)", cells),
            new MapView.Cells("Hot cells (thicker: also at the stricter level)", hot)));
  }

  @Test
  void eightActorsHaveAColourOfTheirOwnTheRestShareGrey() throws Exception {
    String svg = MapSvg.toSvg(manyActors(), Language.EN);
    Document doc = RenderTestSupport.parseXml(svg);
    List<String> fills = new ArrayList<>();
    NodeList paths = doc.getElementsByTagName("path");
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      if (p.getParentNode() instanceof Element g
          && g.getAttribute("class").equals("cells")
          && !p.getAttribute("fill").equals("none")) {
        fills.add(p.getAttribute("fill"));
      }
    }

    // Eight palette colours and grey for actors I, J and K (fewest cells).
    assertThat(fills.stream().distinct().toList())
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(
                    MapSymbols.PALETTE.stream(), java.util.stream.Stream.of(MapSymbols.OTHER))
                .toList());
    List<String> lines = new ArrayList<>();
    NodeList spans = doc.getElementsByTagName("tspan");
    for (int i = 0; i < spans.getLength(); i++) {
      lines.add(spans.item(i).getTextContent());
    }
    // The most cells first; a long name whole, over two lines; the rest as one row.
    assertThat(MapLegend.lines("Group for Support of Islam and Muslims (JNIM)"))
        .containsExactly("Group for Support of Islam and", "Muslims (JNIM)");
    assertThat(lines)
        .containsSubsequence(
            "Group for Support of Islam and",
            "Muslims (JNIM)",
            "Actor B",
            "Actor C",
            "Actor H",
            "3 other actors",
            "Hot cells (thicker: also at",
            "the stricter level)")
        .doesNotContain("Actor I", "Actor J", "Actor K");
    assertThat(svg).doesNotContain("\u2026");
  }

  @Test
  void hotCellsAreOutlinesOverTheActorsColours() {
    String svg = MapSvg.toSvg(manyActors(), Language.EN);

    // The actors' group ends before the hot cells' outlines start.
    int lastActor = svg.indexOf("</g>", svg.indexOf("class=\"cells\""));
    assertThat(svg.substring(0, lastActor)).contains(MapSymbols.OTHER);
    int strict =
        svg.indexOf("fill=\"none\" stroke=\"" + MapSymbols.HOT_OUTLINE + "\" stroke-width=\"1.1\"");
    int loose =
        svg.indexOf("fill=\"none\" stroke=\"" + MapSymbols.HOT_OUTLINE + "\" stroke-width=\"0.5\"");
    assertThat(strict).isGreaterThan(lastActor);
    assertThat(loose).isGreaterThan(lastActor);
    assertThat(svg).contains("<title>Hot cell</title>").doesNotContain("<title>hot</title>");
  }

  @Test
  void ringsAreGeodesicCircles() {
    for (double km : List.of(50.0, 200.0)) {
      for (int bearing = 0; bearing < 360; bearing += 30) {
        LonLat p = MapProjection.destination(BAMAKO, km, bearing);
        assertThat(haversineKm(BAMAKO, p))
            .as("%s km at %s°", km, bearing)
            .isCloseTo(km, within(1e-6));
      }
    }
    // Due north, 100 km is 100 / 111.195 degrees of latitude.
    assertThat(MapProjection.destination(BAMAKO, 100, 0).lat())
        .isCloseTo(12.65 + 100 / (6371.0088 * Math.PI / 180), within(1e-9));
  }

  @Test
  void eachEventMarkerCarriesItsLabelAsTitle() throws Exception {
    Document doc = RenderTestSupport.parseXml(MapSvg.toSvg(view(), Language.EN));
    NodeList titles = doc.getElementsByTagName("title");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < titles.getLength(); i++) {
      all.add(titles.item(i).getTextContent());
    }

    assertThat(all)
        .contains(
            "2018-03-01, Kati: Battles",
            "2018-04-01: Violence against civilians",
            "Bamako",
            "Kati",
            "Bamako – Kati (blocked)");
  }

  @Test
  void numbersAreRoundedToOneDecimalWithoutLocale() {
    assertThat(MapProjection.num(12.34)).isEqualTo("12.3");
    assertThat(MapProjection.num(-0.04)).isEqualTo("0");
    assertThat(MapProjection.num(-1.25)).isEqualTo("-1.2");
    assertThat(MapProjection.num(3.0)).isEqualTo("3");
    Matcher m =
        Pattern.compile("viewBox=\"([^\"]*)\"").matcher(MapSvg.toSvg(view(), Language.EN, false));
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).doesNotContain(",").doesNotContain(".0 ");
  }

  private static double haversineKm(LonLat a, LonLat b) {
    double r = 6371.0088;
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }
}

package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.briefs.assemble.BaseMaps;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.reference.geo.ReferenceGeography;
import org.harmattan.reference.profile.CountryProfiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brief with a map of Mali on the installed Natural Earth outlines and a share with a vintage and
 * a denominator, written through {@link BriefWriter} in every format.
 */
class MapBriefTest {
  @TempDir static Path dir;
  private static BriefWriter.Written written;
  private static MapView map;

  static Brief brief() {
    BaseMaps.Base base =
        BaseMaps.of(
            ReferenceGeography.load(CountryProfiles.shipped().find("MLI").orElseThrow()),
            Language.EN);
    MapView.LonLat bamako = new MapView.LonLat(-8.0, 12.65);
    map =
        new MapView(
            "mali-overview",
            "Mali: regions, Bamako with 50, 100 and 200 km rings, two corridors",
            base.bounds(),
            base.with(
                List.of(
                    new MapView.Lines(
                        "Corridors",
                        List.of(
                            new MapView.Line(
                                "Bamako – Kayes",
                                "disrupted",
                                List.of(bamako, new MapView.LonLat(-11.44, 14.45))),
                            new MapView.Line(
                                "Bamako – Sikasso",
                                "open",
                                List.of(bamako, new MapView.LonLat(-5.67, 11.32))))),
                    new MapView.Rings("Distance from Bamako", bamako, List.of(50.0, 100.0, 200.0)),
                    new MapView.Points(
                        "Events",
                        List.of(
                            new MapView.Marker(
                                "Mopti: Battles", "Battles", new MapView.LonLat(-4.19, 14.49)),
                            new MapView.Marker(
                                "Gao: Explosions/Remote violence",
                                "Explosions/Remote violence",
                                new MapView.LonLat(-0.04, 16.27)),
                            new MapView.Marker("Bamako", "capital", bamako),
                            new MapView.Marker("Kayes", "town", new MapView.LonLat(-11.44, 14.45)),
                            new MapView.Marker(
                                "Timbuktu", "town", new MapView.LonLat(-3.0, 16.77)))))));
    Period p = new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
    Figure share =
        new Figure(
                "pin.share",
                "Share of the population in need",
                0.32,
                "share",
                p,
                null,
                Map.of("country", "MLI"),
                "people in need / population",
                new Citation(
                    List.of(new SourceRef("OCHA", "hno_2021.csv", "ab".repeat(32))),
                    1,
                    List.of(),
                    LocalDate.of(2024, 5, 2)),
                null)
            .withContext(
                LocalDate.of(2021, 9, 30),
                new Denominator("population", 17_907_000.0, "people", null, "COD-PS 2021", false));
    return new Brief(
        "Mali: map test",
        "MLI",
        "Mali",
        p,
        null,
        false,
        List.of(
            new Section(
                "where",
                "Where",
                List.of(
                    new Block.Paragraph(
                        List.of(Inline.text("In need: "), Inline.figure("pin.share"))),
                    new Block.Map(map)))),
        List.of(share),
        "Test attribution.",
        Instant.parse("2024-05-03T09:30:00Z"));
  }

  @BeforeAll
  static void write() {
    written = BriefWriter.write(brief(), dir);
    // For a look at the pages: -Dharmattan.mapPreview=DIR writes the brief there too.
    String preview = System.getProperty("harmattan.mapPreview");
    if (preview != null) {
      BriefWriter.write(brief(), Path.of(preview));
    }
  }

  @Test
  void writesTheMapAsItsOwnSvgFile() throws Exception {
    Path svg = dir.resolve("maps/mali-overview.svg");

    assertThat(written.maps()).containsExactly(svg);
    assertThat(written.all()).contains(svg);
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ");
    RenderTestSupport.parseXml(text);
    // The neighbours and the regions are there, labelled.
    assertThat(text).contains(">Niger</text>", ">Timbuktu</text>", MapSvg.ATTRIBUTION);
    // Simplified and rounded: a printable map of Mali stays small.
    assertThat(Files.size(svg)).isLessThan(120_000);
  }

  @Test
  void htmlEmbedsTheMapWithItsCaptionAndMarkdownLinksIt() throws Exception {
    String html = Files.readString(written.html(), StandardCharsets.UTF_8);
    String md = Files.readString(written.markdown(), StandardCharsets.UTF_8);

    RenderTestSupport.parseXml(html);
    assertThat(html)
        .contains("<figure class=\"chart map\" id=\"map-mali-overview\">")
        .contains("<span class=\"label\">Map 1.</span> " + HtmlRenderer.esc(map.caption()))
        .contains("<svg class=\"chart-svg map-svg\" role=\"img\"");
    assertThat(md).contains("![Map 1. " + map.caption() + "](maps/mali-overview.svg)");
  }

  @Test
  void notesGiveTheVintageAndTheDenominator() throws Exception {
    String html = Files.readString(written.html(), StandardCharsets.UTF_8);
    String md = Files.readString(written.markdown(), StandardCharsets.UTF_8);
    String context =
        "data of 30 September 2021; share of 17,907,000 people (population, COD-PS 2021;"
            + " incomplete)";

    assertThat(html).contains(context);
    assertThat(md).contains(context);
  }

  @Test
  void thePdfPrintsTheMapWithItsLabels() throws Exception {
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(written.pdf()))) {
      PDFTextStripper stripper = new PDFTextStripper();
      String text = stripper.getText(doc).replaceAll("\\s+", " ");

      assertThat(text).contains("Map 1. " + map.caption());
      assertThat(text).contains("data of 30 September 2021");
    }
  }
}

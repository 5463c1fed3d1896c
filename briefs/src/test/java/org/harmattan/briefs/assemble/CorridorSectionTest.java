package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.corridors.Corridors;
import org.harmattan.analytics.corridors.RoadGraph;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A two-segment corridor, blocked near the capital and open beyond. */
class CorridorSectionTest {
  private static final LocalDate END = LocalDate.of(2025, 12, 31);

  @TempDir Path dir;

  private CorridorReport report() throws IOException {
    return report(Language.EN);
  }

  private CorridorReport report(Language language) throws IOException {
    Files.writeString(
        dir.resolve(RoadNetworkReader.NODES_FILE),
        "Agglomeration_ID,agglosName,x,y,Pop2015,ISO3\n"
            + "1,Capital,-8.0,12.0,1000,TST\n"
            + "2,Middle,-7.0,12.0,100,TST\n"
            + "3,Far,-6.0,12.0,100,TST\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve(RoadNetworkReader.EDGES_FILE),
        "\"from\",\"to\",\"l\"\n\"1\",\"2\",110\n\"2\",\"3\",105\n",
        StandardCharsets.UTF_8);
    NamedPlace capital = new NamedPlace("Capital", 12.0, -8.0);
    CountryProfile profile =
        new CountryProfile(
            "TST",
            "Testland",
            capital,
            new CountryProfile.Boundaries(null, null, null, null),
            new CountryProfile.Roads("african-urban-network", 30),
            List.of(
                new CountryProfile.CorridorSpec(
                    "east", "East corridor", List.of(), new NamedPlace("Far", 12.0, -6.0))));
    RoadGraph graph = RoadGraph.of(RoadNetworkReader.readDirectory(dir));
    SourceRef src = new SourceRef("ACLED", "t.csv", "00");
    List<EventPoint> events = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      events.add(
          new EventPoint(
              "e" + i,
              END.minusDays(i),
              EventType.VIOLENCE_AGAINST_CIVILIANS,
              "Attack",
              12.0,
              -7.5,
              List.of(),
              0,
              "Kilometre " + i,
              "JNIM set fire to camions-citernes",
              src,
              END));
    }
    return CorridorReport.of(
        capital,
        Corridors.build(profile, graph, language),
        graph.sources(),
        events,
        new Period(LocalDate.of(2025, 1, 1), END),
        10,
        Map.of("country", "TST"),
        "test events",
        END,
        language);
  }

  @Test
  void maliCorridorsOnTheRealGraphReadWithoutIdsInTheText() {
    Path roads =
        SharedData.require("roads_african_urban_network/AfricaNetworkEdges.csv").getParent();
    RoadGraph graph = RoadGraph.of(RoadNetworkReader.readDirectory(roads));
    CountryProfile mali = CountryProfiles.shipped().find("MLI").orElseThrow();
    CorridorReport report =
        CorridorReport.of(
            mali.capital(),
            Corridors.build(mali, graph),
            graph.sources(),
            List.of(),
            new Period(LocalDate.of(2025, 1, 1), END),
            10,
            Map.of("country", "MLI"),
            "no events",
            END);

    CorridorSection.Built built = CorridorSection.build(report, List.of(), null);

    assertThat(cited(built)).contains("corridor.dakar.length_km", "corridor.mopti.status");
  }

  /** The figure ids the section cites; fails on a digit in its text outside a date. */
  private static List<String> cited(CorridorSection.Built built) {
    List<String> cited = new ArrayList<>();
    for (Block b : built.section().blocks()) {
      List<List<Inline>> runs = new ArrayList<>();
      if (b instanceof Block.Paragraph p) {
        runs.add(p.parts());
      } else if (b instanceof Block.Bullets bl) {
        runs.addAll(bl.items());
      } else if (b instanceof Block.Table t) {
        t.rows().forEach(runs::addAll);
      }
      for (List<Inline> run : runs) {
        for (Inline i : run) {
          if (i instanceof Inline.FigureRef f) {
            cited.add(f.figureId());
          } else {
            // Dates are words, not figures; any other digit would be a hand-formatted number.
            assertThat(((Inline.Text) i).text().replaceAll("\\d{1,2} [A-Z][a-z]+ \\d{4}", ""))
                .as("no hand-formatted number")
                .doesNotMatch("(?s).*\\d.*");
          }
        }
      }
    }
    return cited;
  }

  @Test
  void citesOnlyItsOwnFiguresAndDrawsCorridorsByStatus() throws IOException {
    CorridorReport report = report();

    CorridorSection.Built built = CorridorSection.build(report, List.of(), null);

    Set<String> ids = built.figures().stream().map(Figure::id).collect(Collectors.toSet());
    List<String> cited = cited(built);
    assertThat(ids).containsAll(cited);
    assertThat(cited)
        .contains(
            "corridor.east.status",
            "corridor.east.length_km",
            "corridor.east.blockade_index",
            "corridor.east.days_since_last_incident",
            "corridor.east.passage_events",
            "corridor.east.stretch.1.status");
    assertThat(FigureFormat.ENGLISH.format(report.getFigure("corridor.east.status")))
        .isEqualTo("blocked");

    MapView map =
        built.section().blocks().stream()
            .filter(Block.Map.class::isInstance)
            .map(b -> ((Block.Map) b).view())
            .findFirst()
            .orElseThrow();
    MapView.Lines lines =
        map.layers().stream()
            .filter(MapView.Lines.class::isInstance)
            .map(MapView.Lines.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(
            built.section().blocks().stream()
                .filter(Block.Table.class::isInstance)
                .map(b -> ((Block.Table) b).rows().size()))
        .containsExactly(2);
    assertThat(lines.lines()).extracting(MapView.Line::style).containsExactly("blocked", "open");
    List<MapView.Marker> markers =
        map.layers().stream()
            .filter(MapView.Points.class::isInstance)
            .flatMap(l -> ((MapView.Points) l).markers().stream())
            .toList();
    assertThat(markers)
        .extracting(MapView.Marker::category)
        .containsExactlyInAnyOrder(
            // The category is the legend's entry: capitalised as the legend's other entries.
            "Attack on vehicles", "Attack on vehicles", "Attack on vehicles", "capital");
    assertThat(map.bounds().west()).isLessThan(-8.0);
    assertThat(map.bounds().east()).isGreaterThan(-6.0);
  }

  @Test
  void inFrenchTheSectionItsMapAndItsFiguresAreWrittenInFrench() throws IOException {
    CorridorReport report = report(Language.FR);

    CorridorSection.Built built = CorridorSection.build(report, List.of(), null);

    FigureFormat fr = FigureFormat.of(Language.FR);
    assertThat(built.section().title()).isEqualTo("Corridors d’approvisionnement");
    Block.Bullets bullets =
        built.section().blocks().stream()
            .filter(Block.Bullets.class::isInstance)
            .map(Block.Bullets.class::cast)
            .findFirst()
            .orElseThrow();
    String item = text(bullets.items().get(0), report, fr);
    assertThat(item)
        .startsWith("East corridor\u00a0: bloqué à la fin de la période\u00a0; 215\u00a0km sur le")
        .contains("3 événements entravant la circulation pendant la période")
        .contains("indice de blocage ");
    assertThat(report.getFigure("corridor.east.status").label())
        .isEqualTo("East corridor\u00a0: état (0 ouvert, 1 perturbé, 2 bloqué)");
    assertThat(report.getFigure("corridor.east.days_since_last_incident").label())
        .isEqualTo(
            "East corridor\u00a0: jours écoulés depuis le dernier événement entravant la"
                + " circulation");
    Block.Table table =
        built.section().blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(table.caption()).isEqualTo("East corridor\u00a0: de ville en ville");
    assertThat(table.headers())
        .containsExactly(
            "Tronçon", "Longueur (km)", "État", "Dernier événement entravant la circulation");
    assertThat(text(table.rows().get(0).get(3), report, fr)).isEqualTo("30 décembre 2025");
    MapView map =
        built.section().blocks().stream()
            .filter(Block.Map.class::isInstance)
            .map(b -> ((Block.Map) b).view())
            .findFirst()
            .orElseThrow();
    assertThat(map.caption())
        .isEqualTo(
            "Corridors d’approvisionnement depuis Capital selon leur état, avec les événements"
                + " entravant la circulation pendant la période");
    assertThat(map.layers())
        .extracting(MapView.Layer::name)
        .containsExactly(
            "Corridors selon leur état", "Événements entravant la circulation", "Capitale");
    List<MapView.Marker> markers =
        map.layers().stream()
            .filter(MapView.Points.class::isInstance)
            .flatMap(l -> ((MapView.Points) l).markers().stream())
            .toList();
    assertThat(markers)
        .extracting(MapView.Marker::label)
        .contains("30 décembre 2025, Kilometre 1\u00a0: attaque contre des véhicules");
    // The lines keep the renderer's style codes.
    assertThat(
            map.layers().stream()
                .filter(MapView.Lines.class::isInstance)
                .flatMap(l -> ((MapView.Lines) l).lines().stream())
                .map(MapView.Line::style))
        .containsExactly("blocked", "open");
    String all =
        String.join(
            " ",
            item,
            text(((Block.Paragraph) built.section().blocks().get(0)).parts(), report, fr));
    assertThat(all)
        .doesNotContainPattern(
            "\\b(the|of|window|passage|blocked|disrupted|open|events|road graph|index)\\b");
  }

  /** A run of inlines as the brief prints it, its figures formatted by {@code format}. */
  private static String text(List<Inline> run, CorridorReport report, FigureFormat format) {
    StringBuilder b = new StringBuilder();
    for (Inline i : run) {
      if (i instanceof Inline.FigureRef f) {
        b.append(format.format(report.getFigure(f.figureId()), f.style()));
      } else {
        b.append(((Inline.Text) i).text());
      }
    }
    return b.toString();
  }
}

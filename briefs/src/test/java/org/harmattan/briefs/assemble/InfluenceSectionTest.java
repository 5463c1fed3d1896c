package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.influence.InfluenceOptions;
import org.harmattan.analytics.influence.TerritorialInfluence;
import org.harmattan.briefs.MaliStore;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The influence section over hand-made events, and over Mali 2018. */
class InfluenceSectionTest {
  private static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  private static final String FAMA = "Military Forces of Mali (2021-)";
  private static final LocalDate END = LocalDate.of(2025, 12, 31);

  @TempDir Path dir;

  private static String row(
      int n,
      LocalDate date,
      String type,
      String sub,
      String a1,
      String a2,
      double lat,
      double lon) {
    return String.join(
        ",",
        "MLI" + (7000 + n),
        date.toString(),
        String.valueOf(date.getYear()),
        "1",
        "Political violence",
        "\"" + type + "\"",
        "\"" + sub + "\"",
        "\"" + a1 + "\"",
        "",
        "2",
        "\"" + a2 + "\"",
        "",
        "1",
        "12",
        "",
        "466",
        "Western Africa",
        "Mali",
        "Mopti",
        "Mopti",
        "Mopti",
        "Town " + n,
        String.format(Locale.ROOT, "%.4f", lat),
        String.format(Locale.ROOT, "%.4f", lon),
        "1",
        "Test",
        "Local",
        "\"hand-made\"",
        "1",
        "",
        "1741000000");
  }

  /**
   * JNIM around one town (fighting the army in half its events), the army ahead of JNIM around
   * another, and one transfer there.
   */
  private TerritorialInfluence handMade() throws IOException {
    return handMade(Language.EN);
  }

  private TerritorialInfluence handMade(Language language) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(AcledCsv.HEADER);
    int n = 0;
    for (int i = 0; i < 12; i++) {
      lines.add(row(++n, END.minusDays(i), "Battles", "Armed clash", JNIM, FAMA, 14.5, -4.2));
      lines.add(
          row(
              ++n,
              END.minusDays(i),
              "Violence against civilians",
              "Attack",
              JNIM,
              "Civilians (Mali)",
              14.5,
              -4.2));
    }
    for (int i = 0; i < 4; i++) {
      lines.add(row(++n, END.minusDays(i), "Battles", "Armed clash", FAMA, JNIM, 16.0, -1.0));
    }
    for (int i = 0; i < 2; i++) {
      lines.add(
          row(
              ++n,
              END.minusDays(i),
              "Violence against civilians",
              "Attack",
              FAMA,
              "Civilians (Mali)",
              16.0,
              -1.0));
    }
    lines.add(
        row(
            ++n,
            END.minusDays(30),
            "Battles",
            "Government regains territory",
            FAMA,
            JNIM,
            16.0,
            -1.0));
    Path file = dir.resolve("events.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      new EventIngest(END)
          .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), x -> {});
      return TerritorialInfluence.compute(
          store.analytics(),
          ActorRegistry.shipped(),
          new SecurityRequest(
                  "MLI",
                  new Period(LocalDate.of(2025, 1, 1), END),
                  null,
                  Set.of(SourceSystem.ACLED),
                  END)
              .withLanguage(language),
          InfluenceOptions.defaults());
    }
  }

  /** Every run of text in paragraphs, bullets and tables; checks the text and collects refs. */
  private static List<String> cited(InfluenceSection.Built built, boolean paragraphsOnlyDigits) {
    List<String> cited = new ArrayList<>();
    for (Block b : built.section().blocks()) {
      List<List<Inline>> runs = new ArrayList<>();
      boolean prose = false;
      if (b instanceof Block.Paragraph p) {
        runs.add(p.parts());
        prose = true;
      } else if (b instanceof Block.Table t) {
        t.rows().forEach(runs::addAll);
      }
      for (List<Inline> run : runs) {
        for (Inline i : run) {
          if (i instanceof Inline.FigureRef f) {
            cited.add(f.figureId());
          } else if (prose && paragraphsOnlyDigits) {
            // Dates are words and H3 a name; any other digit would be a hand-formatted number.
            assertThat(
                    ((Inline.Text) i)
                        .text()
                        .replaceAll("\\d{1,2} [A-Z][a-z]+ \\d{4}", "")
                        .replace("H3", ""))
                .as("no hand-formatted number")
                .doesNotMatch("(?s).*\\d.*");
          }
        }
      }
    }
    return cited;
  }

  private static String text(List<Inline> parts, Map<String, Figure> figures) {
    return text(parts, figures, FigureFormat.ENGLISH);
  }

  private static String text(List<Inline> parts, Map<String, Figure> figures, FigureFormat format) {
    StringBuilder sb = new StringBuilder();
    for (Inline i : parts) {
      if (i instanceof Inline.FigureRef f) {
        sb.append(format.format(figures.get(f.figureId()), f.style()));
      } else {
        sb.append(((Inline.Text) i).text());
      }
    }
    return sb.toString();
  }

  @Test
  void inFrenchTheSectionItsTablesMapAndFiguresAreWrittenInFrench() throws IOException {
    TerritorialInfluence r = handMade(Language.FR);

    InfluenceSection.Built built = InfluenceSection.build(r, List.of(), null);

    FigureFormat fr = FigureFormat.of(Language.FR);
    Map<String, Figure> figures =
        built.figures().stream().collect(Collectors.toMap(Figure::id, Function.identity()));
    assertThat(built.section().title()).isEqualTo("Influence territoriale\u00a0: qui agit où");
    String all =
        built.section().blocks().stream()
            .filter(Block.Paragraph.class::isInstance)
            .map(b -> text(((Block.Paragraph) b).parts(), figures, fr))
            .collect(Collectors.joining("\n"));
    assertThat(all)
        .contains(
            "Un seul acteur dominait 1 cellule (JNIM: Group for Support of Islam and Muslims\u00a0:"
                + " 1)")
        .contains("cellules disputées\u00a0: 1 cellule, soit 50\u00a0% des cellules")
        .contains("Des territoires ont changé de mains lors de 1 événement")
        .contains("Activité ne vaut pas contrôle")
        .contains("n.d.");
    assertThat(
            all.replace("Getis-Ord", "")
                .replace("Gi*", "")
                .replace("ACLED", "")
                .replace("JNIM: Group for Support of Islam and Muslims", "")
                .replace("Malian state forces", ""))
        .doesNotContainPattern(
            "\\b(the|of|and|cells?|events?|window|actor|contested|which|share|hot)\\b");
    assertThat(figures.get("influence.contested_cells").label())
        .isEqualTo("Cellules disputées (H3, résolution 5)");
    assertThat(figures.get("influence.half_life_days").note())
        .isEqualTo("un paramètre de l’analyse, non une mesure");
    List<Block.Table> tables =
        built.section().blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .toList();
    assertThat(tables.get(0).headers())
        .containsExactly(
            "Acteur",
            "Événements",
            "Activité pondérée",
            "Cellules actives",
            "Cellules dominées",
            "Transferts (acteur 1)");
    assertThat(text(tables.get(1).rows().get(0).get(1), figures, fr))
        .isEqualTo("Reprise de territoire par le gouvernement");
    MapView map =
        built.section().blocks().stream()
            .filter(Block.Map.class::isInstance)
            .map(b -> ((Block.Map) b).view())
            .findFirst()
            .orElseThrow();
    assertThat(cells(map, "Acteur en tête").cells()).hasSize(2);
    assertThat(map.caption()).startsWith("Acteur armé en tête par cellule H3");
  }

  @Test
  void prosCitesItsFiguresAndTheMapColoursCellsByLeadingActor() throws IOException {
    TerritorialInfluence r = handMade();

    InfluenceSection.Built built = InfluenceSection.build(r, List.of(), null);

    Map<String, Figure> figures =
        built.figures().stream().collect(Collectors.toMap(Figure::id, Function.identity()));
    List<String> cited = cited(built, true);
    assertThat(figures.keySet()).containsAll(cited);
    assertThat(cited)
        .contains(
            "influence.cells",
            "influence.dominant_cells",
            "influence.contested_cells",
            "influence.contested_share",
            "influence.dominant_cells.robust",
            "influence.jnim.dominant_cells",
            "territory.transfers",
            "territory.transfers.mali_state_forces",
            "hotspots.hot_cells",
            "diffusion.cells_10plus",
            "diffusion.share");
    assertThat(built.section().id()).isEqualTo(InfluenceSection.ID);

    String all =
        built.section().blocks().stream()
            .filter(Block.Paragraph.class::isInstance)
            .map(b -> text(((Block.Paragraph) b).parts(), figures))
            .collect(Collectors.joining("\n"));
    // JNIM holds 24 of 36 attributions in its town; the army 7 of 12 in the other: contested
    assertThat(all)
        .contains(
            "A single actor dominated 1 cell (JNIM: Group for Support of Islam and Muslims: 1)");
    assertThat(all).contains("contested: 1 cell, 50 % of the cells with enough events");
    assertThat(all).contains("Territory changed hands in 1 event");
    assertThat(all).contains("Activity is not control");
    assertThat(all).contains("n/a (the country outline is missing");

    Block.Table actors =
        built.section().blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(actors.rows()).hasSize(2);
    assertThat(text(actors.rows().get(0).get(0), figures))
        .isEqualTo("JNIM: Group for Support of Islam and Muslims");
    assertThat(text(actors.rows().get(0).get(1), figures)).isEqualTo("29");

    MapView map =
        built.section().blocks().stream()
            .filter(Block.Map.class::isInstance)
            .map(b -> ((Block.Map) b).view())
            .findFirst()
            .orElseThrow();
    MapView.Cells lead = cells(map, "Leading actor");
    assertThat(lead.cells()).hasSize(2);
    assertThat(lead.cells())
        .extracting(MapView.Cell::category)
        .containsExactlyInAnyOrder(
            "JNIM: Group for Support of Islam and Muslims", "Malian state forces");
    MapView.Cell jnimCell =
        lead.cells().stream()
            .filter(c -> c.category().startsWith("JNIM"))
            .findFirst()
            .orElseThrow();
    // JNIM is in all 24 events there, the army in the 12 battles, both on the same 12 days: each
    // day weighs JNIM twice what it weighs the army whatever the decay, so JNIM's share is 2/3
    // (civilians are not armed actors and do not count)
    assertThat(jnimCell.intensity()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(jnimCell.boundary()).hasSizeGreaterThanOrEqualTo(7);
    assertThat(jnimCell.boundary().get(0))
        .isEqualTo(jnimCell.boundary().get(jnimCell.boundary().size() - 1));
    assertThat(map.bounds().west()).isLessThan(-4.2);
    assertThat(map.bounds().east()).isGreaterThan(-1.0);
  }

  @Test
  void baseLayersComeFirstAndGivenBoundsAreKept() throws IOException {
    TerritorialInfluence r = handMade();
    MapView.Outlines outline = new MapView.Outlines("Mali", MapView.OutlineKind.COUNTRY, List.of());
    MapView.Bounds bounds = new MapView.Bounds(-12.5, 10, 4.5, 25.5);

    InfluenceSection.Built built = InfluenceSection.build(r, List.of(outline), bounds);

    MapView map =
        built.section().blocks().stream()
            .filter(Block.Map.class::isInstance)
            .map(b -> ((Block.Map) b).view())
            .findFirst()
            .orElseThrow();
    assertThat(map.layers().get(0)).isEqualTo(outline);
    assertThat(map.bounds()).isEqualTo(bounds);
    assertThat(built.figures()).hasSameSizeAs(r.listFigures());
  }

  @Test
  void mali2018ReadsAsASectionWithHotCells() throws IOException {
    TerritorialInfluence r;
    try (DuckDbStore store = MaliStore.open()) {
      r =
          TerritorialInfluence.compute(
              store.analytics(),
              ActorRegistry.shipped(),
              new SecurityRequest(
                  "MLI",
                  new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)),
                  null,
                  Set.of(SourceSystem.ACLED),
                  MaliStore.TODAY),
              InfluenceOptions.defaults());
    }

    InfluenceSection.Built built = InfluenceSection.build(r, List.of(), null);

    List<String> cited = cited(built, true);
    Set<String> ids = built.figures().stream().map(Figure::id).collect(Collectors.toSet());
    assertThat(ids).containsAll(cited);
    Block.Table actors =
        built.section().blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(actors.rows()).hasSize(InfluenceSection.TABLE_ACTORS);
    MapView map =
        built.section().blocks().stream()
            .filter(Block.Map.class::isInstance)
            .map(b -> ((Block.Map) b).view())
            .findFirst()
            .orElseThrow();
    assertThat(map.layers()).hasSize(2);
    MapView.Cells hot = cells(map, "Hot cells");
    assertThat(hot.cells()).hasSize(r.listHotCells().size()).isNotEmpty();
    assertThat(hot.cells()).allMatch(c -> c.category().equals(InfluenceSection.HOT));
    assertThat(cells(map, "Leading actor").cells()).hasSize(r.listCells().size());
    // Hot cells are outlined over the leading actors, whose colours stay readable under them.
    assertThat(map.layers().indexOf(hot))
        .isGreaterThan(map.layers().indexOf(cells(map, "Leading")));
  }

  private static MapView.Cells cells(MapView map, String namePrefix) {
    return map.layers().stream()
        .filter(MapView.Cells.class::isInstance)
        .map(MapView.Cells.class::cast)
        .filter(c -> c.name().startsWith(namePrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell layer named " + namePrefix + "…"));
  }
}

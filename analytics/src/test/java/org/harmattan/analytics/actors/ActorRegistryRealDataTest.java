package org.harmattan.analytics.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The shipped registry against the raw actor names of the real ACLED Mali files in shared/data,
 * read here with a plain CSV pass independent of the ingest module.
 */
class ActorRegistryRealDataTest {
  private static final String HDX_MALI = "acled_hdx_hxl/conflict_data_mli.csv";
  private static final String AC0519 = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";

  private static final Pattern SEMICOLON = Pattern.compile(";");

  private final ActorRegistry registry = ActorRegistry.shipped();

  @Test
  void keyActorsOfTheMaliFilesAreMatched() throws IOException {
    Map<String, Long> names = new HashMap<>();
    List<Map<String, String>> rows = new ArrayList<>(read(require(AC0519)));
    rows.addAll(read(require(HDX_MALI)));
    for (Map<String, String> row : rows) {
      for (String col : List.of("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")) {
        for (String n : SEMICOLON.split(row.getOrDefault(col, ""), -1)) {
          if (!n.isBlank()) {
            names.merge(n.strip(), 1L, Long::sum);
          }
        }
      }
    }
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("JNIM: Group for Support of Islam and Muslims", "jnim"),
            Map.entry("Islamic State (Greater Sahara)", "is_sahel"),
            Map.entry("Military Forces of Mali (2013-)", "mali_state_forces"),
            Map.entry("Police Forces of Mali (2013-) Gendarmerie", "mali_state_forces"),
            Map.entry(
                "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali"
                    + " (2013-)",
                "minusma"),
            Map.entry("Military Forces of France (2017-)", "french_forces"),
            Map.entry("Katiba Macina", "katiba_macina"),
            Map.entry("GATIA: Imghad Tuareg and Allies Self-Defense Group", "gatia"),
            Map.entry("MSA: Movement for Azawad Salvation", "msa"),
            Map.entry("CMA: Coordination of Movements of the Azawad", "cma"),
            Map.entry("Dan Na Ambassagou", "dan_na_ambassagou"),
            Map.entry("Dozo Militia", "dozo_militia"),
            Map.entry("Fulani Ethnic Militia (Mali)", "fulani_militia_mali"),
            Map.entry("Dogon Ethnic Militia (Mali)", "dogon_militia_mali"),
            Map.entry("Civilians (Mali)", "civilians"));
    expected.forEach(
        (raw, id) -> {
          assertThat(names).as("raw name present in the Mali files").containsKey(raw);
          assertThat(registry.match(raw)).as(raw).map(m -> m.actor().id()).contains(id);
        });
  }

  /**
   * The actor-1 names of the Mali files that the shipped registry does not cover, found by reading
   * the files' names against the registry's entries: ethnic and communal militias other than the
   * Fulani, Dogon and Dozo ones, armies other than Mali's and France's, small Azawad movements it
   * has no entry for, a students' militia, and ACLED's joint attribution to JNIM "and/or" the
   * Islamic State, which names neither for sure.
   */
  private static final Set<String> NOT_IN_REGISTRY =
      Set.of(
          "Arab Ethnic Militia (Mali)",
          "Bambara Ethnic Militia (Mali)",
          "CJA: Congress for Justice in Azawad",
          "CME: Agreement Movements Coordination",
          "Dawsahak Ethnic Militia (Mali)",
          "Dire Communal Militia (Mali)",
          "Ganda Izo",
          "Ganda Izo Ethnic Militia (Mali)",
          "Gandakoy Ethnic Militia (Mali)",
          "Idnan Ethnic Militia (Mali)",
          "Idourfane Ethnic Militia",
          "Idourfane Ethnic Militia (Mali)",
          "Issafay Communal Militia (Mali)",
          "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
          "Kel Ansar Ethnic Militia (Mali)",
          "Kel Inagozmi Ethnic Militia (Mali)",
          "Koira Taoua Communal Militia (Mali)",
          "Military Forces of Burkina Faso (2015-)",
          "Military Forces of Niger (2011-)",
          "Militia (Students)",
          "Sadiola Communal Militia (Mali)",
          "Unidentified Communal Militia (Mali)",
          "Vigilante Militia (Mali)");

  /**
   * Checks every actor-1 name of {@code rows}: matched unless listed in {@link #NOT_IN_REGISTRY};
   * returns how many rows have a matched actor 1, counted from the raw names alone.
   */
  private long matchedActor1(List<Map<String, String>> rows) {
    long expected = 0;
    for (Map<String, String> row : rows) {
      String actor1 = row.get("actor1");
      boolean covered = !NOT_IN_REGISTRY.contains(actor1);
      assertThat(registry.match(actor1).isPresent()).as(actor1).isEqualTo(covered);
      if (covered) {
        expected++;
      }
    }
    return expected;
  }

  @Test
  void mali2018EventsHaveAMatchedActor1UnlessTheRegistryLacksTheName() throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> row : read(require(HDX_MALI))) {
      if ("2018".equals(row.get("year")) && "Mali".equals(row.get("country"))) {
        rows.add(row);
      }
    }
    long matched = matchedActor1(rows);

    // 751 events, 16 of them with an actor 1 the registry lacks: 735 / 751 = 97.9 %
    assertThat(rows).hasSize(751);
    assertThat(matched).isEqualTo(735);
    assertThat((double) matched / rows.size()).isEqualTo(735.0 / 751);
  }

  @Test
  void exportToolEventsHaveAMatchedActor1UnlessTheRegistryLacksTheName() throws IOException {
    List<Map<String, String>> rows = read(require(AC0519));
    long matched = matchedActor1(rows);

    // 1,339 events, 39 of them with an actor 1 the registry lacks: 1,300 / 1,339 = 97.1 %
    assertThat(rows).hasSize(1339);
    assertThat(matched).isEqualTo(1300);
    assertThat((double) matched / rows.size()).isEqualTo(1300.0 / 1339);
  }

  // ---------------------------------------------------------------------------------------------

  private static Path require(String relative) {
    return SharedData.require(relative);
  }

  /**
   * Rows as header -> value; skips an HXL hashtag row. Quoted fields may hold commas and newlines.
   */
  private static List<Map<String, String>> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> records = PlainCsv.parse(text);
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      if (!r.isEmpty() && r.get(0).startsWith("#")) {
        continue;
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size() && i < r.size(); i++) {
        row.put(header.get(i), r.get(i));
      }
      rows.add(row);
    }
    return rows;
  }
}

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
import java.util.Optional;
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

  @Test
  void mostMali2018EventsHaveAMatchedActor1() throws IOException {
    long events = 0;
    long matched = 0;
    long matchedWithoutUnidentified = 0;
    Map<String, Long> unmatched = new HashMap<>();
    for (Map<String, String> row : read(require(HDX_MALI))) {
      if (!"2018".equals(row.get("year")) || !"Mali".equals(row.get("country"))) {
        continue;
      }
      events++;
      String actor1 = row.get("actor1");
      Optional<ActorMatch> m = registry.match(actor1);
      if (m.isPresent()) {
        matched++;
        if (!m.get().actor().id().equals("unidentified_armed_group")) {
          matchedWithoutUnidentified++;
        }
      } else {
        unmatched.merge(actor1, 1L, Long::sum);
      }
    }
    double share = (double) matched / events;
    assertThat(events).isEqualTo(751);
    // Measured 97.9% (735 of 751; 75.8% without ACLED's "Unidentified Armed Group"); the
    // threshold leaves room for a revised file.
    assertThat(share)
        .as(
            "Mali 2018 (%s): actor1 matched %d of %d, %d without 'Unidentified Armed Group';"
                + " unmatched: %s",
            HDX_MALI, matched, events, matchedWithoutUnidentified, unmatched)
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void mostEventsOfTheExportToolFileHaveAMatchedActor1() throws IOException {
    long events = 0;
    long matched = 0;
    for (Map<String, String> row : read(require(AC0519))) {
      events++;
      if (registry.match(row.get("actor1")).isPresent()) {
        matched++;
      }
    }
    double share = (double) matched / events;
    assertThat(events).isEqualTo(1339);
    // Measured 97.1% (1,300 of 1,339).
    assertThat(share)
        .as("%s: actor1 matched %d of %d", AC0519, matched, events)
        .isGreaterThanOrEqualTo(0.95);
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

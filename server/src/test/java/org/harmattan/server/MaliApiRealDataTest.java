package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.engine.accounts.Role;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's Mali 2018 figures and events equal what an independent reading of the raw ACLED export
 * gives (a naive CSV reader, the export's own year column, no Harmattan code).
 */
class MaliApiRealDataTest {
  static final String FILE = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  static final String WINDOW = "country=MLI&from=2018-01-01&to=2018-12-31";

  @Test
  void figuresAndEventsEqualTheRawExport(@TempDir Path dir) throws Exception {
    Path raw = SharedData.require(FILE);
    Set<String> ids = new HashSet<>();
    long fatalities = 0;
    for (Map<String, String> row : PlainCsv.readMaps(raw, 0)) {
      // The country is the export's ISO3 code: one 2018 row says "Mali" but is coded BFA.
      if (row.get("iso3").equals("MLI") && row.get("year").equals("2018")) {
        ids.add(row.get("event_id_cnty"));
        fatalities += Long.parseLong(row.get("fatalities"));
      }
    }
    Files.copy(raw, dir.resolve("export.csv"));
    try (TestServer server =
        new TestServer(dir.resolve("server"), "file:" + dir.resolve("export.csv"))) {
      JsonNode figures =
          TestServer.json(server.get("/api/v1/figures?" + WINDOW + "&compare=2017", Role.VIEWER))
              .get("figures");
      assertThat(ApiTest.find(figures, "events.total").get("value").asLong()).isEqualTo(ids.size());
      assertThat(ApiTest.find(figures, "fatalities.total").get("value").asLong())
          .isEqualTo(fatalities);
      HttpResponse<String> page =
          server.get("/api/v1/events?" + WINDOW + "&limit=1000&fields=id,fatalities", Role.ANALYST);
      JsonNode body = TestServer.json(page);
      assertThat(body.get("total").asLong()).isEqualTo(ids.size());
      Set<String> listed = new HashSet<>();
      long listedFatalities = 0;
      for (JsonNode e : body.get("events")) {
        listed.add(e.get("id").asText().replace("acled:", ""));
        listedFatalities += e.get("fatalities").asLong();
      }
      assertThat(listed).isEqualTo(ids);
      assertThat(listedFatalities).isEqualTo(fatalities);
      HttpResponse<String> csv =
          server.get("/api/v1/events?" + WINDOW + "&limit=1000&format=csv", Role.ANALYST);
      List<String> lines = csv.body().lines().toList();
      // The terms line, the header and the HXL row, then one line per event (no note spans lines
      // once quoted, so count records, not lines, through the naive reader).
      Path written = dir.resolve("api.csv");
      Files.writeString(written, String.join("\n", lines.subList(1, lines.size())) + "\n");
      assertThat(PlainCsv.readAll(written)).hasSize(ids.size() + 2);
    }
  }
}

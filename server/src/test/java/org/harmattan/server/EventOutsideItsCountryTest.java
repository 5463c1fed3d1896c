package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.ingest.IngestReport;
import org.harmattan.service.Stores;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ACLED row whose latitude and longitude are swapped, from the file to the user: the ingest
 * service (with the shipped country outlines) counts it in the report, the store keeps the point as
 * given with the flag {@code point_outside_country}, the read port and every format of {@code GET
 * /api/v1/events} show the flag (matching the OpenAPI document), and reading the file again changes
 * nothing.
 */
class EventOutsideItsCountryTest {
  private static final String ACLED_HEADER = AcledCsv.HEADER + "\n";

  /**
   * Mali's Kolongo (13.95 N, 5.33 W); MLI2 gives it as latitude -5.33, longitude 13.95: a point in
   * range, 2,000 km south of Mali, in Gabon's latitude band.
   */
  private static final String ROW =
      ",2025,1,Political violence,Violence against civilians,Attack,"
          + "Military Forces of Mali (2021-),,1,Civilians (Mali),,7,17,Civilian targeting,"
          + "466,Western Africa,Mali,Segou,Macina,Kolongo,Kolongo,13.95,-5.33,2,"
          + "Local source,Subnational,Soldiers killed civilians.,3,,1747000000\n";

  private static final String WINDOW = "country=MLI&from=2025-05-01&to=2025-05-31";

  @TempDir Path dir;

  private static IngestReport ingest(Store store, Path file) {
    FileOutcome o =
        new IngestService(store, TestServer.TODAY)
            .ingest(file, IngestService.Options.detect(), b -> {});
    assertThat(o).isInstanceOf(FileOutcome.Events.class);
    return ((FileOutcome.Events) o).report();
  }

  @Test
  void aSwappedPointIsCountedFlaggedShownAndUnchangedWhenReadAgain() throws IOException {
    Path acled = dir.resolve("acled.csv");
    Files.writeString(
        acled,
        ACLED_HEADER
            + "MLI1,2025-05-10"
            + ROW
            + "MLI2,2025-05-11"
            + ROW.replace(",13.95,-5.33,", ",-5.33,13.95,"),
        StandardCharsets.UTF_8);
    Path folder = dir.resolve("server");
    Files.createDirectories(folder);
    Path db = folder.resolve("store.duckdb");

    try (Store store = Stores.open(db)) {
      IngestReport r = ingest(store, acled);
      // Both events are stored and counted; the report names the one outside Mali.
      assertThat(List.of(r.rowsRead(), r.inserted(), r.updated(), r.quarantined()))
          .containsExactly(2L, 2L, 0L, 0L);
      assertThat(r.notes())
          .containsExactly(
              "1 event lies outside its country's bounding box (latitude and longitude swapped,"
                  + " or a sign lost?); kept as given, check line 3 (MLI, -5.33, 13.95)");
      Event swapped = store.findEvent("acled:MLI2").orElseThrow();
      assertThat(swapped.flags()).containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
      assertThat(List.of(swapped.latitude(), swapped.longitude())).containsExactly(-5.33, 13.95);
      assertThat(
              store
                  .analytics()
                  .listEvents(
                      EventListing.first(
                          EventFilter.of(
                              "MLI",
                              new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))),
                          EventListing.Sort.ascending(EventListing.Sort.Field.ID),
                          10))
                  .events())
          .extracting(Event::id, Event::flags)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("acled:MLI1", java.util.Set.of()),
              org.assertj.core.groups.Tuple.tuple(
                  "acled:MLI2", java.util.Set.of(EventFlag.POINT_OUTSIDE_COUNTRY)));
    }

    try (TestServer server = new TestServer(folder)) {
      JsonNode doc = TestServer.json(server.get("/api/openapi.json", null));
      // The document names every flag there is.
      List<String> documented = new java.util.ArrayList<>();
      doc.at("/components/schemas/Event/properties/flags/items/enum")
          .forEach(n -> documented.add(n.asText()));
      assertThat(documented)
          .containsExactlyElementsOf(
              java.util.Arrays.stream(EventFlag.values()).map(EventFlag::code).toList());

      HttpResponse<String> json = server.get("/api/v1/events?" + WINDOW + "&sort=id", Role.ANALYST);
      assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
      JsonNode body = TestServer.json(json);
      assertThat(OpenApiDocumentTest.validate(doc, body, "EventList")).isEmpty();
      assertThat(body.get("total").asLong()).isEqualTo(2);
      assertThat(body.at("/events/0/id").asText()).isEqualTo("acled:MLI1");
      assertThat(body.at("/events/0/flags").isArray()).isTrue();
      assertThat(body.at("/events/0/flags").size()).isZero();
      assertThat(body.at("/events/1/flags").toString()).isEqualTo("[\"point_outside_country\"]");
      assertThat(body.at("/events/1/latitude").asDouble()).isEqualTo(-5.33);

      HttpResponse<String> geo =
          server.get("/api/v1/events?" + WINDOW + "&sort=id&format=geojson", Role.ANALYST);
      JsonNode features = TestServer.json(geo);
      assertThat(OpenApiDocumentTest.validate(doc, features, "EventFeatureCollection")).isEmpty();
      assertThat(features.at("/features/1/properties/flags").toString())
          .isEqualTo("[\"point_outside_country\"]");
      assertThat(features.at("/features/1/geometry/coordinates").toString())
          .isEqualTo("[13.95,-5.33]");

      HttpResponse<String> points = server.get("/api/v1/events/points?" + WINDOW, Role.ANALYST);
      JsonNode map = TestServer.json(points);
      assertThat(OpenApiDocumentTest.validate(doc, map, "EventPoints")).isEmpty();
      assertThat(map.get("features"))
          .extracting(f -> f.get("id").asText() + " " + f.at("/properties/flags"))
          .containsExactlyInAnyOrder("acled:MLI1 []", "acled:MLI2 [\"point_outside_country\"]");

      HttpResponse<String> csv =
          server.get("/api/v1/events?" + WINDOW + "&sort=id&format=csv", Role.ANALYST);
      List<String> rows = csv.body().lines().filter(l -> !l.startsWith("# ")).toList();
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0)).endsWith(",sourceFile,flags");
      assertThat(rows.get(1)).endsWith(",#meta+file,#meta+flags");
      assertThat(rows.get(2)).startsWith("acled:MLI1,").endsWith(",acled.csv:2,");
      assertThat(rows.get(3))
          .startsWith("acled:MLI2,")
          .endsWith(",acled.csv:3,point_outside_country");
      HttpResponse<String> chosen =
          server.get(
              "/api/v1/events?" + WINDOW + "&sort=id&format=csv&fields=id,flags", Role.ANALYST);
      assertThat(chosen.body().lines().filter(l -> !l.startsWith("# ")).toList())
          .containsExactly(
              "id,flags",
              "#event+id,#meta+flags",
              "acled:MLI1,",
              "acled:MLI2,point_outside_country");
    }

    try (Store store = Stores.open(db)) {
      IngestReport again = ingest(store, acled);
      // Nothing changed: the flag is derived from the point, and the note counts as before.
      assertThat(List.of(again.inserted(), again.updated(), again.unchanged()))
          .containsExactly(0L, 0L, 2L);
      assertThat(again.notes()).hasSize(1);
      assertThat(again.notes().get(0)).startsWith("1 event lies outside its country's");
      assertThat(store.findEvent("acled:MLI2").orElseThrow().flags())
          .containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
      assertThat(store.countHistory("acled:MLI2")).isZero();
    }
  }
}

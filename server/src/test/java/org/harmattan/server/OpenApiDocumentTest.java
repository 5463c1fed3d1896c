package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.api.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI document served at /api/openapi.json is valid OpenAPI 3.1 (swagger-parser), names
 * every route the server answers with its role, and real responses match its schemas (a JSON Schema
 * 2020-12 validator).
 */
class OpenApiDocumentTest {
  @TempDir static Path dir;
  static TestServer server;
  static JsonNode doc;

  @BeforeAll
  static void start() {
    server = new TestServer(dir, TestServer.ACLED_FIXTURE, TestServer.UCDP_FIXTURE);
    HttpResponse<String> r = server.get("/api/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    doc = TestServer.json(r);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDocumentIsValidOpenApi31() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    // A bearer token or a session by default, so that the docs page's Authorize sends the token.
    assertThat(result.getOpenAPI().getSecurity()).hasSize(2);
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes())
        .containsKeys("bearer", "session");
  }

  @Test
  void everyRouteIsDocumentedWithItsRoleAndNothingElse() {
    int operations = 0;
    for (ApiRoute r : server.server.routes()) {
      JsonNode op =
          doc.path("paths").path(r.path()).path(r.method().name().toLowerCase(Locale.ROOT));
      assertThat(op.isObject()).as(r.method() + " " + r.path()).isTrue();
      if (r.role() == null) {
        assertThat(op.get("security").size()).as(r.path()).isZero();
      } else {
        assertThat(op.get("x-role").asText()).isEqualTo(r.role().word());
        assertThat(op.path("responses").has("401")).isTrue();
        assertThat(op.path("responses").has("403")).isTrue();
      }
    }
    for (JsonNode path : doc.get("paths")) {
      operations += path.size();
    }
    assertThat(operations).isEqualTo(server.server.routes().size());
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @CsvSource({
    "/api/v1/health, Health",
    "/api/v1/status, Status",
    "/api/v1/coverage, CoverageList",
    "/api/v1/quarantine, Quarantine",
    "/api/v1/figures?country=MLI&from=2025-01-01&to=2025-03-31&compare=2024, FigureList",
    "/api/v1/figures/events.total?country=MLI&from=2025-01-01&to=2025-03-31, FigureOne",
    "/api/v1/events?country=MLI&from=2025-01-01&to=2025-03-31&limit=3, EventList",
    "/api/v1/events?from=2025-01-01&to=2025-03-31&format=geojson, EventFeatureCollection",
    "/api/v1/events/points?country=MLI&from=2025-01-01&to=2025-03-31, EventPoints",
    "/api/v1/series?country=MLI&from=2025-01-01&to=2025-03-31&interval=week, Series",
    "/api/v1/overview?country=MLI&from=2025-01-01&to=2025-03-31&compare=2024, Overview",
    "/api/v1/admin1?country=MLI, Admin1List",
    "/api/v1/warnings?country=MLI&from=2025-01-01&to=2025-03-31&compare=2024, WarningList",
    "/api/v1/users, UserList",
    "/api/v1/briefs, BriefJobList",
    "/api/v1/actors, ActorList",
    "/api/v1/actors/names?country=MLI, ActorNameList",
    "/api/v1/figures?country=XYZ&from=2025-01-01&to=2025-03-31, Problem",
    "/api/v1/nothing, Problem",
  })
  void aResponseMatchesItsSchema(String path, String schema) {
    HttpResponse<String> r = server.get(path, Role.ADMIN);
    assertThat(validate(TestServer.json(r), schema)).as(r.body()).isEmpty();
  }

  @Test
  void claimVerdictsMatchTheirSchema() {
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/claims"))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"claims\":[{\"id\":\"c1\",\"figure\":\"events.total\","
                            + "\"country\":\"MLI\",\"from\":\"2025-01-01\",\"to\":\"2025-03-31\","
                            + "\"value\":8}]}"))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(validate(TestServer.json(r), "ClaimVerdicts")).isEmpty();
  }

  @Test
  void aSchemaCatchesAResponseThatBreaksIt() {
    // The validator must be able to fail: a health answer without "events" does not match.
    ObjectNode broken = TestServer.JSON.createObjectNode().put("status", "ok");
    assertThat(validate(broken, "Health")).isNotEmpty();
  }

  @Test
  void theDocsPageLoadsSwaggerUiFromTheServerItself() {
    HttpResponse<String> page = server.get("/api/docs", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("/api/docs/assets/swagger-ui-bundle.js")
        .doesNotContain("http");
    HttpResponse<String> bundle = server.get("/api/docs/assets/swagger-ui-bundle.js", null);
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
  }

  static List<Error> validate(JsonNode body, String schema) {
    return validate(doc, body, schema);
  }

  /**
   * The ways {@code body} breaks the schema {@code schema} of the OpenAPI document {@code
   * document}.
   */
  static List<Error> validate(JsonNode document, JsonNode body, String schema) {
    ObjectNode root = TestServer.JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/components/schemas/" + schema);
    root.set("components", document.get("components"));
    Schema s =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(root.toString());
    return s.validate(body);
  }
}

package org.harmattan.ingest.acled.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.LineRange;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.common.CollectingSink;
import org.harmattan.testsupport.MovingClock;
import org.harmattan.testsupport.acled.FakeAcledApi;
import org.harmattan.testsupport.acled.FakeAcledApi.Canned;
import org.harmattan.testsupport.acled.FakeAcledApi.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against ACLED's documented API played by an HTTP server in the test's JVM. */
class AcledApiClientTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final LocalDate MAY_1 = LocalDate.of(2022, 5, 1);
  private static final LocalDate MAY_31 = LocalDate.of(2022, 5, 31);
  private static final String EVENTS = "/api/acled/read";
  private static final String DELETED = "/api/deleted/read";
  private static final String TOKEN = "/oauth/token";
  private static final AcledApiClient.Settings SETTINGS =
      new AcledApiClient.Settings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          5,
          Duration.ofSeconds(1),
          Duration.ofMinutes(1),
          Duration.ofMinutes(10));

  @TempDir Path folder;
  private final MovingClock clock = new MovingClock(T0);
  private final List<Duration> sleeps = new ArrayList<>();
  private FakeAcledApi api;
  private AcledApiClient client;

  @BeforeEach
  void start() throws IOException {
    api = new FakeAcledApi(clock);
    client = client(api.base(), FakeAcledApi.PASSWORD);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private AcledApiClient client(URI base, String password) {
    return new AcledApiClient(
        base,
        AcledCredentials.of(FakeAcledApi.USERNAME, password, "the test's account"),
        SETTINGS,
        clock,
        sleeps::add);
  }

  /** The fixture's Mali rows of May 2022, in order: what the query selects, found independently. */
  private static List<JsonNode> maliInMay() {
    return FakeAcledApi.rows("events-mali-2022-05.json").stream()
        .filter(r -> r.path("country").asText().equals("Mali"))
        .filter(r -> r.path("event_date").asText().startsWith("2022-05-"))
        .toList();
  }

  private static List<String> ids(List<JsonNode> rows) {
    return rows.stream().map(r -> r.path("event_id_cnty").asText()).toList();
  }

  private static long timestamp(JsonNode row) {
    return Long.parseLong(row.path("timestamp").asText());
  }

  private List<Path> filesInFolder() throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }

  private static HarmattanException failure(Runnable r) {
    try {
      r.run();
    } catch (HarmattanException e) {
      return e;
    }
    throw new AssertionError("expected a HarmattanException");
  }

  // --- paging and the file ----------------------------------------------------------------------

  @Test
  void pagesUntilAShortPageAndWritesAFileTheIngestReadsAsAcled() {
    List<JsonNode> expected = maliInMay();
    assertThat(expected).hasSize(5);

    AcledReadResult result =
        client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31).withPageSize(2), folder);

    // 5 rows in pages of 2: 2, 2 and a short page of 1.
    assertThat(result.rows()).isEqualTo(5);
    assertThat(result.pages()).isEqualTo(3);
    assertThat(result.requests()).isEqualTo(4); // one token, three pages
    assertThat(result.retries()).isZero();
    assertThat(result.maxTimestamp())
        .contains(
            Instant.ofEpochSecond(
                expected.stream().mapToLong(AcledApiClientTest::timestamp).max().orElseThrow()));
    Path file = result.file().orElseThrow();
    assertThat(file.getFileName()).hasToString("acled-api-MLI-20250601T120000Z.csv");
    assertThat(file.getParent()).isEqualTo(folder);

    List<Received> pages = api.received(EVENTS);
    assertThat(pages).extracting(r -> r.get("page")).containsExactly("1", "2", "3");
    for (Received r : pages) {
      assertThat(r.parameters())
          .containsEntry("_format", "json")
          .containsEntry("iso", "466")
          .containsEntry("event_date", "2022-05-01|2022-05-31")
          .containsEntry("event_date_where", "BETWEEN")
          .containsEntry("limit", "2")
          .doesNotContainKey("timestamp");
      assertThat(r.bearer()).isEqualTo("access-1");
    }
    Received token = api.received(TOKEN).get(0);
    assertThat(token.parameters())
        .containsEntry("grant_type", "password")
        .containsEntry("client_id", "acled")
        .containsEntry("scope", "authenticated")
        .containsEntry("username", FakeAcledApi.USERNAME);

    // The pipeline recognises the file as ACLED's current export and maps every row.
    CollectingSink.Read read = CollectingSink.read(file);
    assertThat(read.summary().format()).isEqualTo(SourceFormat.ACLED);
    assertThat(read.rejected()).isEmpty();
    assertThat(read.events())
        .extracting(Event::sourceEventId)
        .containsExactlyElementsOf(ids(expected));
    assertThat(read.events())
        .extracting(e -> e.provenance().sourceTimestamp())
        .containsExactlyElementsOf(
            expected.stream().map(r -> Instant.ofEpochSecond(timestamp(r))).toList());
    // Provenance is that of any file: its SHA-256, and the lines (a quoted newline spans two).
    String sha = SourceFile.inspect(file).sha256();
    assertThat(read.events())
        .allSatisfy(e -> assertThat(e.provenance().fileSha256()).isEqualTo(sha));
    assertThat(read.eventLines().get(4)).isEqualTo(new LineRange(6, 7));

    // A number the API sent as a JSON number is written as sent; a null as an empty field.
    JsonNode kayes = expected.get(4);
    assertThat(kayes.path("latitude").isNumber()).isTrue();
    assertThat(kayes.path("assoc_actor_2").isNull()).isTrue();
    Event protest = read.event("MLI9107");
    assertThat(BigDecimal.valueOf(protest.latitude()))
        .isEqualByComparingTo(kayes.path("latitude").decimalValue());
    assertThat(protest.notes())
        .contains("\n")
        .startsWith(kayes.path("notes").asText().substring(0, 20));
  }

  @Test
  void theHeaderIsTheJsonFieldsInOrderAndNumbersAreWrittenAsSent() throws IOException {
    AcledReadResult result = client.readEvents(AcledQuery.of("MLI", MAY_1, MAY_31), folder);
    List<String> lines = Files.readAllLines(result.file().orElseThrow());
    List<String> fields = new ArrayList<>();
    maliInMay().get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(lines.get(0)).isEqualTo(String.join(",", fields));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",14.4940,-11.4400,"));
  }

  @Test
  void aPageSizeThatDividesTheRowsEndsOnAnEmptyPage() {
    AcledReadResult result =
        client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31).withPageSize(5), folder);
    assertThat(result.rows()).isEqualTo(5);
    assertThat(result.pages()).isEqualTo(2);
    assertThat(api.received(EVENTS)).extracting(r -> r.get("page")).containsExactly("1", "2");
  }

  @Test
  void changedAfterIsSentAsTheTimestampFilter() {
    List<JsonNode> may = maliInMay();
    long after = timestamp(may.get(2));
    List<JsonNode> expected = may.stream().filter(r -> timestamp(r) > after).toList();
    assertThat(expected).hasSize(2);

    AcledReadResult result =
        client.readEvents(
            AcledQuery.of("Mali", MAY_1, MAY_31)
                .withChangedAfter(Instant.ofEpochSecond(after).plusMillis(400)),
            folder);

    assertThat(api.received(EVENTS).get(0).parameters())
        .containsEntry("timestamp", Long.toString(after))
        .containsEntry("timestamp_where", ">");
    assertThat(result.rows()).isEqualTo(expected.size());
    assertThat(CollectingSink.read(result.file().orElseThrow()).events())
        .extracting(Event::sourceEventId)
        .containsExactlyElementsOf(ids(expected));
  }

  @Test
  void aReadWithoutRowsWritesNoFile() throws IOException {
    AcledReadResult result =
        client.readEvents(
            AcledQuery.of("Mali", MAY_1, MAY_31)
                .withChangedAfter(Instant.parse("2030-01-01T00:00:00Z")),
            folder);
    assertThat(result.file()).isEmpty();
    assertThat(result.rows()).isZero();
    assertThat(result.pages()).isEqualTo(1);
    assertThat(result.maxTimestamp()).isEmpty();
    assertThat(filesInFolder()).isEmpty();
  }

  @Test
  void aSecondReadInTheSameSecondDoesNotOverwriteTheFirst() {
    AcledQuery q = AcledQuery.of("Mali", MAY_1, MAY_31);
    Path first = client.readEvents(q, folder).file().orElseThrow();
    Path second = client.readEvents(q, folder).file().orElseThrow();
    assertThat(first).exists();
    assertThat(second.getFileName()).hasToString("acled-api-MLI-20250601T120000Z-2.csv");
    // The token of the first read serves the second.
    assertThat(api.received(TOKEN)).hasSize(1);
  }

  // --- tokens -----------------------------------------------------------------------------------

  @Test
  void anAccessTokenAboutToExpireIsRefreshedByTheClock() {
    AcledQuery q = AcledQuery.of("Mali", MAY_1, MAY_31);
    client.readEvents(q, folder);
    // Within the 10-minute margin of the 24-hour token.
    clock.advance(Duration.ofSeconds(FakeAcledApi.EXPIRES_IN).minusMinutes(5));
    client.readEvents(q, folder);

    List<Received> tokens = api.received(TOKEN);
    assertThat(tokens)
        .extracting(r -> r.get("grant_type"))
        .containsExactly("password", "refresh_token");
    assertThat(tokens.get(1).parameters())
        .containsEntry("refresh_token", "refresh-1")
        .containsEntry("client_id", "acled")
        .doesNotContainKeys("username", "password");
    assertThat(api.received(EVENTS))
        .extracting(Received::bearer)
        .containsExactly("access-1", "access-2");
  }

  @Test
  void a401OnADataCallRefreshesTheTokenOnceAndAsksAgain() {
    AcledQuery q = AcledQuery.of("Mali", MAY_1, MAY_31);
    client.readEvents(q, folder);
    api.revokeAccessTokens();

    AcledReadResult result = client.readEvents(q, folder);

    assertThat(result.rows()).isEqualTo(5);
    assertThat(result.requests()).isEqualTo(3); // page 1 refused, the refresh, page 1 again
    assertThat(result.retries()).isZero();
    assertThat(api.received())
        .extracting(r -> r.path() + " " + (r.bearer() == null ? r.get("grant_type") : r.bearer()))
        .containsExactly(
            TOKEN + " password",
            EVENTS + " access-1",
            EVENTS + " access-1",
            TOKEN + " refresh_token",
            EVENTS + " access-2");
  }

  @Test
  void aRefusedRefreshTokenFallsBackToThePasswordGrant() {
    AcledQuery q = AcledQuery.of("Mali", MAY_1, MAY_31);
    client.readEvents(q, folder);
    api.revokeRefreshTokens();
    clock.advance(Duration.ofHours(25));

    assertThat(client.readEvents(q, folder).rows()).isEqualTo(5);
    assertThat(api.received(TOKEN))
        .extracting(r -> r.get("grant_type"))
        .containsExactly("password", "refresh_token", "password");
    assertThat(api.received(EVENTS).get(1).bearer()).isEqualTo("access-2");
  }

  @Test
  void aRefreshTokenPastItsFourteenDaysIsNotTried() {
    AcledQuery q = AcledQuery.of("Mali", MAY_1, MAY_31);
    client.readEvents(q, folder);
    clock.advance(Duration.ofDays(15));

    client.readEvents(q, folder);
    assertThat(api.received(TOKEN))
        .extracting(r -> r.get("grant_type"))
        .containsExactly("password", "password");
  }

  @Test
  void aTokenRefusedAgainAfterRenewalFailsNamingTheAccount() {
    api.refuseEveryToken();
    HarmattanException e =
        failure(() -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_REFUSED);
    assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT);
    assertThat(e.getMessage())
        .contains("refused a freshly renewed access token for page 1 of the events of Mali")
        .contains("HTTP 401")
        .contains("the test's account")
        .doesNotContain("access-");
    assertThat(api.received(EVENTS)).hasSize(2);
  }

  @Test
  void refusedCredentialsAreAClearErrorWithoutTheirValues() throws IOException {
    AcledApiClient wrong = client(api.base(), "not the password");
    HarmattanException e =
        failure(() -> wrong.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_REFUSED);
    assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT);
    assertThat(e.getMessage())
        .isEqualTo(
            "ACLED refused the username and password from the test's account (HTTP 401 from "
                + api.base()
                + "/oauth/token: invalid_grant); check them: they are the e-mail address and"
                + " password of the myACLED account")
        .doesNotContain(FakeAcledApi.USERNAME)
        .doesNotContain("not the password");
    assertThat(api.received(EVENTS)).isEmpty();
    assertThat(sleeps).isEmpty();
    assertThat(filesInFolder()).isEmpty();
  }

  // --- retries ----------------------------------------------------------------------------------

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    api.answerNext(new Canned(429, Map.of("Retry-After", "7"), "{\"message\":\"Too many\"}"));
    AcledReadResult result = client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder);
    assertThat(result.rows()).isEqualTo(5);
    assertThat(result.retries()).isEqualTo(1);
    assertThat(result.requests()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a429WithAnHttpDateWaitsUntilThatDate() {
    api.answerNext(
        new Canned(429, Map.of("Retry-After", "Sun, 01 Jun 2025 12:00:30 GMT"), "slow down"));
    client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aRetryAfterLongerThanTheLongestWaitFailsAtOnce() throws IOException {
    api.answerNext(new Canned(429, Map.of("Retry-After", "3600"), ""));
    HarmattanException e =
        failure(() -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_UNAVAILABLE);
    assertThat(e.getMessage())
        .contains("asking to wait 3600 s (Retry-After), longer than the 60 s")
        .contains("try again after 2025-06-01T13:00:00Z");
    assertThat(sleeps).isEmpty();
    assertThat(filesInFolder()).isEmpty();
  }

  @Test
  void a500IsRetriedAfterTheBackOff() {
    api.answerPage(2, Canned.of(500, "<html>Internal Server Error</html>"));
    AcledReadResult result =
        client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31).withPageSize(2), folder);
    assertThat(result.rows()).isEqualTo(5);
    assertThat(result.retries()).isEqualTo(1);
    assertThat(sleeps).containsExactly(SETTINGS.baseDelay());
    assertThat(api.received(EVENTS))
        .extracting(r -> r.get("page"))
        .containsExactly("1", "2", "2", "3");
  }

  @Test
  void aConnectionDroppedWithoutAnAnswerIsRetriedThenFails() throws IOException {
    // The JDK's client may itself resend a GET once on a dropped connection: the client's own
    // attempts are what is asserted, not the server's count.
    api.answerEveryData(Canned.hangUp());
    HarmattanException e =
        failure(() -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_UNAVAILABLE);
    assertThat(e.getMessage())
        .startsWith(
            "ACLED's API did not serve page 1 of the events of Mali (rows from offset 0): the"
                + " connection failed (")
        .endsWith("(attempt 5 of 5); it seems down or overloaded, try again later");
    assertThat(sleeps).hasSize(4);
    assertThat(filesInFolder()).isEmpty();
  }

  @Test
  void a503OnEveryTryFailsAfterTheLastAttemptAndLeavesNoFile() throws IOException {
    api.answerPage(
        1,
        Canned.of(
            200,
            "{\"status\":200,\"success\":true,\"count\":2,\"data\":"
                + maliInMay().subList(0, 2)
                + "}"));
    api.answerEveryData(Canned.of(503, "Service Unavailable"));
    HarmattanException e =
        failure(
            () -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31).withPageSize(2), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_UNAVAILABLE);
    assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "ACLED's API did not serve page 2 of the events of Mali (rows from offset 2): HTTP 503;"
                + " it said: \"Service Unavailable\" (attempt 5 of 5); it seems down or overloaded,"
                + " try again later");
    // 1, 2, 4 and 8 s between the five attempts.
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8));
    assertThat(api.received(EVENTS)).hasSize(6);
    assertThat(filesInFolder()).isEmpty();
  }

  // --- answers that are not as documented -------------------------------------------------------

  @Test
  void anHtmlPageFailsTheReadNamingThePageAndLeavesNoFile() throws IOException {
    api.answerPage(2, Canned.of(200, "<!DOCTYPE html><html><body>Maintenance</body></html>"));
    HarmattanException e =
        failure(
            () -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31).withPageSize(2), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_MALFORMED);
    assertThat(e.category()).isEqualTo(ErrorCategory.SOURCE_DATA);
    assertThat(e.getMessage())
        .startsWith("page 2 of the events of Mali (rows from offset 2) is not JSON (")
        .contains("\"<!DOCTYPE html><html><body>Maintenance</body></html>\"")
        .endsWith("expected a JSON object {\"success\":true,\"count\":…,\"data\":[{…},…]}");
    assertThat(filesInFolder()).isEmpty();
  }

  @Test
  void aTruncatedPageFailsTheRead() throws IOException {
    String whole =
        "{\"status\":200,\"success\":true,\"count\":2,\"data\":" + maliInMay().subList(0, 2) + "}";
    api.answerPage(1, Canned.of(200, whole.substring(0, whole.length() / 2)));
    HarmattanException e =
        failure(() -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_MALFORMED);
    assertThat(e.getMessage())
        .startsWith(
            "page 1 of the events of Mali (rows from offset 0) is not JSON (Unexpected end-of-input");
    assertThat(filesInFolder()).isEmpty();
  }

  @Test
  void aRowWithoutAFieldOfTheFirstFailsNamingItsOffset() throws IOException {
    List<JsonNode> rows = maliInMay();
    ((com.fasterxml.jackson.databind.node.ObjectNode) rows.get(3)).remove("event_date");
    api.answerPage(
        2, Canned.of(200, "{\"success\":true,\"count\":2,\"data\":" + rows.subList(2, 4) + "}"));
    HarmattanException e =
        failure(
            () -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31).withPageSize(2), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_MALFORMED);
    assertThat(e.getMessage())
        .startsWith(
            "page 2 of the events of Mali, row at offset 3 lacks the field event_date; expected the"
                + " fields of the first row: event_id_cnty, event_date,");
    assertThat(filesInFolder()).isEmpty();
  }

  @Test
  void aPageWhoseCountDisagreesWithItsRowsFails() {
    api.answerPage(
        1,
        Canned.of(
            200, "{\"success\":true,\"count\":3,\"data\":" + maliInMay().subList(0, 2) + "}"));
    assertThatThrownBy(() -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            "page 1 of the events of Mali (rows from offset 0) says count 3 but holds 2 rows;"
                + " expected as many rows as its count (a cut answer?)");
  }

  @Test
  void successFalseFailsWithAcledsMessage() {
    api.answerNext(
        Canned.of(
            200,
            "{\"status\":400,\"success\":false,\"error\":{\"message\":\"Invalid value for"
                + " parameter event_date_where\"}}"));
    HarmattanException e =
        failure(() -> client.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_REFUSED);
    assertThat(e.getMessage())
        .isEqualTo(
            "ACLED's API answered page 1 of the events of Mali (rows from offset 0) with an error:"
                + " \"Invalid value for parameter event_date_where\"");
    assertThat(sleeps).isEmpty();
  }

  // --- deletions --------------------------------------------------------------------------------

  @Test
  void listsDeletionsAfterATimeInPages() {
    List<JsonNode> all = FakeAcledApi.rows("deleted.json");
    Instant since =
        Instant.ofEpochSecond(Long.parseLong(all.get(0).path("deleted_timestamp").asText()));
    List<AcledDeletion> expected =
        all.stream()
            .map(
                r ->
                    new AcledDeletion(
                        r.path("event_id_cnty").asText(),
                        Instant.ofEpochSecond(
                            Long.parseLong(r.path("deleted_timestamp").asText()))))
            .filter(d -> d.deletedAt().isAfter(since))
            .toList();
    assertThat(expected).hasSize(5);

    assertThat(client.listDeletions(since, 2)).containsExactlyElementsOf(expected);

    List<Received> pages = api.received(DELETED);
    assertThat(pages).extracting(r -> r.get("page")).containsExactly("1", "2", "3");
    assertThat(pages.get(0).parameters())
        .containsEntry("_format", "json")
        .containsEntry("deleted_timestamp", Long.toString(since.getEpochSecond()))
        .containsEntry("deleted_timestamp_where", ">")
        .containsEntry("limit", "2");
  }

  @Test
  void aDeletionRowWithoutItsTimeFails() {
    api.answerNext(
        Canned.of(200, "{\"success\":true,\"count\":1,\"data\":[{\"event_id_cnty\":\"MLI1\"}]}"));
    assertThatThrownBy(() -> client.listDeletions(T0))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith(
            "page 1 of the deletions after 2025-06-01T12:00:00Z, row at offset 0 is"
                + " \"{\"event_id_cnty\":\"MLI1\"}\"; expected {\"event_id_cnty\":\"MLI1234\",");
  }

  // --- offline ----------------------------------------------------------------------------------

  @Test
  void aClosedPortIsReportedAsOfflineWithTheAddress() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    AcledApiClient offline = client(URI.create("http://127.0.0.1:" + port), FakeAcledApi.PASSWORD);
    HarmattanException e =
        failure(() -> offline.readEvents(AcledQuery.of("Mali", MAY_1, MAY_31), folder));
    assertThat(e.problemCode()).isEqualTo(ProblemCode.SOURCE_UNREACHABLE);
    assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot reach ACLED's API at http://127.0.0.1:"
                + port
                + " (the connection was refused); the machine seems offline, or the address is"
                + " wrong; try again when online");
    assertThat(sleeps).isEmpty();
    assertThat(filesInFolder()).isEmpty();
  }
}

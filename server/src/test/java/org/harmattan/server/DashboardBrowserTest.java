package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.alerts.watch.Subscriptions;
import org.harmattan.engine.accounts.Role;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.alerts.AlertService;
import org.harmattan.service.brief.BriefService;
import org.harmattan.testsupport.Chromium;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver) against a real
 * server over a store holding the real ACLED Mali export: the numbers on screen equal an
 * independent reading of the raw file and the API's answers, filters and the timeline's brush
 * change them as the API says, citations open, viewers see no notes, and a brief can be written and
 * opened. Screenshots go to {@code target/dashboard-screenshots}.
 */
class DashboardBrowserTest {
  static final String FILE = MaliApiRealDataTest.FILE;
  static final String VIEW = "/?country=MLI&from=2018-01-01&to=2018-12-31&compare=2017";
  static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

  static Path folder;
  static TestServer server;
  static long rawEvents;
  static long rawFatalities;
  static RawAcledRegions rawRegions;

  WebDriver driver;
  Path profile;

  @BeforeAll
  static void startServer() throws IOException {
    Path raw = SharedData.require(FILE);
    Chromium.requireInstalled();
    // The expected numbers, read from the raw export without Harmattan's code: the country is
    // the export's ISO3 code, the year its year column.
    Set<String> ids = new HashSet<>();
    long deaths = 0;
    for (Map<String, String> row : PlainCsv.readMaps(raw, 0)) {
      if (row.get("iso3").equals("MLI") && row.get("year").equals("2018")) {
        ids.add(row.get("event_id_cnty"));
        deaths += Long.parseLong(row.get("fatalities"));
      }
    }
    rawEvents = ids.size();
    rawFatalities = deaths;
    rawRegions = RawAcledRegions.read(raw, "MLI");
    folder = Files.createTempDirectory("harmattan-dashboard");
    Files.copy(raw, folder.resolve("export.csv"));
    server =
        new TestServer(
            folder.resolve("server"),
            BriefService.Context.defaults(),
            Role.VIEWER,
            "file:" + folder.resolve("export.csv"));
    // The alerts a watch would have raised in 2018: surges in a region, political violence near
    // the capital.
    AlertService.run(
        server.store,
        RuleFile.parse(
            "rules:\n"
                + "  - {id: surge, kind: acled-surge, countries: [MLI], severity: severe}\n"
                + "  - {id: capital, kind: capital-radius, countries: [MLI], severity: extreme,"
                + " radius_km: 100, quiet_months: 3}\n",
            "the test's rules"),
        Subscriptions.none(),
        LocalDate.of(2018, 1, 1),
        LocalDate.of(2018, 12, 31),
        null,
        CountryProfiles.shipped(),
        Clock.systemUTC(),
        false);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
    if (folder != null) {
      deleteTree(folder);
    }
  }

  @BeforeEach
  void startBrowser() throws IOException {
    profile = Files.createTempDirectory("harmattan-chromium");
    driver = Chromium.start(profile, 1600, 1100);
  }

  @AfterEach
  void stopBrowser(TestInfo test) throws IOException {
    if (driver != null) {
      screenshot(test.getTestMethod().map(m -> m.getName()).orElse("test"));
      driver.quit();
    }
    deleteTree(profile);
  }

  @Test
  void theKeyFiguresEqualTheRawExportAndTheApi() {
    open(VIEW);
    WebElement events = figure("events.total");
    WebElement deaths = figure("fatalities.total");
    JsonNode overview =
        api("/api/v1/overview?country=MLI&from=2018-01-01&to=2018-12-31&compare=2017");
    assertThat(events.getText())
        .isEqualTo(overview.get("figures").get("events.total").get("text").asText())
        .isEqualTo(String.format(Locale.ROOT, "%,d events", rawEvents));
    assertThat(deaths.getText())
        .isEqualTo(overview.get("figures").get("fatalities.total").get("text").asText())
        .isEqualTo(String.format(Locale.ROOT, "%,d deaths", rawFatalities));
    assertThat(text("count-events")).isEqualTo(String.format(Locale.ROOT, "%,d", rawEvents));
    assertThat(text("count-fatalities"))
        .isEqualTo(String.format(Locale.ROOT, "%,d", rawFatalities));
    // The map holds every event with coordinates, the timeline every month of the year.
    assertThat(text("map-note")).startsWith(String.format(Locale.ROOT, "%,d events", rawEvents));
    assertThat(driver.findElements(By.cssSelector("#timeline-values tbody tr"))).hasSize(12);
    assertThat(driver.findElements(By.cssSelector(".leaflet-overlay-pane path, .marker-cluster")))
        .isNotEmpty();
    assertThat(driver.findElement(By.id("banner")).isDisplayed()).isFalse();
    assertNoConsoleErrors();
  }

  @Test
  void aFilterChangesTheCountsToTheApisAndTheAddressKeepsIt() {
    open(VIEW);
    String before = text("count-events");
    new Select(driver.findElement(By.id("f-eventType"))).selectByValue("Battles");
    await().until(d -> !text("count-events").equals(before) && !busy());
    JsonNode series =
        api(
            "/api/v1/series?country=MLI&from=2018-01-01&to=2018-12-31&source=ACLED"
                + "&eventType=Battles");
    assertThat(text("count-events"))
        .isEqualTo(String.format(Locale.ROOT, "%,d", series.get("events").asLong()));
    assertThat(text("count-fatalities"))
        .isEqualTo(String.format(Locale.ROOT, "%,d", series.get("fatalities").asLong()));
    JsonNode overview =
        api(
            "/api/v1/overview?country=MLI&from=2018-01-01&to=2018-12-31&compare=2017"
                + "&eventType=Battles");
    assertThat(figure("events.total").getText())
        .isEqualTo(overview.get("figures").get("events.total").get("text").asText())
        .isEqualTo(String.format(Locale.ROOT, "%,d events", series.get("events").asLong()));
    assertThat(driver.getCurrentUrl()).contains("eventType=Battles");
    // Reloading the address shows the same view.
    driver.navigate().refresh();
    await().until(d -> !busy() && exists("count-events"));
    assertThat(text("count-events"))
        .isEqualTo(String.format(Locale.ROOT, "%,d", series.get("events").asLong()));
    assertThat(new Select(driver.findElement(By.id("f-eventType"))).getFirstSelectedOption())
        .extracting(WebElement::getText)
        .isEqualTo("Battles");
    assertNoConsoleErrors();
  }

  @Test
  void brushingTheTimelineSetsThePeriodOfTheWholePage() {
    open(VIEW);
    WebElement chart = driver.findElement(By.id("timeline"));
    int width = chart.getSize().getWidth();
    // From about the start of March to about the end of May: the page snaps to the days under
    // the pointer, and the address says which.
    new Actions(driver)
        .moveToElement(chart, -width / 2 + 46 + (width - 92) * 2 / 12 + 3, 0)
        .clickAndHold()
        .moveByOffset((width - 92) * 28 / 120 - 3, 0)
        .release()
        .perform();
    await().until(d -> !d.getCurrentUrl().contains("from=2018-01-01") && !busy());
    String url = driver.getCurrentUrl();
    String from = param(url, "from");
    String to = param(url, "to");
    assertThat(from).startsWith("2018-03");
    assertThat(to).startsWith("2018-05");
    await().until(d -> text("count-events").equals(count(from, to)));
    JsonNode series = api("/api/v1/series?country=MLI&source=ACLED&from=" + from + "&to=" + to);
    assertThat(text("count-fatalities"))
        .isEqualTo(String.format(Locale.ROOT, "%,d", series.get("fatalities").asLong()));
    await().until(d -> figureText("events.total").equals(overviewText(from, to, "events.total")));
    assertThat(driver.findElement(By.id("f-from")).getAttribute("value")).isEqualTo(from);
    // Back returns to the year.
    driver.navigate().back();
    await()
        .until(
            d ->
                text("count-events").equals(String.format(Locale.ROOT, "%,d", rawEvents))
                    && !busy());
    assertNoConsoleErrors();
  }

  @Test
  void aFiguresCitationOpensWithItsQuerySourcesAndRecords() {
    open(VIEW);
    figure("fatalities.total").click();
    WebElement dialog = driver.findElement(By.id("citation"));
    await().until(d -> dialog.getText().contains("SHA-256"));
    JsonNode f =
        api("/api/v1/figures/fatalities.total?country=MLI&from=2018-01-01&to=2018-12-31"
                + "&compare=2017")
            .get("figure");
    String shown = dialog.getText();
    assertThat(shown)
        .contains(f.get("query").asText())
        .contains(f.get("citation").get("sources").get(0).get("sha256").asText())
        .contains("Records\n" + f.get("citation").get("recordCount").asText());
    assertThat(f.get("citation").get("recordCount").asLong()).isEqualTo(rawEvents);
    dialog.findElement(By.tagName("button")).click();
    await().until(d -> dialog.getAttribute("open") == null);
    assertNoConsoleErrors();
  }

  @Test
  void theSignalsPerRegionAreTheRulesCountedByHandAndEachNumberOpensItsCitation()
      throws IOException {
    // The last day of September 2018: surges in Gao and Tombouctou, and a threat in Tombouctou.
    LocalDate asOf = LocalDate.of(2018, 9, 30);
    open("/?country=MLI&from=2018-01-01&to=2018-09-30&compare=2017");
    await().until(d -> !driver.findElements(By.cssSelector("#warnings p")).isEmpty());
    List<RawAcledRegions.Fired> fired = rawRegions.fired(asOf);
    assertThat(fired).hasSizeGreaterThan(1);
    // Regions where a rule fired come first, most signals first, then by name.
    Map<String, Long> perRegion = new java.util.TreeMap<>();
    fired.forEach(f -> perRegion.merge(f.admin1(), 1L, Long::sum));
    List<String> expectedOrder = new java.util.ArrayList<>(perRegion.keySet());
    expectedOrder.sort(
        java.util.Comparator.comparing((String r) -> -perRegion.get(r)).thenComparing(r -> r));
    List<WebElement> regions = driver.findElements(By.cssSelector("#warnings li[data-region]"));
    assertThat(regions)
        .extracting(r -> r.getAttribute("data-region"))
        .containsExactlyElementsOf(expectedOrder);
    for (RawAcledRegions.Fired f : fired) {
      WebElement line =
          driver.findElement(
              By.cssSelector(
                  "#warnings li[data-region='"
                      + f.admin1()
                      + "'] li[data-rule='"
                      + f.ruleId()
                      + "']"));
      List<WebElement> numbers = line.findElements(By.cssSelector("button.fig"));
      assertThat(numbers.get(0).getText()).isEqualTo(f.observedIds().size() + " events");
    }
    // The regions where nothing fired are named in one line.
    Set<String> quiet = new java.util.TreeSet<>(rawRegions.eventsByRegion().keySet());
    quiet.removeAll(perRegion.keySet());
    String quietLine = driver.findElement(By.cssSelector("#warnings .quiet")).getText();
    for (String r : quiet) {
      assertThat(quietLine).contains(shown(r));
    }
    assertThat(quietLine).doesNotContain("Segou");
    screenshot("early-warning-panel");
    // A number opens its citation from the keyboard: the events it counts, read from the raw file.
    RawAcledRegions.Fired first =
        fired.stream().filter(f -> f.admin1().equals(expectedOrder.get(0))).findFirst().get();
    WebElement number =
        driver.findElement(
            By.cssSelector(
                "#warnings li[data-region='"
                    + first.admin1()
                    + "'] li[data-rule='"
                    + first.ruleId()
                    + "'] button.fig"));
    number.sendKeys(org.openqa.selenium.Keys.ENTER);
    WebElement dialog = driver.findElement(By.id("citation"));
    await().until(d -> dialog.getText().contains("SHA-256"));
    String shown = dialog.getText();
    assertThat(shown).contains("Records\n" + first.observedIds().size());
    for (String id : first.observedIds()) {
      assertThat(shown).contains(id);
    }
    screenshot("early-warning-citation");
    dialog.findElement(By.tagName("button")).click();
    await().until(d -> dialog.getAttribute("open") == null);
    // The region filter lists the regions the events name, from GET /api/v1/admin1.
    List<WebElement> choices = new Select(driver.findElement(By.id("f-admin1"))).getOptions();
    List<String> expectedValues = new java.util.ArrayList<>(List.of(""));
    expectedValues.addAll(rawRegions.eventsByRegion().keySet());
    assertThat(choices).extracting(o -> o.getAttribute("value")).isEqualTo(expectedValues);
    List<String> expectedTexts = new java.util.ArrayList<>(List.of("All"));
    rawRegions.eventsByRegion().keySet().forEach(r -> expectedTexts.add(shown(r)));
    assertThat(choices).extracting(WebElement::getText).isEqualTo(expectedTexts);
    // Choosing one narrows the panel to it.
    new Select(driver.findElement(By.id("f-admin1"))).selectByValue("Gao");
    await()
        .until(
            d ->
                !busy()
                    && d.getCurrentUrl().contains("admin1=Gao")
                    && d.findElements(By.cssSelector("#warnings li[data-region]")).size() == 1);
    assertThat(
            driver
                .findElement(By.cssSelector("#warnings li[data-region]"))
                .getAttribute("data-region"))
        .isEqualTo("Gao");
    assertNoConsoleErrors();
  }

  @Test
  void theAlertsRaisedInTheWindowAreListedNewestFirstAndTheirFiguresCited() throws IOException {
    open("/?country=MLI&from=2018-07-01&to=2018-12-31");
    await()
        .until(d -> !d.findElements(By.cssSelector("#alerts p, #alerts li")).isEmpty() && !busy());
    await().until(d -> !d.findElements(By.cssSelector("#alerts li[data-alert]")).isEmpty());
    // The API's alerts of the window for Mali, newest first: the panel shows the first 10.
    List<JsonNode> expected = new java.util.ArrayList<>();
    api("/api/v1/alerts?from=2018-07-01&to=2018-12-31&limit=1000")
        .get("alerts")
        .forEach(
            a -> {
              if (a.get("country").asText().equals("MLI")) {
                expected.add(a);
              }
            });
    assertThat(expected).hasSizeGreaterThan(1);
    assertThat(expected)
        .allSatisfy(
            a ->
                assertThat(LocalDate.parse(a.get("date").asText()))
                    .isBetween(LocalDate.of(2018, 7, 1), LocalDate.of(2018, 12, 31)));
    List<WebElement> items = driver.findElements(By.cssSelector("#alerts li[data-alert]"));
    assertThat(items)
        .extracting(i -> i.getAttribute("data-alert"))
        .containsExactlyElementsOf(
            expected.stream().limit(10).map(a -> a.get("id").asText()).toList());
    JsonNode newest = expected.get(0);
    WebElement first = items.get(0);
    assertThat(first.getText())
        .contains(newest.get("headline").asText())
        .contains(newest.get("severity").asText().toUpperCase(Locale.ROOT));
    if (expected.size() > 10) {
      assertThat(text("alerts")).contains("and " + (expected.size() - 10) + " earlier alerts");
    }
    // Opened, it says what fired it; each figure opens its citation.
    first.findElement(By.tagName("summary")).click();
    assertThat(first.getText()).contains(newest.get("text").asText());
    first.findElement(By.cssSelector("button.fig")).sendKeys(org.openqa.selenium.Keys.ENTER);
    WebElement dialog = driver.findElement(By.id("citation"));
    await().until(d -> dialog.getText().contains("SHA-256"));
    JsonNode figure = newest.get("figures").get(0);
    assertThat(dialog.getText())
        .contains(figure.get("label").asText())
        .contains("Records\n" + figure.get("citation").get("recordCount").asLong());
    screenshot("alerts-panel");
    assertNoConsoleErrors();
  }

  @Test
  void aViewerSeesNoNotesAndAnAnalystDoes() {
    open(VIEW);
    assertThat(text("who")).contains("Visitor (viewer)");
    assertThat(firstPopup()).contains("Deaths").doesNotContain("Notes");
    assertThat(driver.findElement(By.id("start-brief")).isEnabled()).isFalse();
    signIn("signer", "correct horse battery staple");
    assertThat(text("who")).contains("signer (analyst)");
    assertThat(firstPopup()).contains("Notes");
    assertNoConsoleErrors();
  }

  @Test
  void anAnalystWritesABriefOfTheViewAndOpensIt() {
    open(VIEW);
    signIn("signer", "correct horse battery staple");
    driver.findElement(By.id("start-brief")).click();
    WebElement done =
        new WebDriverWait(driver, Duration.ofMinutes(4))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#briefs li[data-status='done']")));
    assertThat(done.getText()).startsWith("MLI 2018-01-01 to 2018-12-31 vs 2017: done");
    String href = done.findElement(By.linkText("HTML")).getAttribute("href");
    driver.get(href);
    assertThat(driver.getTitle()).contains("Mali");
    assertThat(driver.findElement(By.tagName("body")).getText())
        .contains(String.format(Locale.ROOT, "%,d events", rawEvents));
  }

  // ------------------------------------------------------------------ helpers

  private void open(String path) {
    driver.get(server.uri(path).toString());
    await().until(d -> exists("count-events") && !busy() && !figures().isEmpty());
  }

  private boolean busy() {
    return driver.findElement(By.tagName("body")).getAttribute("aria-busy") != null;
  }

  private boolean exists(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  private List<WebElement> figures() {
    return driver.findElements(By.cssSelector("button.fig"));
  }

  private WebElement figure(String id) {
    return driver.findElement(By.cssSelector("button.fig[data-figure='" + id + "']"));
  }

  private String figureText(String id) {
    List<WebElement> f =
        driver.findElements(By.cssSelector("button.fig[data-figure='" + id + "']"));
    return f.isEmpty() ? "" : f.get(0).getText();
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(90));
  }

  private static JsonNode api(String path) {
    return TestServer.json(server.get(path, Role.VIEWER));
  }

  private static String count(String from, String to) {
    JsonNode s = api("/api/v1/series?country=MLI&source=ACLED&from=" + from + "&to=" + to);
    return String.format(Locale.ROOT, "%,d", s.get("events").asLong());
  }

  private static String overviewText(String from, String to, String figure) {
    return api("/api/v1/overview?country=MLI&compare=2017&from=" + from + "&to=" + to)
        .get("figures")
        .get(figure)
        .get("text")
        .asText();
  }

  private static String param(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&", -1)) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(url + " has no " + name);
  }

  /** Opens the popup of the deadliest event on the map and returns its text. */
  private String firstPopup() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // Zoom to the marker until it is drawn (clustering stops at that zoom); a view the page sets
    // meanwhile (fitting the country) is zoomed again on the next try.
    await()
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "window.testMarker = state.events.getLayers()[0];"
                            + " if (window.testMarker._map) return true;"
                            + " state.map.setView(window.testMarker.getLatLng(), 13,"
                            + " {animate: false}); return false;")));
    js.executeScript("window.testMarker.openPopup();");
    WebElement popup =
        await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".leaflet-popup-content dl")));
    String text = popup.getText();
    js.executeScript("state.map.closePopup();");
    return text;
  }

  private void signIn(String name, String password) {
    driver.findElement(By.cssSelector("#who button")).click();
    WebElement form = driver.findElement(By.id("signin-form"));
    form.findElement(By.name("name")).sendKeys(name);
    form.findElement(By.name("password")).sendKeys(password);
    form.findElement(By.cssSelector("button[type='submit']")).click();
    await().until(d -> text("who").contains(name) && !busy() && !figures().isEmpty());
  }

  private void assertNoConsoleErrors() {
    assertThat(Chromium.consoleErrors(driver)).as("the browser console's errors").isEmpty();
  }

  private void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * A region as the page names it: as ACLED does, but for Segou, which the shipped outline (and the
   * brief) write with its accent; Tombouctou keeps ACLED's name (its outline says Timbuktu).
   */
  private static String shown(String acledName) {
    return acledName.equals("Segou") ? "Ségou" : acledName;
  }
}

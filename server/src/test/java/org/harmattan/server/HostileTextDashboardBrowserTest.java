package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.harmattan.engine.accounts.Role;
import org.harmattan.service.brief.BriefService;
import org.harmattan.testsupport.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium over a store whose actors, places, notes and file name
 * carry HTML ({@code hostile/acled-hostile-text.csv}): the page shows them as text, and no alert
 * opens and no element of the payloads appears, also in the map's popups and tooltips.
 */
class HostileTextDashboardBrowserTest {
  static final String VIEW = "/?country=MLI&from=2025-01-01&to=2025-03-31";

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void startServer() throws IOException {
    Chromium.requireInstalled();
    Path file = dir.resolve(HostileTextOutputsTest.FILE_NAME);
    try (InputStream in =
        HostileTextDashboardBrowserTest.class.getResourceAsStream(
            "hostile/acled-hostile-text.csv")) {
      Files.write(file, in.readAllBytes());
    }
    server =
        new TestServer(
            dir.resolve("server"),
            BriefService.Context.defaults().withoutOutlook(),
            Role.ANALYST,
            "file:" + file);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void thePayloadsAreShownAsTextAndNoneRuns() throws IOException {
    Path profile = Files.createTempDirectory(dir, "chromium");
    WebDriver driver = Chromium.start(profile, 1400, 1000);
    try {
      driver.get(server.uri(VIEW).toString());
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
      wait.until(
          d ->
              !d.findElements(By.id("count-events")).isEmpty()
                  && d.findElement(By.tagName("body")).getAttribute("aria-busy") == null
                  && !d.findElements(By.cssSelector("button.fig")).isEmpty());
      JavascriptExecutor js = (JavascriptExecutor) driver;
      // Open every event's popup and show every tooltip, so that their content is built.
      js.executeScript(
          "document.querySelectorAll('.leaflet-interactive').forEach((e) => {"
              + " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
              + " e.dispatchEvent(new MouseEvent('click', {bubbles: true})); });");
      assertThatThrownBy(() -> driver.switchTo().alert())
          .as("an alert opened")
          .isInstanceOf(NoAlertPresentException.class);
      Object injected =
          js.executeScript(
              "return document.querySelectorAll('img[src=\"x\"], script:not([src]), b, [onerror],"
                  + " [onload], a[href^=\"javascript\"]').length;");
      assertThat(((Number) injected).intValue()).as("elements injected by the data").isZero();
      String text = driver.findElement(By.tagName("body")).getText();
      assertThat(text).contains("<script>alert(1)</script>");
      assertThat(Chromium.consoleErrors(driver)).isEmpty();
    } finally {
      driver.quit();
    }
  }
}

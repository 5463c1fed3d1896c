package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.harmattan.engine.accounts.Role;
import org.harmattan.service.brief.BriefService;
import org.harmattan.testsupport.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the dashboard says when it cannot show a view, in a real headless Chromium: an empty store,
 * a view the server refuses, and a visitor who must sign in first.
 */
class DashboardMessagesBrowserTest {
  @TempDir Path dir;
  WebDriver driver;

  @BeforeEach
  void startBrowser() throws Exception {
    Chromium.requireInstalled();
    driver = Chromium.start(Files.createDirectories(dir.resolve("profile")), 1280, 900);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void anEmptyStoreSaysHowToFillIt() {
    try (TestServer server =
        new TestServer(dir.resolve("empty"), BriefService.Context.defaults(), Role.VIEWER)) {
      driver.get(server.uri("/").toString());
      WebElement message = driver.findElement(By.id("message"));
      await().until(d -> message.isDisplayed());
      assertThat(message.getText()).isEqualTo("The store is empty.");
      assertThat(driver.findElement(By.id("sections")).getText())
          .contains("The store holds no events yet")
          .contains("harmattan ingest FILE");
      assertThat(Chromium.consoleErrors(driver)).isEmpty();
    }
  }

  @Test
  void aViewTheServerRefusesIsExplained() {
    try (TestServer server =
        new TestServer(
            dir.resolve("fixture"),
            BriefService.Context.defaults(),
            Role.VIEWER,
            TestServer.ACLED_FIXTURE)) {
      driver.get(server.uri("/?country=MLI&from=2025-01-01&to=2025-03-31&actor=nobody").toString());
      WebElement message = driver.findElement(By.id("message"));
      await().until(d -> message.isDisplayed() && message.getText().contains("nobody"));
      assertThat(message.getText()).contains("is not a registry id");
      assertThat(driver.findElement(By.id("sections")).getText())
          .startsWith("The figures could not be computed");
    }
  }

  @Test
  void aVisitorWithoutAnAccountIsAskedToSignIn() {
    try (TestServer server = new TestServer(dir.resolve("closed"), TestServer.ACLED_FIXTURE)) {
      driver.get(server.uri("/?country=MLI&from=2025-01-01&to=2025-03-31").toString());
      WebElement dialog = driver.findElement(By.id("signin"));
      await().until(d -> dialog.isDisplayed());
      dialog.findElement(By.name("name")).sendKeys("signer");
      dialog.findElement(By.name("password")).sendKeys("not the password at all");
      dialog.findElement(By.cssSelector("button[type='submit']")).click();
      await().until(d -> !driver.findElement(By.id("signin-error")).getText().isEmpty());
      assertThat(driver.findElement(By.id("signin-error")).getText())
          .isEqualTo("the name or password is wrong");
      WebElement password = dialog.findElement(By.name("password"));
      password.clear();
      password.sendKeys("correct horse battery staple");
      dialog.findElement(By.cssSelector("button[type='submit']")).click();
      await()
          .until(
              d ->
                  !d.findElements(By.cssSelector("button.fig[data-figure='events.total']"))
                      .isEmpty());
      assertThat(
              driver
                  .findElement(By.cssSelector("button.fig[data-figure='events.total']"))
                  .getText())
          .isEqualTo("8 events");
      assertThat(driver.findElement(By.id("who")).getText()).startsWith("signer (analyst)");
    }
  }

  private WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(60));
  }
}

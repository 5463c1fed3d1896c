package org.harmattan.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {
  private final String before = System.getProperty(SharedData.REQUIRED_PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(SharedData.REQUIRED_PROPERTY);
    } else {
      System.setProperty(SharedData.REQUIRED_PROPERTY, before);
    }
  }

  @Test
  void whatIsThereNeitherSkipsNorFails() {
    System.setProperty(SharedData.REQUIRED_PROPERTY, "true");
    assertThatCode(() -> SharedData.requireAvailable(true, "x")).doesNotThrowAnyException();
  }

  @Test
  void whatIsMissingSkipsTheTestByDefault() {
    System.clearProperty(SharedData.REQUIRED_PROPERTY);
    assertThatThrownBy(() -> SharedData.requireAvailable(false, "pdftoppm not found"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("pdftoppm not found; skipping");
  }

  @Test
  void whatIsMissingFailsTheTestWhenRequired() {
    System.setProperty(SharedData.REQUIRED_PROPERTY, "true");
    assertThatThrownBy(() -> SharedData.requireAvailable(false, "shared/data not found"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("shared/data not found")
        .hasMessageContaining("-Dharmattan.shared.data.required=true");
  }
}

package org.harmattan.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.File;
import org.junit.jupiter.api.Test;

/**
 * LightGBM's libraries load from this process's own folder: the shared temporary folder's copy,
 * which another process may have mapped, is never rewritten.
 */
class NativeLightGbmTest {
  @Test
  void theLibrariesLoadWithoutRewritingTheSharedTemporaryCopy() {
    String tmp = System.getProperty("java.io.tmpdir");
    File shared = new File(tmp, "lib_lightgbm.so");
    long before = shared.exists() ? shared.lastModified() : -1;
    long started = System.currentTimeMillis();

    NativeLightGbm.load();

    assertThat(LGBMBooster.isNativeLoaded()).isTrue();
    assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(tmp);
    long after = shared.exists() ? shared.lastModified() : -1;
    assertThat(after).isEqualTo(before);
    assertThat(after).isLessThan(started);
  }
}

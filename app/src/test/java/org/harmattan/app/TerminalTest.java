package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Source text on the terminal: control characters written out, other text as it is. */
class TerminalTest {
  @Test
  void ansiEscapesAndControlCharactersAreWrittenOut() {
    // ESC[2J clears the screen, ESC[31m turns text red, ESC]0;…BEL retitles the window.
    assertThat(Terminal.escape("\u001b[2J\u001b[31mred\u001b]0;owned\u0007"))
        .isEqualTo("\\x1b[2J\\x1b[31mred\\x1b]0;owned\\x07");
    assertThat(Terminal.escape("ok\rFAKE")).isEqualTo("ok\\rFAKE");
    assertThat(Terminal.escape("abc\b\b\bxyz")).isEqualTo("abc\\x08\\x08\\x08xyz");
    assertThat(Terminal.escape("a\tb\nc")).isEqualTo("a\\tb\\nc");
    assertThat(Terminal.escape("\u0000\u001f\u007f")).isEqualTo("\\x00\\x1f\\x7f");
  }

  @Test
  void c1ControlsAndBidirectionalOverridesAreWrittenOut() {
    // U+009B is the one-character CSI of C1; U+202E reverses the text after it.
    assertThat(Terminal.escape("\u009b2J\u0085")).isEqualTo("\\x9b2J\\x85");
    assertThat(Terminal.escape("file\u202Ecsv.exe")).isEqualTo("file\\u202ecsv.exe");
    assertThat(Terminal.escape("\u2066x\u2069\u2028")).isEqualTo("\\u2066x\\u2069\\u2028");
  }

  @Test
  void otherTextIsLeftAsItIs() {
    String text =
        "Ménaka, Tombouctou \u062a\u0645\u0628\u0643\u062a\u0648 C:\\data\\x1b.csv \"q\" \u00a0";
    assertThat(Terminal.escape(text)).isSameAs(text);
    assertThat(Terminal.escape("")).isEmpty();
    assertThat(Terminal.escape(null)).isNull();
  }

  @Test
  void linesAreSplitAtLineFeedsOnlyAndEachIsEscaped() {
    assertThat(Terminal.escapeLines("a,\u001b[2J\nb\r\n"))
        .containsExactly("a,\\x1b[2J", "b\\r", "");
    assertThat(Terminal.escapeLines("one")).containsExactly("one");
  }
}

package org.harmattan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text from source files made safe for a terminal. A quarantined row, a file's first line in an
 * error message or an actor's name is the file author's text: an ANSI escape in it (ESC[2J, ESC]…
 * BEL) could clear the screen, rewrite earlier lines or retitle the window, and a carriage return
 * or backspace could hide what came before on the line. Every command that prints such text prints
 * it through {@link #escape}; JSON output needs nothing more, as JSON escapes control characters.
 */
final class Terminal {
  private Terminal() {}

  /**
   * {@code text} with every control character written out: tab, line feed and carriage return as
   * {@code \t}, {@code \n}, {@code \r}; other C0 controls, DEL and the C1 controls as {@code \xHH}
   * (ESC as {@code \x1b}); the bidirectional overrides and isolates and the Unicode line and
   * paragraph separators as a backslash, {@code u} and four hex digits. Other text, backslashes
   * included, is left as it is.
   */
  static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String written = written(c);
      if (written == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(written);
    }
    return out == null ? text : out.toString();
  }

  /**
   * The lines of {@code text} (split at line feeds only), each {@linkplain #escape escaped}: for
   * text shown over several lines, such as a quarantined row that spans lines of its file.
   */
  static List<String> escapeLines(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
      lines.add(escape(text.substring(from, at)));
      from = at + 1;
    }
    lines.add(escape(text.substring(from)));
    return lines;
  }

  /** How a character is written, or null when it is written as itself. */
  private static String written(char c) {
    String named =
        switch (c) {
          case '\t' -> "\\t";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          default -> null;
        };
    if (named != null) {
      return named;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return String.format(Locale.ROOT, "\\x%02x", (int) c);
    }
    // Bidirectional embeddings and overrides (U+202A..U+202E), isolates (U+2066..U+2069), and the
    // line and paragraph separators: they reorder or break what the terminal shows.
    if ((c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029) {
      return String.format(Locale.ROOT, "\\u%04x", (int) c);
    }
    return null;
  }
}

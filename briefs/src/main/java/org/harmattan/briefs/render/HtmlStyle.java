package org.harmattan.briefs.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.harmattan.briefs.model.Brief;
import org.harmattan.domain.text.Texts;

/**
 * The brief's stylesheet ({@link HtmlRenderer}): the static rules of {@value #CSS_RESOURCE} and the
 * page-margin boxes of the brief (running header, country and period, page numbers).
 */
final class HtmlStyle {
  private static final String CSS_RESOURCE = "brief.css";

  private HtmlStyle() {}

  /** The stylesheet: the static rules from brief.css and the page-margin boxes of this brief. */
  static String of(Brief brief, Texts texts, FigureFormat format, String syntheticMark) {
    StringBuilder css = new StringBuilder(staticCss());
    String footer = brief.countryName() + " \u00b7 " + format.formatPeriod(brief.period());
    String header = brief.synthetic() ? syntheticMark : texts.t("render.running_header");
    String box = "font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt; ";
    css.append("@page {\n")
        .append("  size: A4;\n")
        .append("  margin: 22mm 18mm 20mm 18mm;\n")
        .append("  @top-center { content: ")
        .append(cssString(header))
        .append("; ")
        .append(box)
        .append(
            brief.synthetic()
                ? "font-weight: bold; color: #000; vertical-align: bottom; padding-bottom: 4mm; }\n"
                : "color: #555; vertical-align: bottom; padding-bottom: 4mm; }\n")
        .append("  @bottom-left { content: ")
        .append(cssString(footer))
        .append("; ")
        .append(box)
        .append("color: #555; vertical-align: top; padding-top: 4mm; }\n")
        .append("  @bottom-center { content: ")
        .append(pageContent(texts.t("render.page", PAGE, PAGES)))
        .append("; ")
        .append(box)
        .append("color: #555; vertical-align: top; padding-top: 4mm; }\n")
        .append("}\n");
    return css.toString();
  }

  private static final String PAGE = "\ue001";
  private static final String PAGES = "\ue002";

  /**
   * The CSS content of the page numbers from their text ("Page {0} of {1}"): the words as strings,
   * the numbers as the page counters.
   */
  static String pageContent(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      String ch = text.substring(i, i + 1);
      if (ch.equals(PAGE) || ch.equals(PAGES)) {
        if (words.length() > 0) {
          parts.add(cssWords(words.toString()));
          words.setLength(0);
        }
        parts.add(ch.equals(PAGE) ? "counter(page)" : "counter(pages)");
      } else {
        words.append(ch);
      }
    }
    if (words.length() > 0) {
      parts.add(cssWords(words.toString()));
    }
    return String.join(" ", parts);
  }

  /** Plain words and spaces as a plain CSS string; anything else through {@link #cssString}. */
  private static String cssWords(String s) {
    return s.matches("[A-Za-z ]*") ? "\"" + s + "\"" : cssString(s);
  }

  private static String staticCss() {
    try (InputStream in = HtmlStyle.class.getResourceAsStream(CSS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CSS_RESOURCE + " missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A CSS string literal with everything but plain letters and digits hex-escaped, so that it reads
   * the same to an XML parser (no '&' or '<') and to a browser's HTML parser.
   */
  static String cssString(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              // Spaces too: CSS swallows one blank after a hex escape.
              if ((cp >= 'a' && cp <= 'z')
                  || (cp >= 'A' && cp <= 'Z')
                  || (cp >= '0' && cp <= '9')) {
                b.appendCodePoint(cp);
              } else {
                b.append('\\').append(String.format(Locale.ROOT, "%06X", cp));
              }
            });
    return b.append('"').toString();
  }
}

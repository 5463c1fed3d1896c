package org.harmattan.briefs.render;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parsing and normalising helpers shared by the renderer tests. */
final class RenderTestSupport {

  private static final Pattern STYLE = Pattern.compile("(?s)<style>.*?</style>");
  private static final Pattern SVG = Pattern.compile("(?s)<svg.*?</svg>");
  private static final Pattern BLOCK_END =
      Pattern.compile("</(p|li|h1|h2|tr|caption|figcaption|div|summary|title|th|td)>");
  private static final Pattern ALL_IDS =
      Pattern.compile("(?s)<details class=\"all-ids\">.*?</details>");
  private static final Pattern INLINE_TAG =
      Pattern.compile("</?(a|sup|span|strong|code|em)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

  private RenderTestSupport() {}

  /** Parses XHTML with the JDK's parser; throws when it is not well-formed. */
  static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The visible text of the HTML, one block per line: no CSS, no chart drawing (its tick labels
   * depend on the machine's font metrics), the collapsed full event-id lists as a marker, tags
   * removed, entities decoded, blanks collapsed.
   */
  static String normalisedText(String html) {
    String s = STYLE.matcher(html).replaceAll("");
    s = SVG.matcher(s).replaceAll("[chart]");
    // The full id lists are long and checked elsewhere; the snapshot keeps the visible text.
    s = ALL_IDS.matcher(s).replaceAll("[all event ids]");
    s = INLINE_TAG.matcher(s).replaceAll("");
    s = BLOCK_END.matcher(s).replaceAll(" \n");
    s = TAG.matcher(s).replaceAll(" ");
    s =
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      String collapsed = line.replaceAll("\\s+", " ").strip();
      if (!collapsed.isEmpty()) {
        out.append(collapsed).append('\n');
      }
    }
    return out.toString();
  }
}

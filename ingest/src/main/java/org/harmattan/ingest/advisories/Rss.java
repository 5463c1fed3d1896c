package org.harmattan.ingest.advisories;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** RSS 2.0 items, read with the JDK's parser with external entities and DTDs refused. */
final class Rss {
  private static final DateTimeFormatter DAY_ONLY =
      DateTimeFormatter.ofPattern("EEE, d MMM uuuu", Locale.ENGLISH);

  private Rss() {}

  /**
   * One item.
   *
   * @param index 1-based position in the feed
   */
  record Item(
      int index,
      String title,
      String link,
      String pubDate,
      String description,
      List<String> categories) {}

  static List<Item> items(byte[] content, String file) {
    Document doc = parse(content, file);
    if (!"rss".equals(doc.getDocumentElement().getTagName())) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_RSS,
          file
              + ": the root element is <"
              + doc.getDocumentElement().getTagName()
              + "> (expected an RSS 2.0 feed, <rss>)");
    }
    NodeList nodes = doc.getElementsByTagName("item");
    List<Item> items = new ArrayList<>();
    for (int k = 0; k < nodes.getLength(); k++) {
      Element e = (Element) nodes.item(k);
      List<String> cats = new ArrayList<>();
      NodeList cl = e.getElementsByTagName("category");
      for (int c = 0; c < cl.getLength(); c++) {
        cats.add(cl.item(c).getTextContent().strip());
      }
      items.add(
          new Item(
              k + 1,
              child(e, "title"),
              child(e, "link"),
              child(e, "pubDate"),
              child(e, "description"),
              cats));
    }
    return items;
  }

  /** RFC 822 dates as feeds write them, with or without a time ("Fri, 20 Feb 2026"). */
  static LocalDate date(String s, String where) {
    String t = s.strip();
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(t, DAY_ONLY);
      } catch (DateTimeParseException e2) {
        throw HarmattanException.sourceData(
            ProblemCode.ADVISORY_DATE,
            where
                + ": pubDate '"
                + s
                + "' is not an RFC 822 date (expected e.g. 'Tue, 21 Oct 2025 00:00:00 GMT')");
      }
    }
  }

  private static String child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && name.equals(c.getTagName())) {
        return c.getTextContent().strip();
      }
    }
    return "";
  }

  /**
   * Whether the prolog holds a DOCTYPE, which the parser refuses with a message in its own words; a
   * feed's prolog is short, so the first kilobytes tell.
   */
  private static boolean declaresDtd(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 16_384), StandardCharsets.UTF_8);
    return head.contains("<!DOCTYPE") || head.contains("<!doctype");
  }

  // A DOCTYPE is refused outright, so that neither external entities (XXE) nor nested internal
  // ones (billion laughs) are ever read; external DTDs and schemas are not fetched either.
  private static Document parse(byte[] content, String file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(content));
    } catch (SAXParseException e) {
      if (declaresDtd(content)) {
        throw HarmattanException.sourceData(
            ProblemCode.ADVISORY_RSS,
            file
                + " line "
                + e.getLineNumber()
                + ", column "
                + e.getColumnNumber()
                + ": the document declares a DTD (<!DOCTYPE …>), which is refused because its"
                + " entities could read local files or expand without bound (expected an RSS 2.0"
                + " feed without a DOCTYPE)");
      }
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_RSS,
          file
              + " line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": not well-formed XML ("
              + e.getMessage()
              + ")");
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_RSS, file + ": cannot be read as XML (" + e.getMessage() + ")");
    }
  }
}

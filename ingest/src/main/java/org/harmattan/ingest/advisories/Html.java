package org.harmattan.ingest.advisories;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Just enough HTML for advice bodies: their text, and their bulleted lists with the words that
 * introduce them ("FCDO advises against all travel to:" then a list of areas). Parsing is jsoup's
 * (the HTML5 tree builder), so unclosed {@code <li>}, nested lists, {@code >} inside attribute
 * values and comments, and every named entity behave as a browser would have them.
 */
final class Html {
  /** Elements that start and end a line of text. */
  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "caption",
          "dd",
          "details",
          "div",
          "dl",
          "dt",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "tfoot",
          "thead",
          "tr",
          "ul");

  /** Elements whose words are set apart from their neighbours' on the same line. */
  private static final Set<String> CELLS = Set.of("td", "th");

  /** Elements with no readable text. */
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "template", "noscript", "head", "title", "iframe", "object");

  private static final Set<String> LISTS = Set.of("ul", "ol");
  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");

  private Html() {}

  /** A list in the body and the text just before it. */
  record Listed(String lead, List<String> items) {}

  /**
   * The text of {@code html}: one line per paragraph, heading, list item or other block (and per
   * {@code <br>}), entities decoded, white space within a line collapsed to single spaces, empty
   * lines dropped.
   */
  static String text(String html) {
    Walker w = new Walker(false);
    w.walkChildren(Jsoup.parseBodyFragment(html).body());
    w.endLine();
    return String.join("\n", w.lines);
  }

  /**
   * Every {@code <ul>} and {@code <ol>}, in document order of their start, with its items and its
   * lead: the last line of text between the previous list's start or end and this list (empty if
   * there is none). An item is the text of one of the list's own {@code <li>}s on one line, without
   * any list nested in it; a nested list is reported on its own, its lead being the text of the
   * item it sits in ("Gao region, except:"). Empty items are left out.
   */
  static List<Listed> lists(String html) {
    Walker w = new Walker(false);
    w.walkChildren(Jsoup.parseBodyFragment(html).body());
    return w.lists;
  }

  /** {@code s} with every character reference decoded; unknown names are left as written. */
  static String decode(String s) {
    return Parser.unescapeEntities(s, false);
  }

  /** One pass over the tree, collecting lines of text and (unless items only) lists. */
  private static final class Walker {
    private final boolean withinItem;
    private final List<String> lines = new ArrayList<>();
    private final List<Listed> lists = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();

    /** Lines from this index on were written after the latest list boundary. */
    private int since;

    Walker(boolean withinItem) {
      this.withinItem = withinItem;
    }

    void walkChildren(Element e) {
      for (Node child : e.childNodes()) {
        walk(child);
      }
    }

    private void walk(Node node) {
      if (node instanceof TextNode text) {
        line.append(text.getWholeText());
        return;
      }
      if (!(node instanceof Element e)) {
        return; // comments, script and style data, doctype
      }
      String tag = e.normalName();
      if (SKIPPED.contains(tag) || (withinItem && LISTS.contains(tag))) {
        return;
      }
      if ("br".equals(tag)) {
        endLine();
        return;
      }
      boolean block = BLOCKS.contains(tag);
      boolean cell = CELLS.contains(tag);
      if (block) {
        endLine();
      } else if (cell) {
        line.append(' ');
      }
      if (LISTS.contains(tag)) {
        lists.add(new Listed(lead(), items(e)));
        since = lines.size();
      }
      walkChildren(e);
      if (block) {
        endLine();
      } else if (cell) {
        line.append(' ');
      }
      if (LISTS.contains(tag)) {
        since = lines.size();
      }
    }

    private String lead() {
      return lines.size() > since ? lines.get(lines.size() - 1) : "";
    }

    void endLine() {
      String l = SPACE.matcher(line).replaceAll(" ").strip();
      line.setLength(0);
      if (!l.isEmpty()) {
        lines.add(l);
      }
    }
  }

  /** The text of each {@code <li>} that belongs to {@code list} itself, not to a nested list. */
  private static List<String> items(Element list) {
    List<String> out = new ArrayList<>();
    for (Element li : list.getElementsByTag("li")) {
      if (!list.equals(owner(li))) {
        continue;
      }
      Walker w = new Walker(true);
      w.walkChildren(li);
      w.endLine();
      String t = String.join(" ", w.lines);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The nearest list around {@code li}, or null. */
  private static Element owner(Element li) {
    for (Element p = li.parent(); p != null; p = p.parent()) {
      if (LISTS.contains(p.normalName())) {
        return p;
      }
    }
    return null;
  }
}

package org.harmattan.briefs.narrative;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The analyst's own words for a brief: key judgements, context, recommendations, written in
 * Markdown. Each heading starts a part; paragraphs and lists are kept (emphasis and code print as
 * plain words, a link as its words and address). A number tied to a figure of the brief is written
 * as a link to {@code figure:ID}, e.g. {@code [1,762 deaths](figure:fatalities.total)}, optionally
 * with a tolerance as the link's title ({@code "2%"}, {@code "5"}); the brief checks it against the
 * figure. Other numbers stay as written and are listed as not checked.
 *
 * @param name the file's name, as the brief names it
 * @param parts the parts, in the file's order
 */
public record Narrative(String name, List<Part> parts) {
  /** How a link names a figure of the brief. */
  public static final String FIGURE_SCHEME = "figure:";

  public Narrative {
    requireNonNull(name, "name");
    parts = List.copyOf(parts);
  }

  /**
   * One part of the narrative.
   *
   * @param title the heading's words, or empty for text before the first heading
   * @param blocks its paragraphs and lists
   */
  public record Part(String title, List<Block> blocks) {
    public Part {
      requireNonNull(title, "title");
      blocks = List.copyOf(blocks);
    }
  }

  /** Reads a Markdown file. */
  public static Narrative read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw HarmattanException.userInput(
          ProblemCode.FILE_NOT_FOUND, file + ": no such file (expected the analyst's Markdown)");
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_NARRATIVE,
          file + " cannot be read as UTF-8 text: " + String.valueOf(e.getMessage()));
    }
    return parse(text, String.valueOf(file.getFileName()));
  }

  /** The narrative in a Markdown text; {@code name} is how the brief and messages name it. */
  public static Narrative parse(String markdown, String name) {
    Node doc =
        Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build()
            .parse(markdown);
    List<Part> parts = new ArrayList<>();
    String title = "";
    List<Block> blocks = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        if (!blocks.isEmpty() || !title.isEmpty()) {
          parts.add(new Part(title, blocks));
        }
        title = plain(inlines(h, name)).strip();
        blocks = new ArrayList<>();
      } else {
        block(n, blocks, name);
      }
    }
    if (!blocks.isEmpty() || !title.isEmpty()) {
      parts.add(new Part(title, blocks));
    }
    if (parts.isEmpty()) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_NARRATIVE,
          name
              + " is empty: expected the analyst's text in Markdown (headings, paragraphs, lists)");
    }
    return new Narrative(name, parts);
  }

  private static void block(Node n, List<Block> out, String name) {
    if (n instanceof Paragraph) {
      out.add(new Block.Paragraph(inlines(n, name)));
    } else if (n instanceof ListBlock list) {
      List<List<Inline>> items = new ArrayList<>();
      items(list, items, name);
      out.add(new Block.Bullets(items));
    } else if (n instanceof BlockQuote) {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        block(c, out, name);
      }
    } else if (n instanceof FencedCodeBlock code) {
      out.add(new Block.Paragraph(List.of(Inline.text(code.getLiteral().strip()))));
    } else if (n instanceof IndentedCodeBlock code) {
      out.add(new Block.Paragraph(List.of(Inline.text(code.getLiteral().strip()))));
    } else if (n instanceof HtmlBlock html) {
      // Printed as written (escaped), never interpreted: nothing of the analyst's text is lost.
      out.add(new Block.Paragraph(List.of(Inline.text(html.getLiteral().strip()))));
    } else if (!(n instanceof ThematicBreak)) {
      out.add(new Block.Paragraph(inlines(n, name)));
    }
  }

  /** The items of a list; a nested list's items follow their parent's, flattened. */
  private static void items(ListBlock list, List<List<Inline>> out, String name) {
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      List<Inline> line = new ArrayList<>();
      List<ListBlock> nested = new ArrayList<>();
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof BulletList || c instanceof OrderedList) {
          nested.add((ListBlock) c);
        } else {
          if (!line.isEmpty()) {
            line.add(Inline.text(" "));
          }
          line.addAll(inlines(c, name));
        }
      }
      out.add(line);
      for (ListBlock l : nested) {
        items(l, out, name);
      }
    }
  }

  private static List<Inline> inlines(Node parent, String name) {
    List<Inline> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      inline(n, out, name);
    }
    return merge(out);
  }

  private static void inline(Node n, List<Inline> out, String name) {
    if (n instanceof Text t) {
      out.add(Inline.text(t.getLiteral()));
    } else if (n instanceof Code c) {
      out.add(Inline.text(c.getLiteral()));
    } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
      out.add(Inline.text(" "));
    } else if (n instanceof HtmlInline h) {
      out.add(Inline.text(h.getLiteral()));
    } else if (n instanceof Link link) {
      String words = plain(inlines(link, name));
      String dest = link.getDestination();
      if (dest.startsWith(FIGURE_SCHEME)) {
        String id = dest.substring(FIGURE_SCHEME.length()).strip();
        if (id.isEmpty()) {
          throw HarmattanException.userInput(
              ProblemCode.BAD_NARRATIVE,
              name
                  + ", line "
                  + line(link)
                  + ": the link \""
                  + words
                  + "\" names no figure (expected figure:ID, e.g. figure:fatalities.total)");
        }
        String title = link.getTitle();
        out.add(
            new Inline.Stated(
                words, id, title == null || title.isBlank() ? null : title, line(link), null));
      } else {
        out.add(Inline.text(words.equals(dest) ? words : words + " (" + dest + ")"));
      }
    } else if (n instanceof Image img) {
      out.add(Inline.text(plain(inlines(img, name))));
    } else {
      // Emphasis, strong emphasis and any other inline: their words.
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        inline(c, out, name);
      }
    }
  }

  /** Adjacent words joined into one text part. */
  private static List<Inline> merge(List<Inline> parts) {
    List<Inline> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Inline i : parts) {
      if (i instanceof Inline.Text t) {
        text.append(t.text());
      } else {
        if (!text.isEmpty()) {
          out.add(Inline.text(text.toString()));
          text.setLength(0);
        }
        out.add(i);
      }
    }
    if (!text.isEmpty()) {
      out.add(Inline.text(text.toString()));
    }
    return out;
  }

  private static String plain(List<Inline> parts) {
    StringBuilder b = new StringBuilder();
    for (Inline i : parts) {
      if (i instanceof Inline.Text t) {
        b.append(t.text());
      } else if (i instanceof Inline.Stated s) {
        b.append(s.text());
      }
    }
    return b.toString();
  }

  private static int line(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
  }
}

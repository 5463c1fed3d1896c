package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A titled section of the brief.
 *
 * @param id stable anchor, e.g. {@code security}
 * @param title heading
 * @param blocks content in order
 */
public record Section(String id, String title, List<Block> blocks) {
  public Section {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    blocks = List.copyOf(blocks);
  }

  /**
   * The ids of the figures the section cites, in reading order, each once: every figure reference,
   * every analyst's number checked against a figure, every chart point, every judgement's basis.
   */
  public Set<String> citedFigureIds() {
    Set<String> out = new LinkedHashSet<>();
    for (Block b : blocks) {
      if (b instanceof Block.Paragraph para) {
        cited(para.parts(), out);
      } else if (b instanceof Block.Bullets bullets) {
        bullets.items().forEach(i -> cited(i, out));
      } else if (b instanceof Block.Table table) {
        table.rows().forEach(r -> r.forEach(c -> cited(c, out)));
      } else if (b instanceof Block.Judgements j) {
        j.judgements().forEach(x -> cited(x.basis(), out));
      } else if (b instanceof Block.Chart chart) {
        chart.series().forEach(se -> se.points().forEach(pt -> out.add(pt.figureId())));
      }
    }
    return out;
  }

  private static void cited(List<Inline> parts, Set<String> out) {
    for (Inline i : parts) {
      if (i instanceof Inline.Stated st && st.check() != null && st.check().cited()) {
        out.add(st.figureId());
      } else if (i instanceof Inline.FigureRef ref) {
        out.add(ref.figureId());
      }
    }
  }
}

package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

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
}

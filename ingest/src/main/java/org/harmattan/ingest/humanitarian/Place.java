package org.harmattan.ingest.humanitarian;

import static java.util.Objects.requireNonNull;

/**
 * Where an observation is: a COD P-code (or null) at a level, with how it was found.
 *
 * @param pcode COD P-code, or null when neither code nor name placed it
 * @param level the admin level
 * @param name the name as the source writes it
 * @param sourcePcode the source's code, or null
 * @param note how it was resolved when not plainly, or empty
 */
public record Place(String pcode, int level, String name, String sourcePcode, String note) {
  public Place {
    requireNonNull(note, "note");
  }
}

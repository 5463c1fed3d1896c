package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * A humanitarian table the store keeps a copy of, so that its rows can be placed again when the
 * admin reference changes: the store's reading of it is always the reading against the reference it
 * holds now, whatever the order in which tables and reference arrived.
 *
 * @param file the file as it was ingested
 * @param year the year the file was said to describe ({@code --year}), if given
 * @param reference the fingerprint of the admin reference its stored reading was placed against
 */
public record KeptTable(FileRef file, OptionalInt year, String reference) {
  public KeptTable {
    requireNonNull(file, "file");
    requireNonNull(year, "year");
    requireNonNull(reference, "reference");
  }
}

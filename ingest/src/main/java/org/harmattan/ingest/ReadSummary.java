package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a reader saw in one file.
 *
 * @param file the file read
 * @param format the format used
 * @param rowsRead data rows read (header and HXL hashtag rows excluded)
 * @param accepted rows handed to the sink as events
 * @param rejected rows handed to the sink as quarantined
 * @param notes remarks for the user, e.g. that the file was decoded as Windows-1252
 */
public record ReadSummary(
    SourceFile file,
    SourceFormat format,
    long rowsRead,
    long accepted,
    long rejected,
    List<String> notes) {
  public ReadSummary {
    requireNonNull(file, "file");
    requireNonNull(format, "format");
    notes = List.copyOf(notes);
    if (accepted + rejected != rowsRead) {
      throw new IllegalStateException(
          "row accounting broken: read " + rowsRead + " != " + accepted + " + " + rejected);
    }
  }
}

package org.harmattan.ingest.humanitarian;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.ingest.SourceFile;

/**
 * What a humanitarian reader saw in one file. {@code rowsRead = accepted + rejected}; blank rows
 * are counted apart.
 *
 * @param file the file read
 * @param dataset the dataset recognised
 * @param rowsRead non-blank data rows
 * @param accepted rows that gave observations or admin units
 * @param rejected rows handed to the quarantine
 * @param blankRows rows skipped because every cell was blank
 * @param observations observations made
 * @param adminUnits admin units read
 * @param notes remarks for the user
 */
public record HumanitarianReadSummary(
    SourceFile file,
    HumanitarianDataset dataset,
    long rowsRead,
    long accepted,
    long rejected,
    long blankRows,
    long observations,
    long adminUnits,
    List<String> notes) {
  public HumanitarianReadSummary {
    requireNonNull(file, "file");
    requireNonNull(dataset, "dataset");
    notes = List.copyOf(notes);
    if (accepted + rejected != rowsRead) {
      throw new IllegalStateException(
          "row accounting broken: read " + rowsRead + " != " + accepted + " + " + rejected);
    }
  }
}

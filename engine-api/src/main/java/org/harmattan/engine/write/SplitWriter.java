package org.harmattan.engine.write;

import java.io.Serializable;
import java.util.List;

/**
 * The write of an engine that reads a file in pieces apart ({@link SplitFile}), e.g. on a cluster's
 * executors, so that no single process holds the file's rows. The rules are those of {@link
 * FileWrite#commit}: the same outcome, quarantine, history and ingest log as a file handed over row
 * by row.
 */
public interface SplitWriter {

  /** Reads, resolves and stores {@code file} in one commit; one write at a time per store. */
  <S extends Serializable> Outcome<S> write(SplitFile<S> file);

  /**
   * What the write made of the file.
   *
   * @param outcome the counts, as {@link FileWrite#commit} gives them
   * @param rowsRead data rows read
   * @param pieces what the reading of each piece reported, in file order
   */
  record Outcome<S>(WriteOutcome outcome, long rowsRead, List<S> pieces) {
    public Outcome {
      pieces = List.copyOf(pieces);
    }
  }
}

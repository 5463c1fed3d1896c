package org.harmattan.engine.write;

import java.io.Serializable;

/**
 * A file of one row per line (GDELT's exports), which an engine may read in pieces apart from each
 * other, on a cluster's executors: ingest's reading, mapping and staging of its rows, handed to the
 * engine as serializable code that runs where the engine likes. Each piece is a byte range of whole
 * lines; every data line in it becomes exactly one accepted or one rejected row, numbered as a
 * reading of the whole file numbers it (blank lines are numbered and make no row).
 *
 * <p>The file must lie at the same path wherever a piece is read (on a cluster: a shared mount, as
 * the warehouse).
 *
 * @param <S> what the reading of one piece reports (rows read, notes), in order of the pieces
 */
public interface SplitFile<S extends Serializable> extends Serializable {

  /** The file, as the engine records it. */
  FileRef file();

  /** The id of the format the file is read as (e.g. {@code gdelt2}), for the ingest log. */
  String format();

  /**
   * Byte offsets cutting the file into at most {@code pieces} ranges of whole lines, ascending, the
   * first 0 and the last the file's length (a file of fewer lines gives fewer ranges).
   */
  long[] cuts(int pieces);

  /**
   * How many lines begin in the byte range [{@code from}, {@code to}), a range of {@link #cuts}.
   */
  long countLines(long from, long to);

  /**
   * Reads the rows of the byte range [{@code from}, {@code to}), a range of {@link #cuts}, whose
   * first line is line {@code firstLine} of the file, handing each to {@code sink}.
   */
  S read(long from, long to, long firstLine, RowSink sink);

  /** The verbatim text of lines of the file, for rows quarantined at commit. */
  RawText raw();

  /** Receives the rows of a piece. */
  interface RowSink {
    /** A row that mapped to an event, staged, with its lines. */
    void accepted(StagedEvent event, LineRange lines);

    /** A row that goes to the quarantine. */
    void rejected(RejectedRow row);
  }
}

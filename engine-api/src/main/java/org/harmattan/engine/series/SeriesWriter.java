package org.harmattan.engine.series;

import org.harmattan.engine.write.FileRef;

/** The write port for monthly series files. */
public interface SeriesWriter {

  /** Starts writing the rows of {@code file}; one write at a time per store. */
  SeriesWrite begin(FileRef file);
}

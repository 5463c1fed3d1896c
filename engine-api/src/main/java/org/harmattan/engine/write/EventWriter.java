package org.harmattan.engine.write;

/** The write port of an engine: events of source files, with their revisions and quarantine. */
public interface EventWriter {

  /** Starts writing the rows of {@code file}; one write at a time per store. */
  FileWrite begin(FileRef file);
}

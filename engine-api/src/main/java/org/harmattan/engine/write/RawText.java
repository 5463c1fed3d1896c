package org.harmattan.engine.write;

import java.util.Collection;
import java.util.Map;

/**
 * The verbatim text of a file's records, for the quarantine: an engine that quarantines a row it
 * found wrong only at commit (a conflicting duplicate id) asks for its raw text here.
 */
@FunctionalInterface
public interface RawText {
  /** The text of each range, keyed by its first line; a record's lines joined with newlines. */
  Map<Long, String> lines(Collection<LineRange> ranges);
}

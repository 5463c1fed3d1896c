package org.harmattan.engine.duckdb;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.SourceRef;

/** What the rows of located events hold, read back: actor names, files, event types. */
final class EventRows {
  private EventRows() {}

  /**
   * Every raw actor name of an event (actor 1, actor 2, the associated of each) joined by the unit
   * separator: one string instead of two strings and two arrays per row.
   */
  static final String ACTOR_NAMES =
      "concat_ws(chr(31), actor1, actor2, array_to_string(assoc_actor_1, chr(31)),"
          + " array_to_string(assoc_actor_2, chr(31)))";

  /** The event type of a stored label, one lookup per label in {@code types}. */
  static EventType type(Map<String, EventType> types, String label) throws SQLException {
    EventType type = types.get(label);
    if (type == null) {
      type =
          EventType.findByLabel(label)
              .orElseThrow(() -> new SQLException("unknown event type in store: " + label));
      types.put(label, type);
    }
    return type;
  }

  /**
   * The actor names of a point or group, joined by the unit separator ({@link
   * EventRows#ACTOR_NAMES}).
   */
  static List<String> actorNames(String joined) {
    List<String> names = new ArrayList<>(4);
    if (joined != null) {
      for (String n : joined.split("\u001f", -1)) {
        if (!n.isEmpty()) {
          names.add(n);
        }
      }
    }
    return names;
  }

  /**
   * The reference of a row's file, one object per file in {@code files}. One file's bytes may have
   * been read under two names (a copy): the reference is reused only when system and name match
   * too.
   */
  static SourceRef file(Map<String, SourceRef> files, String system, String dataset, String sha) {
    SourceRef file = files.get(sha);
    if (file == null || !file.dataset().equals(dataset) || !file.system().equals(system)) {
      file = new SourceRef(system, dataset, sha);
      files.put(sha, file);
    }
    return file;
  }
}

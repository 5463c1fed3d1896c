package org.harmattan.engine.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The store's SQL failures as the application's errors, in one place: a full disk, a read-only
 * store and a store another process holds are said as such (the user can act on them), anything
 * else is a store failure. DuckDB tells these apart only in its message text.
 */
final class StoreFailures {
  private StoreFailures() {}

  /**
   * The error for {@code e}, raised while {@code what} (e.g. "storing acled.csv") on the store at
   * {@code store}.
   *
   * @param undone whether what failed was a transaction rolled back as a whole, so that the store
   *     is as it was before it (said in the message of a full disk)
   */
  static HarmattanException of(Path store, String what, SQLException e, boolean undone) {
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left on device") || lower.contains("disk full")) {
      return new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.STORE_DISK_FULL,
          what
              + " failed: the disk holding the store "
              + store
              + " is full (no space left on device)"
              + (undone ? "; nothing of it was stored, the store is as it was" : "")
              + ". Free space on that disk, or use --store on another disk",
          e);
    }
    if (isReadOnly(lower)) {
      return readOnly(store, what, e);
    }
    if (lower.contains("could not set lock") || lower.contains("conflicting lock")) {
      return locked(store, e);
    }
    return new HarmattanException(
        ErrorCategory.INTERNAL,
        ProblemCode.STORE_FAILURE,
        what + " failed on " + store + ": " + DuckDbStore.firstLine(m),
        e);
  }

  /** Whether DuckDB's message says that the file or its disk cannot be written. */
  static boolean isReadOnly(String lowerCaseMessage) {
    return lowerCaseMessage.contains("read-only file system")
        || lowerCaseMessage.contains("permission denied")
        || lowerCaseMessage.contains("read-only mode")
        || lowerCaseMessage.contains("attached in read-only");
  }

  static HarmattanException readOnly(Path store, String what, Exception e) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE,
        ProblemCode.STORE_READ_ONLY,
        what
            + " failed: the store "
            + store
            + " cannot be written (its file or folder is read-only); commands that only read it"
            + " (status, brief, quarantine) still work. Make it writable, or use --store",
        e);
  }

  static HarmattanException locked(Path store, Exception e) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE,
        ProblemCode.STORE_LOCKED,
        "the store "
            + store
            + " is in use by another process; wait for it to finish or use --store",
        e);
  }

  /**
   * Rolls back after {@code failure} and gives the connection back to auto-commit, keeping {@code
   * failure} the error reported: after a failed commit DuckDB has no transaction left, and the
   * rollback's (or auto-commit's) own complaint, "no transaction is active", would hide why.
   */
  static void rollbackAfter(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}

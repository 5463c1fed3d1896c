package org.harmattan.domain.error;

/** Who is at fault, which decides how the error is shown (exit code, HTTP status). */
public enum ErrorCategory {
  /** The user asked for something invalid: a bad option, a missing file. */
  USER_INPUT,
  /** A source file is unusable as a whole: unknown format, wrong encoding. */
  SOURCE_DATA,
  /** A bug in Harmattan. */
  INTERNAL,
  /** Something Harmattan depends on is not available: the store is locked, the disk is full. */
  UNAVAILABLE
}

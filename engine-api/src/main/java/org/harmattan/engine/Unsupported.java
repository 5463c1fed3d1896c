package org.harmattan.engine;

import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The error an engine raises for an operation of the ports it does not implement, so that a caller
 * (and the engine contract suite) can tell "not here" from a failure.
 */
public final class Unsupported {
  /** The error code of every such error. */
  public static final String CODE = ProblemCode.UNSUPPORTED_BY_ENGINE.code();

  private Unsupported() {}

  /**
   * An error saying that {@code engine} does not do {@code operation}.
   *
   * @param engine the engine's name, e.g. {@code Spark}
   * @param operation what was asked, e.g. {@code distance filters}
   */
  public static HarmattanException of(String engine, String operation) {
    return new HarmattanException(
        ErrorCategory.USER_INPUT,
        ProblemCode.UNSUPPORTED_BY_ENGINE,
        "the "
            + engine
            + " engine does not support "
            + operation
            + "; use a store of an engine that does (the embedded DuckDB store supports every"
            + " operation)");
  }
}

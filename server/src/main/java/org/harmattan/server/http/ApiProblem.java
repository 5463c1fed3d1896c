package org.harmattan.server.http;

import static java.util.Objects.requireNonNull;

import org.harmattan.domain.problem.ProblemCode;

/**
 * A request the server refuses, answered as RFC 9457 problem details: the status, the catalogue
 * code (its {@code type}), what went wrong and, for a parameter, its name and what was expected.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final ProblemCode code;
  private final String parameter;
  private final String expected;

  public ApiProblem(
      int status, ProblemCode code, String detail, String parameter, String expected) {
    super(requireNonNull(detail, "detail"));
    this.status = status;
    this.code = requireNonNull(code, "code");
    this.parameter = parameter;
    this.expected = expected;
  }

  public ApiProblem(int status, ProblemCode code, String detail) {
    this(status, code, detail, null, null);
  }

  /** A parameter that is missing or wrong: 400. */
  public static ApiProblem badParameter(String parameter, String detail, String expected) {
    return new ApiProblem(400, ProblemCode.BAD_PARAMETER, detail, parameter, expected);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, ProblemCode.NOT_FOUND, detail);
  }

  public int status() {
    return status;
  }

  public ProblemCode code() {
    return code;
  }

  /** The parameter at fault, or null. */
  public String parameter() {
    return parameter;
  }

  /** What the parameter should have been, or null. */
  public String expected() {
    return expected;
  }
}

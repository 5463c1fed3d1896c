package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.problem.Problem;

/**
 * A source row that goes to quarantine: verbatim text, where it was, and what is wrong with it.
 *
 * @param dataset the file name
 * @param path the file path as given
 * @param fileSha256 SHA-256 of the file
 * @param lineNumber the line the record starts on
 * @param problems at least one problem
 * @param raw the record's text exactly as in the file (lines joined with a newline)
 */
public record RejectedRow(
    String dataset,
    String path,
    String fileSha256,
    long lineNumber,
    List<Problem> problems,
    String raw) {
  public RejectedRow {
    requireNonNull(dataset, "dataset");
    requireNonNull(path, "path");
    requireNonNull(fileSha256, "fileSha256");
    requireNonNull(raw, "raw");
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejected row needs at least one problem");
    }
  }

  /** The problems' codes, in order: a store keeps codes, columns and messages as three lists. */
  public List<String> problemCodes() {
    return problems.stream().map(Problem::code).toList();
  }

  /** The problems' columns, in the order of {@link #problemCodes}. */
  public List<String> problemColumns() {
    return problems.stream().map(Problem::column).toList();
  }

  /** The problems' messages, in the order of {@link #problemCodes}. */
  public List<String> problemMessages() {
    return problems.stream().map(Problem::message).toList();
  }

  /** The problems' messages, prefixed with file and line, as a user reads them. */
  public String message() {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(dataset).append(" line ").append(lineNumber);
      if (!p.column().isEmpty()) {
        sb.append(", column ").append(p.column());
      }
      sb.append(": ").append(p.message());
    }
    return sb.toString();
  }
}

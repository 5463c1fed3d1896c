package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.harmattan.domain.problem.Problem;

/**
 * A line of a gazetteer file that could not be read as a place, kept verbatim with what was wrong.
 *
 * @param file the file name
 * @param lineNumber 1-based line number in the file
 * @param rawLine the line as read, without its line terminator
 * @param problems what was wrong, at least one
 */
public record BadLine(String file, long lineNumber, String rawLine, List<Problem> problems) {
  public BadLine {
    requireNonNull(file, "file");
    requireNonNull(rawLine, "rawLine");
    problems = List.copyOf(requireNonNull(problems, "problems"));
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be >= 1, was " + lineNumber);
    }
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a bad line needs at least one problem");
    }
  }

  /** All problem messages of the line, one per line of text. */
  public String describe() {
    return problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
  }
}

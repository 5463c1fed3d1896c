package org.harmattan.domain.problem;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of mapping one source row: a value, or the problems that stop it. Mappers return this
 * and never throw for bad data.
 *
 * @param <T> the mapped type
 */
public sealed interface MapResult<T> permits MapResult.Mapped, MapResult.Rejected {

  /** A row that mapped cleanly. */
  record Mapped<T>(T value) implements MapResult<T> {
    public Mapped {
      requireNonNull(value, "value");
    }
  }

  /** A row that cannot be accepted, with every problem found in it. */
  record Rejected<T>(List<Problem> problems) implements MapResult<T> {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejected row needs at least one problem");
      }
    }

    /** All messages joined for display. */
    public String message() {
      StringBuilder sb = new StringBuilder();
      for (Problem p : problems) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(p.message());
      }
      return sb.toString();
    }
  }

  static <T> MapResult<T> mapped(T value) {
    return new Mapped<>(value);
  }

  static <T> MapResult<T> rejected(List<Problem> problems) {
    return new Rejected<>(problems);
  }
}

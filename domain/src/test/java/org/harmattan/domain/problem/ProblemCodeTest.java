package org.harmattan.domain.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;

class ProblemCodeTest {
  @Test
  void theCodeStringsAreTheOnesStoredAndPrinted() throws IOException {
    List<String> expected;
    try (InputStream in = ProblemCodeTest.class.getResourceAsStream("/problem-codes.txt")) {
      expected =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
    }

    assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code).sorted())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void eachConstantIsItsCodeInCapitalsWithAOneLineMeaning() {
    for (ProblemCode c : ProblemCode.values()) {
      assertThat(c.code()).as(c.name()).matches("[a-z][a-z0-9_]*");
      assertThat(c.name()).isEqualTo(c.code().toUpperCase(Locale.ROOT));
      assertThat(c.meaning()).as(c.name()).isNotBlank().doesNotContain("\n");
      assertThat(ProblemCode.findByCode(c.code())).contains(c);
    }
    assertThat(ProblemCode.findByCode("no_such_code")).isEmpty();
  }

  @Test
  void problemsAndExceptionsCarryTheCodeString() {
    Problem p = new Problem(ProblemCode.BAD_DATE, "event_date", "\"2024-13-01\" is not a date");
    assertThat(p.code()).isEqualTo("bad_date");
    assertThat(p.findProblemCode()).contains(ProblemCode.BAD_DATE);
    assertThat(Problem.ofRow(ProblemCode.EMPTY_ROW, "the row has no values").column()).isEmpty();
    // A code read back from an older quarantine keeps its text even if no longer catalogued.
    assertThat(new Problem("retired_code", "", "m").findProblemCode()).isEmpty();

    HarmattanException e = HarmattanException.userInput(ProblemCode.FILE_NOT_FOUND, "a.csv");
    assertThat(e.code()).isEqualTo("file_not_found");
    assertThat(e.problemCode()).isEqualTo(ProblemCode.FILE_NOT_FOUND);
    assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT);
  }
}

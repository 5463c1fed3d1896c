package org.harmattan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Splitting the first lines, where a damaged row must not end detection. */
class FormatDetectorTest {
  @Test
  void textAfterAClosingQuoteStaysText() {
    assertThat(FormatDetector.split("\"a\"b,c", ',')).containsExactly("ab", "c");
  }

  @Test
  void aStrayQuoteRunsToTheEndOfTheLine() {
    assertThat(FormatDetector.split("a,\"b,c", ',')).containsExactly("a", "b,c");
  }

  @Test
  void aLineOfMoreFieldsThanTheParserTakesGivesTheFirstOnes() {
    String line = "a,b" + ",x".repeat(20_000);
    assertThat(FormatDetector.split(line, ','))
        .hasSize(CsvRecords.MAX_FIELDS)
        .startsWith("a", "b", "x");
  }
}

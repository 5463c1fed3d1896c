package org.harmattan.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which every engine gives event ids. */
class CountResultTest {
  // U+FF21 (fullwidth A) is a character of the basic plane; U+1F600 is above it and is written
  // in UTF-16 as the surrogates D83D DE00, which sort below FF21 in a string's natural order.
  private static final String FULLWIDTH = "acled:X\uFF21";
  private static final String EMOJI = "acled:X\uD83D\uDE00";

  @Test
  void idsSortInCodePointOrderEvenWhereItDiffersFromTheNaturalOrderOfStrings() {
    List<String> ids = new ArrayList<>(List.of(EMOJI, "acled:MLI2", FULLWIDTH, "acled:MLI10"));
    String[] array = ids.toArray(new String[0]);

    CountResult.sortIds(ids);
    CountResult.sortIds(array);

    assertThat(EMOJI.compareTo(FULLWIDTH)).as("natural order").isNegative();
    assertThat(ids).containsExactly("acled:MLI10", "acled:MLI2", FULLWIDTH, EMOJI);
    assertThat(Arrays.asList(array)).isEqualTo(ids);
  }

  @Test
  void idsWithoutSurrogatesSortInTheirNaturalOrder() {
    List<String> ids = new ArrayList<>(List.of("ucdp:9", "acled:MLI2", "acled:MLI10", "gdelt:1"));

    CountResult.sortIds(ids);

    assertThat(ids).containsExactly("acled:MLI10", "acled:MLI2", "gdelt:1", "ucdp:9");
  }
}

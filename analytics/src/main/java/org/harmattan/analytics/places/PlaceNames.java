package org.harmattan.analytics.places;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one normalisation of place names used for indexing and for matching. */
public final class PlaceNames {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private PlaceNames() {}

  /**
   * Strips accents, lower-cases, turns every run of punctuation and spaces into one space and
   * trims: {@code "Ségou"} and {@code "SEGOU"} give {@code "segou"}, {@code "Nioro-du-Sahel"} gives
   * {@code "nioro du sahel"}. Leading articles are kept: "Le" or "Al" can be part of a place's
   * name, and dropping them would merge distinct places.
   */
  public static String normalise(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    String plain = MARKS.matcher(decomposed).replaceAll("");
    // Letters that carry no combining mark in Unicode but are spelt without it in French sources.
    plain = plain.replace('ø', 'o').replace('Ø', 'O').replace('ł', 'l').replace('Ł', 'L');
    String lower = plain.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
    return NOT_LETTER_OR_DIGIT.matcher(lower).replaceAll(" ").strip();
  }
}

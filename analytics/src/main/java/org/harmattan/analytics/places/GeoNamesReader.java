package org.harmattan.analytics.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.harmattan.domain.problem.Problem;

/**
 * Reads GeoNames geoname-table files ({@code cities500.txt}, {@code ML.txt} …): 19 tab-separated
 * columns, no header, UTF-8. Lines are streamed; a bad line is reported with its file, line number
 * and what was expected, and reading goes on. Nothing is dropped silently.
 */
public final class GeoNamesReader {
  /** The 19 columns of the GeoNames geoname table, in file order. */
  public static final List<String> COLUMNS =
      List.of(
          "geonameid",
          "name",
          "asciiname",
          "alternatenames",
          "latitude",
          "longitude",
          "feature class",
          "feature code",
          "country code",
          "cc2",
          "admin1 code",
          "admin2 code",
          "admin3 code",
          "admin4 code",
          "population",
          "elevation",
          "dem",
          "timezone",
          "modification date");

  private static final Pattern TAB = Pattern.compile("\t");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final char BOM = '\uFEFF';

  private GeoNamesReader() {}

  /** Reads the whole file into memory: places and bad lines. */
  public static GeoNamesFile read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.getFileName().toString());
    }
  }

  /** Reads GeoNames lines from {@code in}; {@code fileName} is used in problem messages. */
  public static GeoNamesFile read(Reader in, String fileName) throws IOException {
    List<Place> places = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();
    long lines = stream(in, fileName, places::add, bad::add);
    return new GeoNamesFile(fileName, lines, places, bad);
  }

  /**
   * Streams a file without holding it in memory: each line goes to exactly one of the two sinks.
   *
   * @return the number of lines read
   */
  public static long stream(Path file, Consumer<Place> places, Consumer<BadLine> badLines)
      throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return stream(in, file.getFileName().toString(), places, badLines);
    }
  }

  /** As {@link #stream(Path, Consumer, Consumer)}, from an open reader. */
  public static long stream(
      Reader in, String fileName, Consumer<Place> places, Consumer<BadLine> badLines)
      throws IOException {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    long lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      String text =
          lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
      List<Problem> problems = new ArrayList<>();
      Place place = parse(text, fileName, lineNumber, problems);
      if (place == null) {
        badLines.accept(new BadLine(fileName, lineNumber, line, problems));
      } else {
        places.accept(place);
      }
    }
    return lineNumber;
  }

  /** Parses one line, or returns null after adding at least one problem. */
  static Place parse(String line, String fileName, long lineNumber, List<Problem> problems) {
    String where = fileName + " line " + lineNumber;
    String[] f = TAB.split(line, -1);
    if (f.length != COLUMNS.size()) {
      problems.add(
          Problem.ofRow(
              "wrong_column_count",
              where
                  + ": "
                  + f.length
                  + " tab-separated columns (expected "
                  + COLUMNS.size()
                  + ", the GeoNames geoname table: geonameid, name, asciiname, alternatenames,"
                  + " latitude, longitude, … modification date); check that the file is a"
                  + " GeoNames dump and that no field contains a tab or line break"));
      return null;
    }
    long id = parseLong(f[0], where, "geonameid", "a positive whole number", problems);
    if (id == 0 && problems.isEmpty()) {
      problems.add(bad("bad_geonameid", "geonameid", where, f[0], "a positive whole number"));
    }
    String name = f[1].strip();
    if (name.isEmpty()) {
      problems.add(
          new Problem(
              "missing_name", "name", where + ", column name: empty (expected the place name)"));
    }
    double lat = parseCoordinate(f[4], "latitude", 90, where, problems);
    double lon = parseCoordinate(f[5], "longitude", 180, where, problems);
    long population =
        f[14].isBlank()
            ? 0
            : parseLong(f[14], where, "population", "a whole number >= 0 or empty", problems);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Place(
        id,
        name,
        f[2].strip(),
        alternateNames(f[3]),
        lat,
        lon,
        f[6].strip(),
        f[7].strip(),
        f[8].strip(),
        f[10].strip(),
        population);
  }

  private static List<String> alternateNames(String field) {
    List<String> names = new ArrayList<>();
    for (String n : COMMA.split(field, -1)) {
      String s = n.strip();
      if (!s.isEmpty()) {
        names.add(s);
      }
    }
    return names;
  }

  private static long parseLong(
      String raw, String where, String column, String expected, List<Problem> problems) {
    try {
      long v = Long.parseLong(raw.strip());
      if (v < 0) {
        problems.add(bad("bad_" + column, column, where, raw, expected));
        return 0;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(bad("bad_" + column, column, where, raw, expected));
      return 0;
    }
  }

  private static double parseCoordinate(
      String raw, String column, double limit, String where, List<Problem> problems) {
    String expected = "decimal degrees between -" + (int) limit + " and " + (int) limit;
    try {
      double v = Double.parseDouble(raw.strip());
      if (!(v >= -limit && v <= limit)) {
        problems.add(bad("bad_" + column, column, where, raw, expected));
        return 0;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(bad("bad_" + column, column, where, raw, expected));
      return 0;
    }
  }

  private static Problem bad(
      String code, String column, String where, String raw, String expected) {
    return new Problem(
        code.replace(' ', '_'),
        column,
        where
            + ", column "
            + column
            + ": \""
            + raw
            + "\" is not valid (expected "
            + expected
            + ")");
  }
}

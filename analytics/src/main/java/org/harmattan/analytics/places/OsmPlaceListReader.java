package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.problem.Problem;

/**
 * Reads OpenStreetMap node lists as CSV with the header {@code
 * ID,LAT,LON,NAME,NAME_EN,NAME_DE,TAG,VALUE,POPULATION,ELEVATION} (the ObiWanLansi/GeoData country
 * extracts: one node per record, its main tag as TAG/VALUE) into gazetteer {@link Place}s, so that
 * the same {@link Gazetteer} and {@link PlaceMatcher} serve GeoNames and OSM.
 *
 * <p>Mapping: {@code place=city|town|village|hamlet|isolated_dwelling|suburb|quarter|neighbourhood
 * |farm} are populated places, GeoNames feature class {@code P}; other {@code place} values
 * (locality, islet, county …) class {@code L}; every other tag (schools, clinics, shops, wells)
 * class {@code S}, which the matcher ranks below populated places, so that the village Sébabougou
 * wins over the school SEBABOUGOU while the school still shows as a candidate. The feature code is
 * the OSM tag itself ({@code place=town}); {@link PlaceMatcher} ranks {@code place=city} like
 * PPLA2, {@code place=town} like PPLA4 and {@code place=village} like PPL. NAME_EN and NAME_DE,
 * where they differ from NAME, become alternate names ({@code Timbuktu} for {@code Tombouctou}).
 *
 * <p>Records are parsed as RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). A
 * record with a bad id or coordinates is reported with its file, line and column; a population that
 * is not a whole number is read as unknown (0) and reported in {@link OsmPlaceList#warnings()}, the
 * place kept. Nodes without any name are counted in {@link OsmPlaceList#unnamed()}.
 */
public final class OsmPlaceListReader {
  /** The header the reader expects, in file order. */
  public static final List<String> COLUMNS =
      List.of(
          "ID",
          "LAT",
          "LON",
          "NAME",
          "NAME_EN",
          "NAME_DE",
          "TAG",
          "VALUE",
          "POPULATION",
          "ELEVATION");

  /** OSM place values that are populated places. */
  static final Set<String> POPULATED =
      Set.of(
          "city",
          "town",
          "village",
          "hamlet",
          "isolated_dwelling",
          "suburb",
          "quarter",
          "neighbourhood",
          "farm");

  /** How {@link PlaceMatcher} ranks OSM place values, on the GeoNames feature-code scale. */
  static final Map<String, Integer> RANK =
      Map.of("place=city", 2, "place=town", 4, "place=village", 6);

  private OsmPlaceListReader() {}

  /**
   * Reads a whole OSM node list.
   *
   * @param countryIso2 the country the extract covers ({@code ML}), given to every place
   */
  public static OsmPlaceList read(Path file, String countryIso2) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.getFileName().toString(), countryIso2);
    }
  }

  /** As {@link #read(Path, String)}, from an open reader; {@code fileName} names it in problems. */
  public static OsmPlaceList read(Reader in, String fileName, String countryIso2)
      throws IOException {
    requireNonNull(fileName, "fileName");
    String country = requireNonNull(countryIso2, "countryIso2").strip().toUpperCase(Locale.ROOT);
    KeptLinesReader kept = new KeptLinesReader(in);
    // Closing the CSV reader leaves `in` open (KeptLinesReader#close): its owner closes it.
    try (CsvReader<CsvRecord> csv = csvReader(kept)) {
      return read(csv.iterator(), kept, fileName, country);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // allowExtraCharsAfterClosingQuote is deprecated in FastCSV 4 but has no replacement yet; "a"b
  // must read as ab (as before), not end the whole read with a parse error.
  @SuppressWarnings("removal")
  private static CsvReader<CsvRecord> csvReader(Reader in) {
    return CsvReader.builder()
        // An empty line is a record of one empty field, reported as a wrong column count.
        .skipEmptyLines(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .allowExtraCharsAfterClosingQuote(true)
        // FastCSV accepts an unclosed quote at the end of input by default; we report it.
        .allowUnclosedQuote(false)
        .ofCsvRecord(in);
  }

  private static OsmPlaceList read(
      Iterator<CsvRecord> csv, KeptLinesReader kept, String fileName, String country) {
    if (!csv.hasNext()) {
      return new OsmPlaceList(fileName, 0, List.of(), 0, List.of(), List.of());
    }
    CsvRecord header = csv.next();
    List<String> names = new ArrayList<>();
    for (String h : header.getFields()) {
      names.add(h.strip().replace("\uFEFF", "").toUpperCase(Locale.ROOT));
    }
    if (!names.equals(COLUMNS)) {
      throw org.harmattan.domain.error.HarmattanException.userInput(
          "osm_places_header",
          fileName
              + " line 1: header is "
              + String.join(",", names)
              + " (expected "
              + String.join(",", COLUMNS)
              + ", an OSM node list as ObiWanLansi/GeoData writes it)");
    }
    List<Place> places = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();
    List<BadLine> warnings = new ArrayList<>();
    long records = 0;
    long unnamed = 0;
    // Empty lines are records too, so each record starts on the line after the previous one ends.
    long nextLine = header.getStartingLineNumber() + lineBreaks(header.getFields()) + 1;
    while (true) {
      CsvRecord r;
      try {
        if (!csv.hasNext()) {
          break;
        }
        r = csv.next();
      } catch (CsvParseException e) {
        records++;
        String where = fileName + " line " + nextLine;
        Problem problem =
            String.valueOf(e.getMessage()).startsWith("Unclosed quoted field")
                ? Problem.ofRow(
                    "unterminated_quote",
                    where + ": a quoted field is not closed before the end of the file")
                : Problem.ofRow(
                    "unreadable_record",
                    where
                        + ": "
                        + e.getMessage()
                        + " (expected RFC 4180 CSV; the rest of the file is not read)");
        bad.add(
            new BadLine(fileName, nextLine, kept.text(nextLine, Long.MAX_VALUE), List.of(problem)));
        break;
      }
      records++;
      long line = r.getStartingLineNumber();
      long lastLine = line + lineBreaks(r.getFields());
      nextLine = lastLine + 1;
      String where = fileName + " line " + line;
      List<Problem> problems = new ArrayList<>();
      List<String> f = r.getFields();
      if (f.size() != COLUMNS.size()) {
        problems.add(
            Problem.ofRow(
                "wrong_column_count",
                where
                    + ": "
                    + f.size()
                    + " comma-separated fields (expected "
                    + COLUMNS.size()
                    + ": "
                    + String.join(",", COLUMNS)
                    + "); quote fields that contain commas"));
        bad.add(new BadLine(fileName, line, kept.text(line, lastLine), problems));
      } else {
        Place p = parse(f, where, country, problems);
        if (p != null) {
          places.add(p);
          if (!problems.isEmpty()) {
            warnings.add(new BadLine(fileName, line, kept.text(line, lastLine), problems));
          }
        } else if (problems.isEmpty()) {
          unnamed++;
        } else {
          bad.add(new BadLine(fileName, line, kept.text(line, lastLine), problems));
        }
      }
      kept.release(nextLine);
    }
    return new OsmPlaceList(fileName, records, places, unnamed, bad, warnings);
  }

  /** The line breaks inside a record's quoted fields (FastCSV keeps them verbatim). */
  private static long lineBreaks(List<String> fields) {
    long n = 0;
    for (String f : fields) {
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == f.length() || f.charAt(i + 1) != '\n'))) {
          n++;
        }
      }
    }
    return n;
  }

  /** One record as a place, null for an unnamed node (no problems) or a bad record (problems). */
  static Place parse(List<String> f, String where, String country, List<Problem> problems) {
    long id = 0;
    try {
      id = Long.parseLong(f.get(0).strip());
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id <= 0) {
      problems.add(bad("bad_id", "ID", where, f.get(0), "a positive OSM node id"));
    }
    double lat = coordinate(f.get(1), "LAT", 90, where, problems);
    double lon = coordinate(f.get(2), "LON", 180, where, problems);
    if (!problems.isEmpty()) {
      return null;
    }
    String name = f.get(3).strip();
    String nameEn = f.get(4).strip();
    String nameDe = f.get(5).strip();
    if (name.isEmpty()) {
      name = !nameEn.isEmpty() ? nameEn : nameDe;
    }
    if (name.isEmpty()) {
      return null;
    }
    Set<String> alternates = new LinkedHashSet<>();
    for (String n : List.of(nameEn, nameDe)) {
      if (!n.isEmpty() && !n.equals(name)) {
        alternates.add(n);
      }
    }
    String tag = f.get(6).strip();
    String value = f.get(7).strip();
    String featureClass;
    if (tag.equals("place")) {
      featureClass = POPULATED.contains(value) ? "P" : "L";
    } else {
      featureClass = "S";
    }
    long population = 0;
    String pop = f.get(8).strip();
    if (!pop.isEmpty()) {
      try {
        population = Long.parseLong(pop.replace(" ", "").replace(",", ""));
        if (population < 0) {
          throw new NumberFormatException(pop);
        }
      } catch (NumberFormatException e) {
        population = 0;
        problems.add(
            bad(
                "bad_population",
                "POPULATION",
                where,
                pop,
                "a whole number; the place is kept with population unknown"));
      }
    }
    return new Place(
        id,
        name,
        "",
        List.copyOf(alternates),
        lat,
        lon,
        featureClass,
        tag.isEmpty() ? "" : tag + "=" + value,
        country,
        "",
        population);
  }

  private static double coordinate(
      String raw, String column, double limit, String where, List<Problem> problems) {
    try {
      double v = Double.parseDouble(raw.strip());
      if (v >= -limit && v <= limit) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        bad(
            "bad_" + column.toLowerCase(Locale.ROOT),
            column,
            where,
            raw,
            "decimal degrees between -" + (int) limit + " and " + (int) limit));
    return 0;
  }

  private static Problem bad(String code, String column, String where, String raw, String what) {
    return new Problem(
        code,
        column,
        where + ", column " + column + ": \"" + raw + "\" is not valid (expected " + what + ")");
  }
}

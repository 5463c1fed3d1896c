package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What reading one OpenStreetMap place list gave. Every record is a place, an unnamed node or a bad
 * record: {@code recordsRead = places + unnamed + badLines}.
 *
 * @param file the file name
 * @param recordsRead data records read (the header not counted)
 * @param places the named nodes, in file order
 * @param unnamed nodes without a name in any language column (power towers, wells …): they cannot
 *     be matched by name, and are counted rather than kept
 * @param badLines records that could not be read, in file order
 * @param warnings records read as places with a field ignored (a population that is not a number)
 */
public record OsmPlaceList(
    String file,
    long recordsRead,
    List<Place> places,
    long unnamed,
    List<BadLine> badLines,
    List<BadLine> warnings) {
  public OsmPlaceList {
    requireNonNull(file, "file");
    places = List.copyOf(requireNonNull(places, "places"));
    badLines = List.copyOf(requireNonNull(badLines, "badLines"));
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
    if (recordsRead != places.size() + unnamed + badLines.size()) {
      throw new IllegalArgumentException(
          file
              + ": records read ("
              + recordsRead
              + ") != places ("
              + places.size()
              + ") + unnamed ("
              + unnamed
              + ") + bad lines ("
              + badLines.size()
              + ")");
    }
  }
}

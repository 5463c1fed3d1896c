package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What reading one GeoNames file gave: the places, the bad lines and the count of lines read. Every
 * line read is either a place or a bad line: {@code linesRead = places + badLines}.
 *
 * @param file the file name
 * @param linesRead number of lines read
 * @param places the places read, in file order
 * @param badLines the lines that could not be read, in file order
 */
public record GeoNamesFile(
    String file, long linesRead, List<Place> places, List<BadLine> badLines) {
  public GeoNamesFile {
    requireNonNull(file, "file");
    places = List.copyOf(requireNonNull(places, "places"));
    badLines = List.copyOf(requireNonNull(badLines, "badLines"));
    if (linesRead != places.size() + (long) badLines.size()) {
      throw new IllegalArgumentException(
          file
              + ": lines read ("
              + linesRead
              + ") != places ("
              + places.size()
              + ") + bad lines ("
              + badLines.size()
              + ")");
    }
  }
}

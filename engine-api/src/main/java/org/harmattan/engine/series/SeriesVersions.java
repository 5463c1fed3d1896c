package org.harmattan.engine.series;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * Which value of a series point a store keeps when two files give one, written once for every
 * engine.
 *
 * <p>A file ranks by the last month it gives a value for (its reach: a publisher's later release
 * reaches further, as VIEWS' monthly releases do), then by the smaller SHA-256, compared as text. A
 * point read from a file that outranks the file of the stored point replaces it (counted as updated
 * when its value differs, else unchanged); one from a file that does not is counted as unchanged
 * and leaves the store as it was. The rank is a total order on files, so the same files read in any
 * order, any number of times, leave the same points, each citing the same file. The second rule
 * says nothing about which of two files of one reach is right; it is there so that they resolve the
 * same way whatever their order.
 */
public final class SeriesVersions {
  private SeriesVersions() {}

  /**
   * A file's rank.
   *
   * @param reach the last month the file gives a value for; null for a point stored before ranks
   *     were kept, which every file outranks
   * @param sha256 the file's SHA-256
   */
  public record Rank(YearMonth reach, String sha256) {
    public Rank {
      requireNonNull(sha256, "sha256");
    }
  }

  private static final Comparator<Rank> ORDER =
      Comparator.comparing(Rank::reach, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Rank::sha256, Comparator.reverseOrder());

  /**
   * Whether a point of a file of rank {@code read} replaces the stored one of rank {@code held}.
   */
  public static boolean replaces(Rank held, Rank read) {
    return ORDER.compare(read, held) > 0;
  }

  /** The last month {@code points} give a value for, or null when there are none. */
  public static YearMonth reach(List<SeriesPoint> points) {
    YearMonth last = null;
    for (SeriesPoint p : points) {
      if (last == null || p.month().isAfter(last)) {
        last = p.month();
      }
    }
    return last;
  }
}

package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.figure.SourceRef;

/**
 * Which edition of a source an indicator uses for a window: the latest whose vintage is not after
 * the window's end.
 *
 * @param indicator the observations' indicator, e.g. {@code idps}
 * @param dataset e.g. {@code iom-dtm}
 * @param edition e.g. "DTM round 72"
 * @param qualifier {@code current} / {@code projected}, or null
 * @param vintage the date the edition describes
 * @param recordCount the edition's observations counted
 * @param sources the files they came from
 * @param newerEdition the newest edition left out because its vintage is after the window's end, or
 *     null
 * @param newerVintage its vintage, or null
 * @param stale whether the vintage is more than a year before the window's end
 */
public record Selection(
    String indicator,
    String dataset,
    String edition,
    String qualifier,
    LocalDate vintage,
    int recordCount,
    List<SourceRef> sources,
    String newerEdition,
    LocalDate newerVintage,
    boolean stale) {
  public Selection {
    requireNonNull(indicator, "indicator");
    requireNonNull(dataset, "dataset");
    requireNonNull(edition, "edition");
    requireNonNull(vintage, "vintage");
    sources = List.copyOf(sources);
  }

  /** The newest edition left out because it describes a date after the window, if any. */
  public Optional<String> findNewerEdition() {
    return Optional.ofNullable(newerEdition);
  }
}

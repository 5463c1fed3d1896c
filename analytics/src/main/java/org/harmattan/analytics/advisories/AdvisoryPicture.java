package org.harmattan.analytics.advisories;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.TimelineEntry;
import org.harmattan.domain.text.Language;

/**
 * The advice in force on a country, one advisory per government, and the changes detected since
 * each government's previous snapshot.
 *
 * @param countryIso3 the country
 * @param current the latest advisory of each government, in government order
 * @param changes the changes detected, by date
 */
public record AdvisoryPicture(
    String countryIso3, List<Advisory> current, List<AdvisoryChange> changes) {
  public AdvisoryPicture {
    requireNonNull(countryIso3, "countryIso3");
    List<Advisory> sorted = new ArrayList<>(current);
    sorted.sort(Comparator.comparing(Advisory::government));
    current = List.copyOf(sorted);
    List<AdvisoryChange> byDate = new ArrayList<>(changes);
    byDate.sort(Comparator.comparing(AdvisoryChange::date).thenComparing(AdvisoryChange::id));
    changes = List.copyOf(byDate);
  }

  /**
   * The picture from each government's snapshots: the latest of each is current, and consecutive
   * snapshots of one government are compared.
   */
  public static AdvisoryPicture of(String countryIso3, List<AdvisoryReport> snapshots) {
    return of(countryIso3, snapshots, Language.EN);
  }

  /**
   * As {@link #of(String, List)}, the changes described in {@code language} (the governments' own
   * words and codes quoted as written).
   */
  public static AdvisoryPicture of(
      String countryIso3, List<AdvisoryReport> snapshots, Language language) {
    List<Advisory> current = new ArrayList<>();
    List<AdvisoryChange> changes = new ArrayList<>();
    for (var g : org.harmattan.domain.context.Government.values()) {
      List<Advisory> mine =
          snapshots.stream()
              .filter(r -> r.government() == g && r.countryIso3().equals(countryIso3))
              .sorted(Comparator.comparing(AdvisoryReport::issued))
              .map(AdvisoryLevels::normalise)
              .toList();
      for (int i = 1; i < mine.size(); i++) {
        changes.addAll(ChangeDetector.compare(mine.get(i - 1), mine.get(i), language));
      }
      if (!mine.isEmpty()) {
        current.add(mine.get(mine.size() - 1));
      }
    }
    return new AdvisoryPicture(countryIso3, current, changes);
  }

  public List<TimelineEntry> listTimelineEntries() {
    return changes.stream().map(AdvisoryChange::toTimelineEntry).toList();
  }

  public List<AlertCandidate> listAlertCandidates() {
    return changes.stream().map(AdvisoryChange::toAlertCandidate).toList();
  }
}

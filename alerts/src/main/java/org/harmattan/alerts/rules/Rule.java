package org.harmattan.alerts.rules;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.harmattan.alerts.Severity;
import org.harmattan.analytics.advisories.ChangeKind;
import org.harmattan.analytics.corridors.SegmentStatus;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.reference.profile.CountryProfile;

/**
 * One rule of a rule file.
 *
 * @param id the rule's id, unique in its file
 * @param kind what it watches
 * @param countries ISO 3166-1 alpha-3 codes of the countries it watches, at least one
 * @param admin1 the regions it watches (per region), empty for the kind's default
 * @param severity the severity of its alerts
 * @param suppressDays after an alert, the same rule stays quiet for the same area this many days
 *     (0: it may fire every day its condition holds)
 * @param sources the source systems whose events it counts
 * @param radiusKm for {@code capital-radius}: the radius around the capital
 * @param quietMonths for {@code capital-radius}: the months without such events before the first
 * @param capital for {@code capital-radius}: the capital, or null for the country's profile
 * @param pValueBelow for {@code anomaly}: fire when the p-value is below this
 * @param probability for {@code forecast-fatalities}: fire when the chance is at least this
 * @param corridor for {@code corridor-status} (and only for it): what it watches
 * @param advisory for {@code advisory-change} (and only for it): what it watches
 */
public record Rule(
    String id,
    RuleKind kind,
    List<String> countries,
    List<String> admin1,
    Severity severity,
    int suppressDays,
    Set<SourceSystem> sources,
    double radiusKm,
    int quietMonths,
    CountryProfile.NamedPlace capital,
    double pValueBelow,
    double probability,
    CorridorConfig corridor,
    AdvisoryConfig advisory) {
  public Rule {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(severity, "severity");
    countries = List.copyOf(countries);
    admin1 = List.copyOf(admin1);
    sources = Set.copyOf(sources);
    if (countries.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " watches no country");
    }
    if (suppressDays < 0) {
      throw new IllegalArgumentException("rule " + id + ": suppress_days must not be negative");
    }
    if ((corridor != null) != (kind == RuleKind.CORRIDOR_STATUS)) {
      throw new IllegalArgumentException(
          "rule " + id + ": a corridor configuration goes with corridor-status, and only with it");
    }
    if ((advisory != null) != (kind == RuleKind.ADVISORY_CHANGE)) {
      throw new IllegalArgumentException(
          "rule " + id + ": an advisory configuration goes with advisory-change, and only with it");
    }
  }

  /** Which way a corridor's status moved. */
  public enum Direction {
    /** Towards blocked: open to disrupted or blocked, disrupted to blocked. */
    WORSE,
    /** Towards open. */
    BETTER;

    /** The word in rule files: {@code worse}, {@code better}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What a {@code corridor-status} rule watches: the supply corridors of the country's profile,
   * built on a road graph, each rated day by day as the brief rates them at the end of its window.
   *
   * @param roads the folder of the road graph's files (the African Urban Network's CSVs)
   * @param corridors the slugs of the profile's corridors it watches, empty for all of them
   * @param directions the moves that fire: towards blocked, towards open or both
   * @param to the statuses whose reaching fires
   * @param bufferKm how far from a corridor's road an event counts for it
   */
  public record CorridorConfig(
      Path roads,
      List<String> corridors,
      Set<Direction> directions,
      Set<SegmentStatus> to,
      double bufferKm) {
    public CorridorConfig {
      requireNonNull(roads, "roads");
      corridors = List.copyOf(corridors);
      directions = Set.copyOf(directions);
      to = Set.copyOf(to);
      if (directions.isEmpty() || to.isEmpty()) {
        throw new IllegalArgumentException("a corridor rule needs directions and statuses");
      }
      if (!(bufferKm > 0)) {
        throw new IllegalArgumentException("bufferKm must be positive: " + bufferKm);
      }
    }

    /** Whether a move from {@code before} to {@code after} (one day to the next) fires. */
    public boolean fires(SegmentStatus before, SegmentStatus after) {
      int d = after.code() - before.code();
      return d != 0
          && directions.contains(d > 0 ? Direction.WORSE : Direction.BETTER)
          && to.contains(after);
    }
  }

  /**
   * What an {@code advisory-change} rule watches: saved snapshots of governments' travel advice,
   * each government's consecutive snapshots compared.
   *
   * @param files the snapshot files (a folder named in the rule file: its .json, .xml and .rss
   *     files, by name)
   * @param changes the kinds of change that fire
   * @param governments the governments whose advice it watches
   */
  public record AdvisoryConfig(
      List<Path> files, Set<ChangeKind> changes, Set<Government> governments) {
    public AdvisoryConfig {
      files = List.copyOf(files);
      changes = Set.copyOf(changes);
      governments = Set.copyOf(governments);
      if (files.isEmpty() || changes.isEmpty() || governments.isEmpty()) {
        throw new IllegalArgumentException(
            "an advisory rule needs snapshot files, changes and governments");
      }
    }
  }
}

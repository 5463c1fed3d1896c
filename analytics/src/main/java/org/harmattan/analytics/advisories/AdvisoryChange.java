package org.harmattan.analytics.advisories;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.EntryKind;
import org.harmattan.domain.context.TimelineEntry;
import org.harmattan.domain.text.Language;

/**
 * One difference between two snapshots of a government's advice on a country.
 *
 * @param kind what changed
 * @param before the earlier snapshot
 * @param after the later snapshot
 * @param region the area concerned, or null for the whole country
 * @param description one sentence, in the government's terms and on the common scale
 */
public record AdvisoryChange(
    ChangeKind kind, Advisory before, Advisory after, String region, String description) {
  public AdvisoryChange {
    requireNonNull(kind, "kind");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    requireNonNull(description, "description");
  }

  /** The date of the later advice. */
  public LocalDate date() {
    return after.report().issued();
  }

  /** Stable id, e.g. {@code advisory.uk.MLI.2025-11-04.level_raised}. */
  public String id() {
    return "advisory."
        + after.government().code()
        + "."
        + after.report().countryIso3()
        + "."
        + date()
        + "."
        + kind.name().toLowerCase(Locale.ROOT)
        + (region == null ? "" : "." + slug(region));
  }

  /** This change as an entry of the political timeline, sourced to the advice's page. */
  public TimelineEntry toTimelineEntry() {
    return new TimelineEntry(
        id(),
        date(),
        EntryKind.ADVISORY_CHANGE,
        after.government().code().toUpperCase(Locale.ROOT) + " advice: " + kind.words(),
        description,
        List.of(after.report().url()),
        true,
        "detected by comparing "
            + before.report().sourceFile()
            + " with "
            + after.report().sourceFile());
  }

  /**
   * The change's title on the political timeline in {@code language}: "UK advice: level raised".
   */
  public String title(Language language) {
    return AnalyticsTexts.of(language)
        .t(
            "advisories.timeline.title",
            after.government().code().toUpperCase(Locale.ROOT),
            AnalyticsTexts.of(language)
                .t("advisories.kind." + kind.name().toLowerCase(Locale.ROOT)));
  }

  /** This change as an alert candidate; every change is one, with a severity. */
  public AlertCandidate toAlertCandidate() {
    String severity =
        switch (kind) {
          case LEVEL_RAISED, LEAVE_NOW_ADDED -> "high";
          case REGION_ADDED, REGION_LEVEL_CHANGED -> "medium";
          default -> "low";
        };
    return new AlertCandidate(
        id(),
        date(),
        severity,
        after.government().label() + ": " + description,
        after.report().url());
  }

  private static String slug(String s) {
    return AdvisoryLevels.fold(s).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}

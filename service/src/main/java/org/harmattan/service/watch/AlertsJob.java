package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harmattan.alerts.deliver.Delivery;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.alerts.watch.AlertRun;
import org.harmattan.alerts.watch.Subscriptions;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.StoreWork;
import org.harmattan.service.alerts.AlertService;

/**
 * The alert rules of a rule file, evaluated on the days since each rule last ran and delivered to
 * the subscriptions ({@link AlertService#run}). The rule and subscription files are read at every
 * run, so that a change to them (by hand or over the API) holds from the next run; a file with a
 * mistake fails the run with the mistake's line, and the run is retried.
 *
 * @param id the job's id
 * @param every how often the rules are evaluated
 * @param rules the rule file
 * @param subscriptions the subscriptions file, or null to record alerts without telling anyone
 * @param outbox the folder for CAP messages and the Atom feed, or null
 * @param backfillDays for a rule that never ran, the days before today it is evaluated on
 * @param profiles the country profiles (capitals, regions)
 */
public record AlertsJob(
    String id,
    Duration every,
    Path rules,
    Path subscriptions,
    Path outbox,
    int backfillDays,
    CountryProfiles profiles)
    implements WatchJob {
  public static final String KIND = "alerts";

  /** Days a rule that never ran is evaluated on, as {@code harmattan alerts run}. */
  public static final int DEFAULT_BACKFILL_DAYS = 7;

  public AlertsJob {
    requireNonNull(id, "id");
    requireNonNull(every, "every");
    requireNonNull(rules, "rules");
    requireNonNull(profiles, "profiles");
    if (backfillDays < 1) {
      throw new IllegalArgumentException("backfillDays must be 1 or more, got " + backfillDays);
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Outcome run(StoreWork store, Clock clock) {
    List<Rule> parsed = RuleFile.read(rules);
    Subscriptions subs =
        subscriptions == null ? Subscriptions.none() : Subscriptions.read(subscriptions);
    LocalDate today = LocalDate.now(clock);
    AlertRun.Report report =
        store.write(
            s ->
                AlertService.run(
                    s,
                    parsed,
                    subs,
                    today.minusDays(backfillDays - 1L),
                    today,
                    outbox,
                    profiles,
                    clock,
                    false));
    long dead =
        report.deliveries().stream()
            .filter(d -> d.outcome() == Delivery.Outcome.DEAD_LETTER)
            .count();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("alerts", (long) report.raised().size());
    counts.put("deliveries", (long) report.deliveries().size());
    counts.put("deadLetters", dead);
    counts.put("notes", (long) report.notes().size());
    // The notes say which days a rule could not be evaluated on (a store whose events end before
    // them): without them "0 new alerts" would read as "all quiet".
    String notes = report.notes().isEmpty() ? "" : "; " + String.join("; ", report.notes());
    return new Outcome(
        String.format(
                Locale.ROOT,
                "%d new alert%s, %d deliver%s (%d dead letter%s)",
                report.raised().size(),
                report.raised().size() == 1 ? "" : "s",
                report.deliveries().size(),
                report.deliveries().size() == 1 ? "y" : "ies",
                dead,
                dead == 1 ? "" : "s")
            + notes,
        counts);
  }
}

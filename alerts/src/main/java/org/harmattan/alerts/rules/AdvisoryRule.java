package org.harmattan.alerts.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.alerts.Alert;
import org.harmattan.analytics.advisories.AdvisoryChange;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.briefs.assemble.AdvisorySection;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The {@code advisory-change} rule: each government's snapshots of its travel advice on the
 * country, compared one with the next ({@link AdvisoryPicture}), fire on the changes the rule asks
 * for, dated by the later snapshot. The changes of one snapshot make one alert.
 *
 * <p>A snapshot tells nothing of the days after its date, and one saved late may carry a date
 * already evaluated; so the rule counts as evaluated only to the oldest of the governments' latest
 * snapshots, and a watch run looks at the days after it again (its alert log keeps an alert from
 * being raised twice).
 */
final class AdvisoryRule {
  private final AdvisoryReader reader;
  private final AlertAreas areas;

  AdvisoryRule(AdvisoryReader reader, AlertAreas areas) {
    this.reader = reader;
    this.areas = areas;
  }

  /** The alerts of the days of {@code days}, or empty (with a note) when no snapshot answers. */
  Optional<RuleEvaluator.Evaluated> evaluate(
      Rule rule, String country, Period days, List<String> notes) {
    Rule.AdvisoryConfig config = rule.advisory();
    String who = "rule " + rule.id() + ", " + country + ": ";
    List<AdvisoryReport> reports = new ArrayList<>();
    for (Path file : config.files()) {
      try {
        AdvisoryReport r = reader.read(file, country);
        if (r.countryIso3().equals(country) && config.governments().contains(r.government())) {
          reports.add(r);
        }
      } catch (HarmattanException e) {
        // A feed or list without the country: its snapshot is about other countries.
        if (e.problemCode() != ProblemCode.ADVISORY_MISSING) {
          throw e;
        }
      }
    }
    if (reports.isEmpty()) {
      notes.add(
          who
              + "not evaluated: none of its "
              + config.files().size()
              + " advisory snapshot(s) holds advice of "
              + String.join(
                  ", ", config.governments().stream().sorted().map(Government::code).toList())
              + " on the country");
      return Optional.empty();
    }
    AdvisoryPicture picture = AdvisoryPicture.of(country, reports);
    Advisory oldest =
        picture.current().stream()
            .min(Comparator.comparing((Advisory a) -> a.report().issued()))
            .orElseThrow();
    LocalDate known = oldest.report().issued();
    LocalDate through = known.isBefore(days.to()) ? known : days.to();
    if (through.isBefore(days.to())) {
      notes.add(
          who
              + "the latest snapshot of "
              + oldest.government().label()
              + " is dated "
              + known
              + "; a watch run looks at the days after it again");
    }
    LocalDate warm = days.from().minusDays(rule.suppressDays());
    // The changes of one government's snapshot, by government and date.
    Map<Government, Map<LocalDate, List<AdvisoryChange>>> byGovernment = new LinkedHashMap<>();
    for (AdvisoryChange c : picture.changes()) {
      if (config.changes().contains(c.kind())
          && !c.date().isBefore(warm)
          && !c.date().isAfter(days.to())) {
        byGovernment
            .computeIfAbsent(c.after().government(), g -> new LinkedHashMap<>())
            .computeIfAbsent(c.date(), d -> new ArrayList<>())
            .add(c);
      }
    }
    List<Alert> alerts = new ArrayList<>();
    for (Map<LocalDate, List<AdvisoryChange>> dated : byGovernment.values()) {
      LocalDate quietUntil = warm;
      for (Map.Entry<LocalDate, List<AdvisoryChange>> e : dated.entrySet()) {
        if (e.getKey().isBefore(quietUntil)) {
          continue;
        }
        quietUntil = e.getKey().plusDays(Math.max(1, rule.suppressDays()));
        if (!e.getKey().isBefore(days.from())) {
          alerts.add(alert(rule, country, e.getValue()));
        }
      }
    }
    return Optional.of(new RuleEvaluator.Evaluated(alerts, through));
  }

  private Alert alert(Rule rule, String country, List<AdvisoryChange> dated) {
    // The whole country's level first, then the call to leave, then the areas.
    List<AdvisoryChange> changes =
        dated.stream().sorted(Comparator.comparing(AdvisoryChange::kind)).toList();
    AdvisoryChange first = changes.get(0);
    Advisory before = first.before();
    Advisory after = first.after();
    Government g = after.government();
    LocalDate day = first.date();
    String name = areas.countryName(country);
    LocalDate was = before.report().issued();
    String id = AdvisorySection.levelId(after);
    // The earlier advice held, as far as the snapshots tell, until the day before the later one.
    Figure levelBefore =
        AdvisorySection.levelFigure(
            id + "_before",
            g.label() + ": level for the whole country before " + day,
            before.level().rank(),
            before,
            new Period(was, was.isBefore(day) ? day.minusDays(1) : day),
            null);
    Figure level =
        AdvisorySection.levelFigure(
            id,
            g.label() + ": level for the whole country from " + day,
            after.level().rank(),
            after,
            new Period(day, day),
            null);
    return new Alert(
        Alert.id(rule.id(), country, g.code(), day),
        rule.id(),
        rule.kind().word(),
        day,
        country,
        null,
        rule.severity(),
        rule.kind().title()
            + ": "
            + g.label()
            + ", "
            + String.join(", ", changes.stream().map(c -> c.kind().words()).distinct().toList())
            + " — "
            + name,
        AlertText.advisory(
            g.label(),
            name,
            day,
            was,
            changes.stream().map(AdvisoryChange::description).toList(),
            after.report().url()),
        List.of(level, levelBefore),
        areas.of(country, null));
  }
}

package org.harmattan.alerts.rules;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertArea;
import org.harmattan.analytics.indicators.DayCounts;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.Figures;
import org.harmattan.analytics.indicators.SignalFigures;
import org.harmattan.analytics.warning.AcledRules;
import org.harmattan.analytics.warning.CountAnomaly;
import org.harmattan.analytics.warning.DailySeries;
import org.harmattan.analytics.warning.HdxSignals;
import org.harmattan.analytics.warning.Signal;
import org.harmattan.briefs.assemble.OutlookSection;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.forecast.EventPanels;
import org.harmattan.forecast.Outlook;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;

/**
 * Evaluates rules day by day over the store, as a watcher running once a day would have: on each
 * day, each rule looks at the events dated up to that day, and an alert raised for a rule and an
 * area keeps the same rule quiet for that area for its {@code suppress_days}. Alerts are returned
 * for the days asked for; the days just before them (as many as the rule's suppression) are
 * evaluated too, so that an alert raised there suppresses the first days as it would have.
 *
 * <p>The rules over counts count political violence (battles, explosions/remote violence, violence
 * against civilians) of the rule's sources; {@code corridor-status} rates supply corridors from the
 * events that affect passage ({@link CorridorRule}); {@code advisory-change} reads no events but
 * governments' travel-advice snapshots ({@link AdvisoryRule}). The store is read as it is now:
 * events reported after a day (ACLED publishes weekly) are seen on that day, so a back-test is as
 * early as the data, not as early as the publication.
 */
public final class RuleEvaluator {
  /** ACLED inter codes of armed non-state actors: rebel groups, political and identity militias. */
  public static final Set<Integer> ARMED_NON_STATE = Set.of(2, 3, 4);

  /** Months a forecast rule's outlook runs (the brief's total is over 3). */
  static final int FORECAST_MONTHS = 3;

  /** Draws of a forecast rule's outlook, as the brief's. */
  static final int FORECAST_DRAWS = 1000;

  /** The seed of a forecast rule's outlook, as the brief's. */
  static final long FORECAST_SEED = 1;

  /** Rule id of the capital-radius signal. */
  public static final String CAPITAL_RADIUS = "capital.radius";

  private final AnalyticsEngine engine;
  private final Figures make;
  private final CountryProfiles profiles;
  private final AlertAreas areas;
  private final CorridorRule corridors;
  private final AdvisoryRule advisories;

  /**
   * An evaluator over one store.
   *
   * @param engine the store's engine
   * @param today the access date of figures that count no records
   * @param profiles the country profiles (capitals, corridors, region outlines)
   * @param advisories reads the travel-advice snapshots of {@code advisory-change} rules
   */
  public RuleEvaluator(
      AnalyticsEngine engine,
      LocalDate today,
      CountryProfiles profiles,
      AdvisoryReader advisories) {
    this.engine = requireNonNull(engine, "engine");
    this.make = new Figures(requireNonNull(today, "today"));
    this.profiles = requireNonNull(profiles, "profiles");
    this.areas = new AlertAreas(profiles);
    this.corridors = new CorridorRule(engine, today, profiles, areas);
    this.advisories = new AdvisoryRule(requireNonNull(advisories, "advisories"), areas);
  }

  /**
   * What an evaluation gives.
   *
   * @param alerts the alerts, in the order of their dates, then of the rules in the file, then of
   *     their countries and areas
   * @param notes the days a rule could not be evaluated on and why (no data, too little history),
   *     one line per rule and country
   * @param evaluatedThrough per rule, the last day evaluated for all its countries; a rule with a
   *     country the store could not answer for on any day is absent
   */
  public record Result(
      List<Alert> alerts, List<String> notes, Map<String, LocalDate> evaluatedThrough) {
    public Result {
      alerts = List.copyOf(alerts);
      notes = List.copyOf(notes);
      evaluatedThrough = Map.copyOf(evaluatedThrough);
    }
  }

  /**
   * The alerts the rules raise on the days of {@code days}, after suppression. A rule is evaluated
   * only on days the store can answer for: from the first day with the history the rule needs after
   * the country's first event of the rule's sources, to the country's last event (before or after,
   * "no events" could only mean "no data"); the notes say which days were left out.
   */
  public Result evaluate(List<Rule> rules, Period days) {
    requireNonNull(days, "days");
    List<Alert> alerts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Integer> order = new HashMap<>();
    Map<String, LocalDate> through = new HashMap<>();
    for (Rule rule : rules) {
      order.put(rule.id(), order.size());
      boolean everywhere = true;
      LocalDate last = days.to();
      for (String country : rule.countries()) {
        Optional<Evaluated> evaluated =
            rule.kind() == RuleKind.ADVISORY_CHANGE
                ? advisories.evaluate(rule, country, days, notes)
                : answerable(rule, country, days, notes).map(a -> onStore(rule, country, a, notes));
        if (evaluated.isEmpty()) {
          everywhere = false;
          continue;
        }
        if (evaluated.get().through().isBefore(last)) {
          last = evaluated.get().through();
        }
        alerts.addAll(evaluated.get().alerts());
      }
      if (everywhere) {
        through.put(rule.id(), last);
      }
    }
    alerts.sort(
        Comparator.comparing(Alert::date)
            .thenComparing(a -> order.get(a.rule()))
            .thenComparing(Alert::country)
            .thenComparing(a -> a.admin1() == null ? "" : a.admin1()));
    return new Result(alerts, notes, through);
  }

  /**
   * What a rule gave for one country.
   *
   * @param alerts its alerts
   * @param through the last day it counts as evaluated on (before the days asked when its source
   *     cannot yet vouch for them)
   */
  record Evaluated(List<Alert> alerts, LocalDate through) {
    Evaluated {
      alerts = List.copyOf(alerts);
      requireNonNull(through, "through");
    }
  }

  /**
   * The days the store can answer a rule for in a country.
   *
   * @param days the days asked, narrowed to those
   * @param earliest the first day with the history the rule needs after the country's first event
   * @param heldFrom the country's first event in the store
   */
  private record Answerable(Period days, LocalDate earliest, LocalDate heldFrom) {}

  /** A rule over the store's events, on the days it can answer for. */
  private Evaluated onStore(Rule rule, String country, Answerable a, List<String> notes) {
    Period asked = a.days();
    return new Evaluated(
        switch (rule.kind()) {
          case CAPITAL_RADIUS -> capital(rule, country, asked);
          case FORECAST_FATALITIES -> forecast(rule, country, asked, notes);
          case CORRIDOR_STATUS -> corridors.alerts(rule, country, asked, a.earliest());
          case ACLED_SURGE, ACLED_THREAT, ACLED_CHANGE, HDX_SIGNALS, ANOMALY ->
              counted(rule, country, asked, a.earliest(), a.heldFrom());
          case ADVISORY_CHANGE ->
              throw new IllegalStateException("advisory-change reads snapshots, not the store");
        },
        asked.to());
  }

  /**
   * The days of {@code days} the store can answer the rule for in the country, with a note when
   * that is fewer than asked; empty when none.
   */
  private Optional<Answerable> answerable(
      Rule rule, String country, Period days, List<String> notes) {
    Coverage c = engine.coverage(EventFilter.of(country, days).withSources(rule.sources()));
    String who = "rule " + rule.id() + ", " + country + ": ";
    if (c.first() == null) {
      notes.add(who + "not evaluated: the store holds no events of its sources for the country");
      return Optional.empty();
    }
    // A forecast on the first day of a month needs the month before complete.
    LocalDate last = rule.kind() == RuleKind.FORECAST_FATALITIES ? c.last().plusDays(1) : c.last();
    LocalDate first =
        switch (rule.kind()) {
          case CAPITAL_RADIUS -> c.first().plusMonths(rule.quietMonths());
          case FORECAST_FATALITIES -> c.first().plusMonths(Outlook.PAST_MONTHS);
          default -> c.first().plusDays(rule.kind().minimumHistoryDays());
        };
    LocalDate from = days.from().isBefore(first) ? first : days.from();
    LocalDate to = days.to().isAfter(last) ? last : days.to();
    if (days.from().isAfter(last)) {
      notes.add(
          who
              + "not evaluated: the store's events of its sources end on "
              + c.last()
              + ", before the days asked (from "
              + days.from()
              + ")");
      return Optional.empty();
    }
    if (from.isAfter(to)) {
      notes.add(
          who
              + "not evaluated: the store's events run from "
              + c.first()
              + " to "
              + c.last()
              + ", and the rule needs "
              + history(rule)
              + " before a day");
      return Optional.empty();
    }
    if (!from.equals(days.from())) {
      notes.add(
          who
              + "evaluated from "
              + from
              + ", the first day with "
              + history(rule)
              + " of events before it (the store's events start on "
              + c.first()
              + ")");
    }
    if (!to.equals(days.to())) {
      notes.add(
          who
              + "evaluated to "
              + to
              + (rule.kind() == RuleKind.FORECAST_FATALITIES
                  ? ", the day after the store's last event"
                  : ", the day of the store's last event"));
    }
    return Optional.of(new Answerable(new Period(from, to), first, c.first()));
  }

  private static String history(Rule rule) {
    return switch (rule.kind()) {
      case CAPITAL_RADIUS -> rule.quietMonths() + " months";
      case FORECAST_FATALITIES -> "12 months";
      default -> rule.kind().minimumHistoryDays() + " days";
    };
  }

  private EventFilter base(Rule rule, String country, Period days) {
    EventFilter base =
        EventFilter.of(country, days)
            .withSources(rule.sources())
            .restrictEventTypes(EventType.POLITICAL_VIOLENCE);
    return rule.admin1().isEmpty() ? base : base.withAdmin1(Set.copyOf(rule.admin1()));
  }

  /**
   * The rules over counts of events or fatalities by day: surge, threat, change, HDX, anomaly.
   * {@code earliest} is the first day with the history the rule needs, {@code heldFrom} the store's
   * first event of the country.
   */
  private List<Alert> counted(
      Rule rule, String country, Period days, LocalDate earliest, LocalDate heldFrom) {
    RuleKind kind = rule.kind();
    // Suppression is warmed up on the days before, as far as the store's history allows.
    LocalDate warm = days.from().minusDays(rule.suppressDays());
    if (warm.isBefore(earliest)) {
      warm = earliest.isAfter(days.from()) ? days.from() : earliest;
    }
    Period history = new Period(warm.minusDays(kind.historyDays()), days.to());
    boolean perRegion = kind.regional() || !rule.admin1().isEmpty();
    EventFilter base = base(rule, country, days);
    DayCounts counts =
        new DayCounts(
            engine.count(
                new CountQuery(
                    base.withPeriod(history),
                    perRegion ? List.of(Dimension.ADMIN1, Dimension.DAY) : List.of(Dimension.DAY))),
            perRegion ? 1 : 0);
    boolean deaths = kind == RuleKind.HDX_SIGNALS;
    SignalFigures cite = new SignalFigures(engine, make, base);
    List<Alert> alerts = new ArrayList<>();
    for (Map.Entry<String, DailySeries> e : counts.series(country, deaths).entrySet()) {
      String admin1 = perRegion ? e.getKey() : null;
      LocalDate quietUntil = warm;
      for (LocalDate d = warm; !d.isAfter(days.to()); d = d.plusDays(1)) {
        if (d.isBefore(quietUntil)) {
          continue;
        }
        Signal s = signal(rule, e.getValue(), d, heldFrom);
        if (!fires(rule, s)) {
          continue;
        }
        quietUntil = d.plusDays(Math.max(1, rule.suppressDays()));
        if (!d.isBefore(days.from())) {
          SignalFigures.Cited c = cite.of(s, admin1, deaths ? "deaths" : "events", counts);
          alerts.add(alert(rule, country, admin1, d, s, c, areas.of(country, admin1)));
        }
      }
    }
    return alerts;
  }

  private static Signal signal(Rule rule, DailySeries series, LocalDate day, LocalDate heldFrom) {
    return switch (rule.kind()) {
      case ACLED_SURGE -> AcledRules.surge(series, day);
      case ACLED_THREAT -> AcledRules.threat(series, day);
      case ACLED_CHANGE -> AcledRules.changeLevel(series, day);
      case HDX_SIGNALS -> HdxSignals.fatalities(series, day, heldFrom);
      case ANOMALY -> CountAnomaly.monthly(series, day);
      case CAPITAL_RADIUS, FORECAST_FATALITIES, CORRIDOR_STATUS, ADVISORY_CHANGE ->
          throw new IllegalStateException(rule.kind().word() + " is not a count rule");
    };
  }

  private static boolean fires(Rule rule, Signal s) {
    if (rule.kind() == RuleKind.ANOMALY) {
      return s.pValue() != null && s.pValue() < rule.pValueBelow();
    }
    return s.triggered();
  }

  /**
   * Political violence whose first actor is an armed non-state actor (ACLED inter code 2, 3 or 4),
   * within the radius of the capital, on a day after {@code quiet_months} months without any.
   */
  private List<Alert> capital(Rule rule, String country, Period days) {
    CountryProfile.NamedPlace capital =
        Optional.ofNullable(rule.capital())
            .or(() -> profiles.find(country).map(CountryProfile::capital))
            .orElseThrow(
                () ->
                    HarmattanException.userInput(
                        ProblemCode.BAD_RULES_FILE,
                        "rule "
                            + rule.id()
                            + ": no capital is known for "
                            + country
                            + "; give one as capital: {name, lat, lon}"));
    LocalDate first = days.from().minusMonths(rule.quietMonths());
    EventFilter base =
        base(rule, country, days)
            .withInter1(ARMED_NON_STATE)
            .withNear(
                new EventFilter.Near(capital.latitude(), capital.longitude(), rule.radiusKm()));
    DayCounts counts =
        new DayCounts(
            engine.count(
                new CountQuery(
                    base.withPeriod(new Period(first, days.to())), List.of(Dimension.DAY))),
            0);
    DailySeries series = counts.series(capital.name(), false).get(capital.name());
    SignalFigures cite = new SignalFigures(engine, make, base);
    AlertArea area =
        new AlertArea(
            "Within "
                + FigureFormat.ENGLISH.withUnit(rule.radiusKm(), "km")
                + " of "
                + capital.name()
                + ", "
                + areas.countryName(country),
            List.of(),
            new AlertArea.Circle(
                new AlertArea.Point(capital.latitude(), capital.longitude()), rule.radiusKm()));
    List<Alert> alerts = new ArrayList<>();
    for (LocalDate d : series.nonZeroDays().subMap(days.from(), true, days.to(), true).keySet()) {
      Period quiet = new Period(d.minusMonths(rule.quietMonths()), d.minusDays(1));
      if (series.sum(quiet) > 0) {
        continue;
      }
      Signal s =
          new Signal(
              CAPITAL_RADIUS,
              capital.name(),
              true,
              series.count(d),
              0,
              1,
              "first in " + rule.quietMonths() + " months",
              new Period(d, d),
              quiet,
              null,
              "political violence by an armed non-state actor (ACLED inter code 2, 3 or 4 as actor"
                  + " 1) within the radius of the capital, after months without any",
              List.of(),
              List.of());
      alerts.add(alert(rule, country, null, d, s, cite.of(s, null, "events", counts), area));
    }
    return alerts;
  }

  /**
   * On the first day of each month: the learned model's outlook from the month before (1,000 draws,
   * seed 1, as the brief's), firing when the chance that the month exceeds the worst month of the
   * past year is at least the rule's probability.
   */
  private List<Alert> forecast(Rule rule, String country, Period days, List<String> notes) {
    String name = areas.countryName(country);
    List<Alert> alerts = new ArrayList<>();
    LocalDate warm = days.from().minusDays(rule.suppressDays());
    LocalDate d = warm.withDayOfMonth(1);
    if (d.isBefore(warm)) {
      d = d.plusMonths(1);
    }
    LocalDate quietUntil = d;
    for (; !d.isAfter(days.to()); d = d.plusMonths(1)) {
      if (d.isBefore(quietUntil)) {
        continue;
      }
      YearMonth origin = YearMonth.from(d).minusMonths(1);
      EventPanels.Built panel =
          EventPanels.fatalities(
              engine, country, rule.sources(), YearMonth.from(Period.EARLIEST), origin, true);
      if (panel.panel().unitCount() == 0
          || panel.panel().first().isAfter(origin.minusMonths(Outlook.PAST_MONTHS - 1L))) {
        continue;
      }
      Outlook.Result outlook =
          Outlook.compute(
              panel.panel(),
              new Outlook.Options(origin, FORECAST_MONTHS, FORECAST_DRAWS, FORECAST_SEED, 0));
      if (outlook.modelNote() != null) {
        notes.add(
            "rule "
                + rule.id()
                + ", "
                + country
                + ", "
                + d
                + ": "
                + outlook.modelNote()
                + "; no chance of exceeding is stated");
        continue;
      }
      Map<String, Figure> figures = new HashMap<>();
      OutlookSection.build(outlook, panel, country, name)
          .figures()
          .forEach(f -> figures.put(f.id(), f));
      Figure chance = figures.get("forecast.fatalities.p_above_past_max");
      Figure pastMax = figures.get("forecast.fatalities.past_max");
      if (chance == null || pastMax == null || chance.value() < rule.probability()) {
        continue;
      }
      quietUntil = d.plusDays(Math.max(1, rule.suppressDays()));
      if (d.isBefore(days.from())) {
        continue;
      }
      alerts.add(
          new Alert(
              Alert.id(rule.id(), country, null, d),
              rule.id(),
              rule.kind().word(),
              d,
              country,
              null,
              rule.severity(),
              rule.kind().title()
                  + ": "
                  + YearMonth.from(d)
                  + " may exceed the past year's worst"
                  + " month — "
                  + name,
              "The learned model gives a chance of "
                  + FigureFormat.ENGLISH.format(chance)
                  + " that reported fatalities in "
                  + name
                  + " in "
                  + FigureFormat.ENGLISH.formatPeriod(chance.period())
                  + " exceed the worst month of the past year ("
                  + FigureFormat.ENGLISH.format(pastMax)
                  + "), from the months reported up to "
                  + FigureFormat.ENGLISH.formatPeriod(
                      new Period(origin.atDay(1), origin.atEndOfMonth()))
                  + ".",
              List.of(chance, pastMax),
              AlertArea.named(name)));
    }
    return alerts;
  }

  private Alert alert(
      Rule rule,
      String country,
      String admin1,
      LocalDate day,
      Signal s,
      SignalFigures.Cited c,
      AlertArea area) {
    List<Figure> figures = new ArrayList<>(List.of(c.observed(), c.baseline()));
    if (c.pValue() != null) {
      figures.add(c.pValue());
    }
    String place = areas.place(country, admin1);
    String id = Alert.id(rule.id(), country, admin1 == null ? null : FigureIds.slug(admin1), day);
    String headline =
        switch (rule.kind()) {
          case ACLED_CHANGE, HDX_SIGNALS -> rule.kind().title() + ": " + s.level() + " — " + place;
          case CAPITAL_RADIUS ->
              "Armed non-state actors near " + s.area() + ": " + s.level() + " — " + place;
          case ACLED_SURGE, ACLED_THREAT, ANOMALY ->
              rule.kind().title()
                  + (AcledRules.LEVEL_NEW_ACTIVITY.equals(s.level()) ? " (new activity)" : "")
                  + " — "
                  + place;
          case FORECAST_FATALITIES, CORRIDOR_STATUS, ADVISORY_CHANGE ->
              throw new IllegalStateException(rule.kind().word() + " writes its own alerts");
        };
    return new Alert(
        id,
        rule.id(),
        rule.kind().word(),
        day,
        country,
        admin1,
        rule.severity(),
        headline,
        AlertText.of(rule.kind(), s, c, place),
        figures,
        area);
  }
}

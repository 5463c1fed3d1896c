package org.harmattan.alerts.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.harmattan.alerts.Alert;
import org.harmattan.analytics.corridors.Corridor;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.corridors.Corridors;
import org.harmattan.analytics.corridors.RoadGraph;
import org.harmattan.analytics.corridors.SegmentStatus;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetworkReader;

/**
 * The {@code corridor-status} rule: each supply corridor of the country's profile is rated on each
 * day as the brief rates it at the end of its window ({@link CorridorReport}: blocked, disrupted or
 * open from the passage-affecting events of the last {@value CorridorReport#DISRUPTED_DAYS} days),
 * and a change from the day before that the rule asks for fires.
 *
 * <p>The events are read once per rule and country; a first report over all the days keeps each
 * corridor's passage-affecting events, and each day is rated on those of its own window only, so
 * that a year of days costs little more than one report.
 */
final class CorridorRule {
  private final AnalyticsEngine engine;
  private final LocalDate today;
  private final CountryProfiles profiles;
  private final AlertAreas areas;
  private final Map<Path, RoadGraph> graphs = new HashMap<>();

  CorridorRule(
      AnalyticsEngine engine, LocalDate today, CountryProfiles profiles, AlertAreas areas) {
    this.engine = engine;
    this.today = today;
    this.profiles = profiles;
    this.areas = areas;
  }

  /**
   * The alerts of the days of {@code days}; {@code earliest} is the first day with the history the
   * rule needs, from which the days before {@code days} warm up the suppression.
   */
  List<Alert> alerts(Rule rule, String country, Period days, LocalDate earliest) {
    Rule.CorridorConfig config = rule.corridor();
    CountryProfile profile = profile(rule, country);
    RoadGraph graph = graphs.computeIfAbsent(config.roads(), CorridorRule::read);
    List<Corridor> watched = watched(rule, profile, Corridors.build(profile, graph));
    LocalDate warm = days.from().minusDays(rule.suppressDays());
    if (warm.isBefore(earliest)) {
      warm = earliest.isAfter(days.from()) ? days.from() : earliest;
    }
    // The first day rated is the one before the first compared, with its own window of events.
    Period history = new Period(warm.minusDays(CorridorReport.DISRUPTED_DAYS), days.to());
    EventFilter filter =
        CorridorReport.eventFilter(
            new SecurityRequest(country, history, null, rule.sources(), today));
    // Only the events in boxes around the watched corridors can be near one.
    List<EventPoint> events =
        engine.listEventPointsInBoxes(
            filter, Corridors.neighbourhood(watched, config.bufferKm()), true);
    CorridorReport all =
        CorridorReport.of(
            profile.capital(),
            watched,
            graph.sources(),
            events,
            history,
            config.bufferKm(),
            filter,
            today);
    List<Alert> alerts = new ArrayList<>();
    for (CorridorReport.CorridorResult c : all.corridors()) {
      List<EventPoint> passage =
          c.events().stream().map(CorridorReport.PassageEvent::point).toList();
      Daily daily = new Daily(profile, c.corridor(), graph, passage, filter, config.bufferKm());
      CorridorReport before = daily.on(warm.minusDays(1));
      LocalDate quietUntil = warm;
      for (LocalDate d = warm; !d.isAfter(days.to()); d = d.plusDays(1)) {
        CorridorReport now = daily.on(d);
        SegmentStatus was = before.corridors().get(0).status();
        SegmentStatus is = now.corridors().get(0).status();
        if (!d.isBefore(quietUntil) && config.fires(was, is)) {
          quietUntil = d.plusDays(Math.max(1, rule.suppressDays()));
          if (!d.isBefore(days.from())) {
            alerts.add(alert(rule, country, c.corridor(), before, now, config.bufferKm()));
          }
        }
        before = now;
      }
    }
    return alerts;
  }

  /**
   * One corridor rated day by day, on the passage-affecting events of each day's window (oldest
   * first, as the engine lists them).
   */
  private final class Daily {
    private final CountryProfile profile;
    private final List<Corridor> corridor;
    private final RoadGraph graph;
    private final List<EventPoint> passage;
    private final EventFilter filter;
    private final double bufferKm;

    Daily(
        CountryProfile profile,
        Corridor corridor,
        RoadGraph graph,
        List<EventPoint> passage,
        EventFilter filter,
        double bufferKm) {
      this.profile = profile;
      this.corridor = List.of(corridor);
      this.graph = graph;
      this.passage = passage;
      this.filter = filter;
      this.bufferKm = bufferKm;
    }

    /** The corridor's report at the end of {@code day}, over the days its status looks back. */
    CorridorReport on(LocalDate day) {
      Period window = new Period(day.minusDays(CorridorReport.DISRUPTED_DAYS - 1L), day);
      int from = 0;
      while (from < passage.size() && passage.get(from).date().isBefore(window.from())) {
        from++;
      }
      int to = from;
      while (to < passage.size() && !passage.get(to).date().isAfter(day)) {
        to++;
      }
      return CorridorReport.of(
          profile.capital(),
          corridor,
          graph.sources(),
          passage.subList(from, to),
          window,
          bufferKm,
          filter.withPeriod(window),
          today);
    }
  }

  private Alert alert(
      Rule rule,
      String country,
      Corridor corridor,
      CorridorReport before,
      CorridorReport now,
      double bufferKm) {
    CorridorReport.CorridorResult c = now.corridors().get(0);
    CorridorReport.CorridorResult b = before.corridors().get(0);
    Figure status = now.getFigure(c.statusFigure());
    Figure was = before.getFigure(b.statusFigure());
    // The day before's status, under an id of its own beside the day's.
    Figure dayBefore =
        new Figure(
            was.id() + "_day_before",
            was.label() + ", the day before",
            was.value(),
            was.unit(),
            was.period(),
            was.comparison(),
            was.filters(),
            was.query(),
            was.citation(),
            was.note());
    Figure passage = now.getFigure(c.passageEventsFigure());
    Figure daysSince = now.getFigure(c.daysSinceFigure());
    Figure index = now.getFigure(c.blockadeIndexFigure());
    String name = corridor.spec().name();
    String place = name + ", " + areas.countryName(country);
    List<String> segments =
        c.status() == SegmentStatus.OPEN
            ? List.of()
            : c.segments().stream()
                .filter(s -> s.status() == c.status())
                .map(s -> s.segment().label())
                .toList();
    LocalDate day = status.period().to();
    return new Alert(
        Alert.id(rule.id(), country, corridor.spec().slug(), day),
        rule.id(),
        rule.kind().word(),
        day,
        country,
        null,
        rule.severity(),
        rule.kind().title()
            + ": "
            + name
            + " "
            + c.status().label()
            + ", was "
            + b.status().label()
            + " — "
            + areas.countryName(country),
        AlertText.corridor(place, bufferKm, status, dayBefore, passage, daysSince, index, segments),
        List.of(status, dayBefore, passage, daysSince, index),
        AlertAreas.corridor(
            corridor,
            bufferKm,
            place + ", within " + FigureFormat.ENGLISH.withUnit(bufferKm, "km") + " of the road"));
  }

  private CountryProfile profile(Rule rule, String country) {
    return profiles
        .find(country)
        .filter(p -> !p.corridors().isEmpty())
        .orElseThrow(
            () ->
                HarmattanException.userInput(
                    ProblemCode.BAD_RULES_FILE,
                    "rule "
                        + rule.id()
                        + ": no country profile names supply corridors of "
                        + country
                        + "; expected one of the countries whose profile does ("
                        + profiles.listProfiles().stream()
                            .filter(p -> !p.corridors().isEmpty())
                            .map(CountryProfile::iso3)
                            .sorted()
                            .collect(Collectors.joining(", "))
                        + ")"));
  }

  /** The corridors the rule names, in profile order; all of them when it names none. */
  private static List<Corridor> watched(
      Rule rule, CountryProfile profile, List<Corridor> corridors) {
    List<String> named = rule.corridor().corridors();
    if (named.isEmpty()) {
      return corridors;
    }
    Set<String> known = corridors.stream().map(c -> c.spec().slug()).collect(Collectors.toSet());
    for (String slug : named) {
      if (!known.contains(slug)) {
        throw HarmattanException.userInput(
            ProblemCode.BAD_RULES_FILE,
            "rule "
                + rule.id()
                + ": corridor '"
                + slug
                + "' is not one of "
                + profile.iso3()
                + "'s profile ("
                + String.join(", ", corridors.stream().map(c -> c.spec().slug()).toList())
                + ")");
      }
    }
    return corridors.stream().filter(c -> named.contains(c.spec().slug())).toList();
  }

  private static RoadGraph read(Path roads) {
    return RoadGraph.of(RoadNetworkReader.readDirectory(roads));
  }
}

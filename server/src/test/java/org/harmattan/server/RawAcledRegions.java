package org.harmattan.server;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.testsupport.PlainCsv;

/**
 * The events of one country in a raw ACLED export (2019 layout) read without Harmattan's code (a
 * naive CSV reader, the export's own ISO3 column, its dates as written), and ACLED's published
 * surge and threat rules counted over them by hand: the expected values of the region endpoints.
 */
final class RawAcledRegions {
  /** One event as the export writes it. */
  record Row(String id, String admin1, LocalDate date, String eventType, long fatalities) {
    /** Battles, remote violence and violence against civilians, in the export's old words. */
    boolean politicalViolence() {
      return eventType.startsWith("Battle")
          || eventType.equals("Remote violence")
          || eventType.equals("Violence against civilians");
    }
  }

  /**
   * A rule that fired, as counted by hand.
   *
   * @param observedIds the events of the observed window
   * @param baselineEvents the events of the baseline window
   * @param baselineBlocks how many blocks the baseline averages over
   */
  record Fired(
      String admin1,
      String ruleId,
      Set<String> observedIds,
      long baselineEvents,
      int baselineBlocks) {
    double baselineMean() {
      return baselineEvents / (double) baselineBlocks;
    }
  }

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  final List<Row> rows;

  private RawAcledRegions(List<Row> rows) {
    this.rows = rows;
  }

  /** The export's events of {@code iso3}, each event id once. */
  static RawAcledRegions read(Path export, String iso3) {
    Map<String, Row> byId = new LinkedHashMap<>();
    for (Map<String, String> r : PlainCsv.readMaps(export, 0)) {
      if (r.get("iso3").equals(iso3)) {
        byId.putIfAbsent(
            r.get("event_id_cnty"),
            new Row(
                r.get("event_id_cnty"),
                r.get("admin1"),
                LocalDate.parse(r.get("event_date"), DATE),
                r.get("event_type"),
                Long.parseLong(r.get("fatalities"))));
      }
    }
    return new RawAcledRegions(new ArrayList<>(byId.values()));
  }

  /** Events per region, all dates and types. */
  Map<String, Long> eventsByRegion() {
    Map<String, Long> m = new TreeMap<>();
    rows.forEach(r -> m.merge(r.admin1(), 1L, Long::sum));
    return m;
  }

  /** Deaths per region, all dates and types. */
  Map<String, Long> fatalitiesByRegion() {
    Map<String, Long> m = new TreeMap<>();
    rows.forEach(r -> m.merge(r.admin1(), r.fatalities(), Long::sum));
    return m;
  }

  /**
   * The surge and threat rules as ACLED publishes them, as of {@code asOf}: political violence in
   * the last 7 days at least twice the weekly average of the 4 weeks before (surge), or in the last
   * 30 days at least twice the average of the twelve 30-day blocks before (threat), with at least 3
   * events observed.
   */
  List<Fired> fired(LocalDate asOf) {
    List<Fired> out = new ArrayList<>();
    for (String region : new TreeSet<>(eventsByRegion().keySet())) {
      rule(region, "acled.surge", asOf, 7, 4).ifPresent(out::add);
      rule(region, "acled.threat", asOf, 30, 12).ifPresent(out::add);
    }
    return out;
  }

  private java.util.Optional<Fired> rule(
      String region, String ruleId, LocalDate asOf, int days, int blocks) {
    LocalDate observedFrom = asOf.minusDays(days - 1L);
    LocalDate baselineFrom = observedFrom.minusDays((long) days * blocks);
    Set<String> observed = new TreeSet<>();
    long baseline = 0;
    for (Row r : rows) {
      if (!r.admin1().equals(region) || !r.politicalViolence()) {
        continue;
      }
      if (!r.date().isBefore(observedFrom) && !r.date().isAfter(asOf)) {
        observed.add(r.id());
      } else if (!r.date().isBefore(baselineFrom) && r.date().isBefore(observedFrom)) {
        baseline++;
      }
    }
    boolean fires = observed.size() >= 3 && observed.size() * (long) blocks >= 2 * baseline;
    return fires
        ? java.util.Optional.of(new Fired(region, ruleId, observed, baseline, blocks))
        : java.util.Optional.empty();
  }
}

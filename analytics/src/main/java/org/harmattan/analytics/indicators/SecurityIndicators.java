package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.domain.text.Vocabulary;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;

/**
 * The security figures of a country and window. State forces are ACLED's inter code 1 for actor 1
 * (the country's military, police and gendarmerie); foreign forces are code 8.
 */
public final class SecurityIndicators {
  /** How many rows the region and actor breakdowns keep. */
  public static final int TOP = 10;

  private static final Set<EventType> POLITICAL_VIOLENCE = EventType.POLITICAL_VIOLENCE;

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<BreakdownRow> byEventType = new ArrayList<>();
  private final List<BreakdownRow> byAdmin1 = new ArrayList<>();
  private final List<BreakdownRow> byActor1 = new ArrayList<>();
  private final List<BreakdownRow> bySubEventType = new ArrayList<>();
  private final List<MonthPoint> monthly = new ArrayList<>();
  private final List<MonthPoint> compareMonthly = new ArrayList<>();

  /** The groupings every window is counted by. */
  private static final List<Dimension> BY =
      List.of(
          Dimension.EVENT_TYPE,
          Dimension.ADMIN1,
          Dimension.ACTOR1,
          Dimension.SUB_EVENT_TYPE,
          Dimension.MONTH);

  /** The counts asked for at once, by query. */
  private final Map<CountQuery, CountResult> counted = new HashMap<>();

  /** The label of a breakdown row the source gives no value for, as its id and filter write it. */
  private static final String NOT_GIVEN = "(not given)";

  private final SecurityRequest request;
  private final Figures make;
  private final Texts texts;
  private Coverage coverage;

  private SecurityIndicators(SecurityRequest request) {
    this.request = request;
    this.make = new Figures(request.today(), request.language());
    this.texts = AnalyticsTexts.of(request.language());
  }

  /** Computes every security figure of the request. */
  public static SecurityIndicators compute(AnalyticsEngine engine, SecurityRequest request) {
    requireNonNull(engine, "engine");
    SecurityIndicators s = new SecurityIndicators(request);
    s.run(engine);
    return s;
  }

  private EventFilter base(Period p) {
    return request
        .scope()
        .apply(EventFilter.of(request.countryIso3(), p).withSources(request.sources()));
  }

  private void run(AnalyticsEngine engine) {
    coverage = engine.coverage(base(request.period()));
    Period p = request.period();
    Period c = request.comparison();
    // The counts by event type answer the totals of every event-type selection below, so that
    // those totals need no query of their own.
    EventFilter all = base(p);
    EventFilter vac = all.restrictEventTypes(Set.of(EventType.VIOLENCE_AGAINST_CIVILIANS));
    // Every count of the section in one request, which an engine may answer in one statement.
    List<CountQuery> asked = new ArrayList<>();
    for (Period w : c == null ? List.of(p) : List.of(p, c)) {
      asked.add(CountQuery.total(vac.withInter1(Set.of(1)).withPeriod(w)));
      for (Dimension d : BY) {
        asked.add(new CountQuery(base(w), List.of(d)));
      }
    }
    List<CountResult> answers = engine.countAll(asked);
    for (int i = 0; i < asked.size(); i++) {
      counted.put(asked.get(i), answers.get(i));
    }
    CountResult typesNow = count(engine, new CountQuery(all, List.of(Dimension.EVENT_TYPE)));
    CountResult typesThen =
        c == null ? null : count(engine, new CountQuery(base(c), List.of(Dimension.EVENT_TYPE)));
    ByType byType = new ByType(typesNow, typesThen);
    totals(engine, FigureIds.EVENTS_TOTAL, FigureIds.FATALITIES_TOTAL, "", all, c, byType, null);
    totals(
        engine,
        FigureIds.EVENTS_POLITICAL_VIOLENCE,
        FigureIds.FATALITIES_POLITICAL_VIOLENCE,
        texts.t("indicators.what.political_violence"),
        all.restrictEventTypes(POLITICAL_VIOLENCE),
        c,
        byType,
        POLITICAL_VIOLENCE);
    totals(
        engine,
        FigureIds.EVENTS_VAC,
        FigureIds.FATALITIES_VAC,
        texts.t("indicators.what.against_civilians"),
        vac,
        c,
        byType,
        Set.of(EventType.VIOLENCE_AGAINST_CIVILIANS));
    totals(
        engine,
        FigureIds.EVENTS_VAC_STATE,
        FigureIds.FATALITIES_VAC_STATE,
        texts.t("indicators.what.by_state_forces"),
        vac.withInter1(Set.of(1)),
        c,
        null,
        null);
    Language language = request.language();
    breakdown(
        typesNow,
        typesThen,
        "event_type",
        "by_event_type",
        byEventType,
        0,
        label ->
            EventType.findByLabel(label).map(t -> Vocabulary.eventType(language, t)).orElse(label));
    breakdown(
        engine, Dimension.ADMIN1, "admin1", "by_admin1", byAdmin1, TOP, UnaryOperator.identity());
    breakdown(
        engine, Dimension.ACTOR1, "actor1", "by_actor1", byActor1, TOP, UnaryOperator.identity());
    breakdown(
        engine,
        Dimension.SUB_EVENT_TYPE,
        "sub_event_type",
        "by_sub_event_type",
        bySubEventType,
        TOP,
        label -> Vocabulary.subEventType(language, label));
    months(engine, p, "", monthly);
    if (c != null) {
      months(engine, c, FigureIds.COMPARE, compareMonthly);
    }
  }

  /**
   * The counts of the base filter by event type, in the window and the comparison window (null when
   * there is none).
   */
  private record ByType(CountResult now, CountResult then) {
    /**
     * The total of {@code filter}, the base filter of {@code r}'s window restricted to {@code
     * types}, from {@code r}'s rows of those types.
     */
    static CountResult total(CountResult r, EventFilter filter, Set<EventType> types) {
      List<CountRow> parts = new ArrayList<>();
      for (CountRow row : r.rows()) {
        if (types == null
            || EventType.findByLabel(row.key().get(0)).filter(types::contains).isPresent()) {
          parts.add(row);
        }
      }
      return CountResult.ofGroups(CountQuery.total(filter), List.of(), parts);
    }
  }

  /**
   * Counts {@code filter}: from {@code byType} when given ({@code filter} being the base filter
   * restricted to {@code types}, or all of it when {@code types} is null), else by a query.
   */
  private CountResult count(
      AnalyticsEngine engine, EventFilter filter, CountResult byType, Set<EventType> types) {
    return byType == null
        ? count(engine, CountQuery.total(filter))
        : ByType.total(byType, filter, types);
  }

  /** The answer to {@code q}: asked with the others at the start of {@link #run}, else now. */
  private CountResult count(AnalyticsEngine engine, CountQuery q) {
    CountResult r = counted.get(q);
    return r != null ? r : engine.count(q);
  }

  private void totals(
      AnalyticsEngine engine,
      String eventsId,
      String fatalitiesId,
      String what,
      EventFilter filter,
      Period comparison,
      ByType byType,
      Set<EventType> types) {
    CountResult now = count(engine, filter, byType == null ? null : byType.now(), types);
    Figure events =
        add(
            make.of(
                eventsId,
                texts.t("indicators.events", what),
                (double) now.events(),
                "events",
                filter,
                now));
    Figure deaths =
        add(
            make.of(
                fatalitiesId,
                texts.t("indicators.fatalities", what),
                (double) now.fatalities(),
                "deaths",
                filter,
                now));
    if (comparison == null) {
      return;
    }
    EventFilter cf = filter.withPeriod(comparison);
    CountResult then = count(engine, cf, byType == null ? null : byType.then(), types);
    Figure eventsThen =
        add(
            make.of(
                FigureIds.compare(eventsId),
                texts.t("indicators.events.compared", what),
                (double) then.events(),
                "events",
                cf,
                then));
    Figure deathsThen =
        add(
            make.of(
                FigureIds.compare(fatalitiesId),
                texts.t("indicators.fatalities.compared", what),
                (double) then.fatalities(),
                "deaths",
                cf,
                then));
    add(
        make.change(
            FigureIds.change(eventsId),
            texts.t(
                "indicators.events.change", what, Integer.toString(comparison.from().getYear())),
            events,
            eventsThen));
    add(
        make.change(
            FigureIds.change(fatalitiesId),
            texts.t(
                "indicators.fatalities.change",
                what,
                Integer.toString(comparison.from().getYear())),
            deaths,
            deathsThen));
  }

  private void breakdown(
      AnalyticsEngine engine,
      Dimension dimension,
      String filterName,
      String idPart,
      List<BreakdownRow> out,
      int limit,
      UnaryOperator<String> name) {
    EventFilter filter = base(request.period());
    CountResult r = count(engine, new CountQuery(filter, List.of(dimension)));
    CountResult compared =
        request.comparison() == null
            ? null
            : count(engine, new CountQuery(base(request.comparison()), List.of(dimension)));
    breakdown(r, compared, filterName, idPart, out, limit, name);
  }

  /**
   * The breakdown figures from the counts of the base filter by one dimension in the window ({@code
   * r}) and the comparison window ({@code compared}, null when there is none).
   */
  private void breakdown(
      CountResult r,
      CountResult compared,
      String filterName,
      String idPart,
      List<BreakdownRow> out,
      int limit,
      UnaryOperator<String> name) {
    EventFilter filter = r.query().filter();
    Map<String, CountRow> then = new HashMap<>();
    if (compared != null) {
      for (CountRow row : compared.rows()) {
        then.put(String.valueOf(row.key().get(0)), row);
      }
    }
    int n = 0;
    for (CountRow row : r.rows()) {
      if (limit > 0 && n++ >= limit) {
        break;
      }
      // The id and the filter keep the source's code; the label is in the request's language.
      String code = row.key().get(0) == null ? NOT_GIVEN : row.key().get(0);
      String label = row.key().get(0) == null ? texts.t("indicators.not_given") : row.key().get(0);
      String shown = name.apply(label);
      String slug = FigureIds.slug(code);
      Map<String, String> extra = Map.of(filterName, code);
      String eventsId = "events." + idPart + "." + slug;
      String deathsId = "fatalities." + idPart + "." + slug;
      add(
          make.ofRow(
              eventsId,
              texts.t("indicators.breakdown.events", shown),
              (double) row.events(),
              "events",
              filter,
              extra,
              r,
              row));
      add(
          make.ofRow(
              deathsId,
              texts.t("indicators.breakdown.fatalities", shown),
              (double) row.fatalities(),
              "deaths",
              filter,
              extra,
              r,
              row));
      String compareId = null;
      if (compared != null) {
        compareId = FigureIds.compare(eventsId);
        EventFilter cf = filter.withPeriod(request.comparison());
        CountRow old = then.get(String.valueOf(row.key().get(0)));
        if (old == null) {
          add(
              zero(
                  compareId,
                  texts.t("indicators.breakdown.events.compared", shown),
                  "events",
                  cf,
                  extra,
                  compared.sources()));
        } else {
          add(
              make.ofRow(
                  compareId,
                  texts.t("indicators.breakdown.events.compared", shown),
                  (double) old.events(),
                  "events",
                  cf,
                  extra,
                  compared,
                  old));
        }
      }
      out.add(new BreakdownRow(label, eventsId, deathsId, compareId));
    }
  }

  private void months(AnalyticsEngine engine, Period window, String prefix, List<MonthPoint> out) {
    EventFilter filter = base(window);
    CountResult r = count(engine, new CountQuery(filter, List.of(Dimension.MONTH)));
    Map<YearMonth, CountRow> rows = new HashMap<>();
    for (CountRow row : r.rows()) {
      rows.put(YearMonth.from(LocalDate.parse(row.key().get(0))), row);
    }
    for (YearMonth m = YearMonth.from(window.from());
        !m.isAfter(YearMonth.from(window.to()));
        m = m.plusMonths(1)) {
      LocalDate from = m.atDay(1).isBefore(window.from()) ? window.from() : m.atDay(1);
      LocalDate to = m.atEndOfMonth().isAfter(window.to()) ? window.to() : m.atEndOfMonth();
      EventFilter mf = filter.withPeriod(new Period(from, to));
      String eventsId = prefix + "events.monthly." + m;
      String deathsId = prefix + "fatalities.monthly." + m;
      CountRow row = rows.get(m);
      Map<String, String> extra = Map.of("month", m.toString());
      String eventsLabel = texts.t("indicators.monthly.events", m.toString());
      String deathsLabel = texts.t("indicators.monthly.fatalities", m.toString());
      if (row == null) {
        add(zero(eventsId, eventsLabel, "events", mf, extra, r.sources()));
        add(zero(deathsId, deathsLabel, "deaths", mf, extra, r.sources()));
      } else {
        add(make.ofRow(eventsId, eventsLabel, (double) row.events(), "events", mf, extra, r, row));
        add(
            make.ofRow(
                deathsId, deathsLabel, (double) row.fatalities(), "deaths", mf, extra, r, row));
      }
      out.add(new MonthPoint(m, eventsId, deathsId));
    }
  }

  /**
   * A figure that counts nothing: it cites the files {@code searched} (those of the query it was
   * read from), so that a reader sees where nothing was found.
   */
  private Figure zero(
      String id,
      String label,
      String unit,
      EventFilter filter,
      Map<String, String> extra,
      List<SourceRef> searched) {
    Map<String, String> filters = new LinkedHashMap<>(filter.describe());
    filters.putAll(extra);
    return new Figure(
        id,
        label,
        0.0,
        unit,
        filter.period(),
        null,
        filters,
        CountQuery.total(filter).describe(),
        new Citation(searched, 0, List.of(), request.today()),
        null);
  }

  private Figure add(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("figure id computed twice: " + f.id());
    }
    return f;
  }

  public SecurityRequest request() {
    return request;
  }

  /** Every figure, in the order computed. */
  public List<Figure> listFigures() {
    return List.copyOf(figures.values());
  }

  public Optional<Figure> findFigure(String id) {
    return Optional.ofNullable(figures.get(id));
  }

  public Figure getFigure(String id) {
    Figure f = figures.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no figure " + id);
    }
    return f;
  }

  public List<BreakdownRow> byEventType() {
    return Collections.unmodifiableList(byEventType);
  }

  public List<BreakdownRow> byAdmin1() {
    return Collections.unmodifiableList(byAdmin1);
  }

  public List<BreakdownRow> byActor1() {
    return Collections.unmodifiableList(byActor1);
  }

  /**
   * The most frequent sub-event types (null ones, from the pre-2019 taxonomy, as "(not given)").
   */
  public List<BreakdownRow> bySubEventType() {
    return Collections.unmodifiableList(bySubEventType);
  }

  public List<MonthPoint> monthly() {
    return Collections.unmodifiableList(monthly);
  }

  public List<MonthPoint> compareMonthly() {
    return Collections.unmodifiableList(compareMonthly);
  }

  /** What the store holds for the country and sources. */
  public Coverage coverage() {
    return coverage;
  }
}

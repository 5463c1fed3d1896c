package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.harmattan.analytics.indicators.BreakdownRow;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.MonthPoint;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.domain.text.Vocabulary;

/**
 * The brief's sections on the security indicators: the key figures and the security situation,
 * their phrasing (rise, fall, no change, too little data) chosen from the figures, in the language
 * of the security request.
 */
final class SecuritySection {
  private final SecurityIndicators security;
  private final Function<String, Figure> figures;
  private final Function<String, Optional<String>> canonicalActor;
  private final UnaryOperator<String> regionName;
  private final Texts texts;

  /**
   * The sections over {@code security}'s figures.
   *
   * @param figures the brief's figure of an id; throws for an id that was not computed
   * @param canonicalActor the registry name of a raw actor name, where one matches
   * @param regionName the brief's spelling of a region ({@code PlaceNames})
   */
  SecuritySection(
      SecurityIndicators security,
      Function<String, Figure> figures,
      Function<String, Optional<String>> canonicalActor,
      UnaryOperator<String> regionName) {
    this.security = requireNonNull(security, "security");
    this.figures = requireNonNull(figures, "figures");
    this.canonicalActor = requireNonNull(canonicalActor, "canonicalActor");
    this.regionName = requireNonNull(regionName, "regionName");
    this.texts = BriefTexts.of(security.request().language());
  }

  /**
   * The key figures, one item each: the totals with their change (the headline trend, first),
   * political violence, violence against civilians, by state forces, then the other sections'
   * headlines.
   */
  List<List<Inline>> keyFigureItems(Period c, List<List<Inline>> headlines) {
    List<List<Inline>> items = new ArrayList<>();
    // Lines that mean nothing under the brief's filter go: violence against civilians when the
    // event types exclude it, who carried it out when one actor is the filter.
    Scope scope = security.request().scope();
    Set<EventType> types = scope.eventTypes();
    boolean politicalViolence =
        types == null || !Collections.disjoint(types, EventType.POLITICAL_VIOLENCE);
    boolean againstCivilians =
        types == null || types.contains(EventType.VIOLENCE_AGAINST_CIVILIANS);
    boolean byStateForces = againstCivilians && scope.actorLabel() == null;
    items.add(
        Prose.start()
            .t(
                texts,
                texts.pluralKey("security.total", figure(FigureIds.EVENTS_TOTAL).getValue()),
                Inline.figure(FigureIds.EVENTS_TOTAL),
                Inline.figure(FigureIds.FATALITIES_TOTAL),
                changeClause(FigureIds.EVENTS_TOTAL, c))
            .build());
    if (politicalViolence) {
      items.add(
          Prose.of(
              texts,
              "security.political_violence",
              Inline.figure(FigureIds.EVENTS_POLITICAL_VIOLENCE),
              Inline.figure(FigureIds.FATALITIES_POLITICAL_VIOLENCE),
              changeClause(FigureIds.FATALITIES_POLITICAL_VIOLENCE, c)));
    }
    if (againstCivilians) {
      items.add(
          Prose.of(
              texts,
              "security.against_civilians",
              Inline.figure(FigureIds.EVENTS_VAC),
              Inline.figure(FigureIds.FATALITIES_VAC),
              changeClause(FigureIds.EVENTS_VAC, c)));
    }
    if (byStateForces) {
      items.add(
          Prose.of(
              texts,
              texts.pluralKey(
                  "security.by_state_forces", figure(FigureIds.EVENTS_VAC_STATE).getValue()),
              Inline.figure(FigureIds.EVENTS_VAC_STATE),
              Inline.figure(FigureIds.FATALITIES_VAC_STATE),
              changeClause(FigureIds.FATALITIES_VAC_STATE, c)));
    }
    items.addAll(headlines);
    return items;
  }

  /** The security situation: trend, monthly chart, breakdowns by type, actor and region. */
  Section situation(Period p, Period c, List<Block.Annotation> timeline) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(trendParagraph(c)));
    List<Block.Point> now = new ArrayList<>();
    for (MonthPoint m : security.monthly()) {
      now.add(new Block.Point(m.month().atDay(1).toString(), m.eventsFigure()));
    }
    List<Block.Series> series = new ArrayList<>();
    series.add(new Block.Series(Periods.span(texts, p), now));
    if (c != null && security.compareMonthly().size() == security.monthly().size()) {
      List<Block.Point> then = new ArrayList<>();
      for (int i = 0; i < security.monthly().size(); i++) {
        then.add(
            new Block.Point(
                security.monthly().get(i).month().atDay(1).toString(),
                security.compareMonthly().get(i).eventsFigure()));
      }
      series.add(new Block.Series(Periods.span(texts, c), then));
    }
    blocks.add(
        new Block.Chart(
            "monthly-events",
            Block.Kind.LINE,
            c == null
                ? texts.t("security.chart.title", Periods.span(texts, p))
                : texts.t(
                    "security.chart.title_compared",
                    Periods.span(texts, p),
                    Periods.span(texts, c)),
            texts.t("security.chart.axis"),
            series,
            timeline));
    Language language = texts.language();
    blocks.add(
        table(
            texts.t("security.table.by_event_type"),
            texts.t("security.table.event_type"),
            security.byEventType(),
            c,
            label ->
                EventType.findByLabel(label)
                    .map(t -> Vocabulary.eventType(language, t))
                    .orElse(label)));
    blocks.add(
        table(
            texts.t("security.table.by_sub_event_type"),
            texts.t("security.table.sub_event_type"),
            security.bySubEventType(),
            c,
            label -> Vocabulary.subEventType(language, label)));
    // Actors and regions: their tables (events and fatalities, the comparison window for regions)
    // say all a bar chart of the same figures would, in less room.
    blocks.add(new Block.Paragraph(whoParagraph()));
    blocks.add(actorTable());
    blocks.add(new Block.Paragraph(whereParagraph()));
    blocks.add(
        table(
            texts.t("security.table.by_region"),
            texts.t("security.table.region"),
            security.byAdmin1(),
            c,
            regionName));
    return new Section("security", texts.t("security.title"), blocks);
  }

  /**
   * A change clause: " — a rise in events of +61 % against the same months of 2017 (16 events)";
   * empty without a comparison window.
   */
  private List<Inline> changeClause(String id, Period c) {
    if (c == null) {
      return List.of();
    }
    Figure change = figure(FigureIds.change(id));
    Figure now = figure(id);
    Figure then = figure(FigureIds.compare(id));
    Trend t = Trend.of(change, now, then);
    String against = Periods.against(texts, c);
    return switch (t) {
      case ROSE, FELL ->
          // "a rise in deaths of +83 %": the percentage says what it counts.
          Prose.of(
              texts,
              "security.change." + t.key + "." + now.unit(),
              Inline.figure(change.id()),
              against,
              Inline.figure(then.id()));
      case UNCHANGED ->
          Prose.of(texts, "security.change.unchanged", against, Inline.figure(then.id()));
      case NO_BASE ->
          Prose.of(texts, "security.change.no_base", against, Inline.figure(change.id()));
      case TOO_LITTLE ->
          Prose.of(texts, "security.change.too_little", Inline.figure(then.id()), against);
    };
  }

  private List<Inline> trendParagraph(Period c) {
    Prose pr = Prose.start();
    if (security.monthly().isEmpty()) {
      return pr.t(texts, "security.trend.no_month").build();
    }
    MonthPoint peak = security.monthly().get(0);
    for (MonthPoint m : security.monthly()) {
      if (figure(m.eventsFigure()).getValue() > figure(peak.eventsFigure()).getValue()) {
        peak = m;
      }
    }
    if (c == null) {
      pr.t(texts, "security.trend.window", Inline.figure(FigureIds.EVENTS_POLITICAL_VIOLENCE));
    } else {
      Figure change = figure(FigureIds.change(FigureIds.EVENTS_POLITICAL_VIOLENCE));
      Trend t =
          Trend.of(
              change,
              figure(FigureIds.EVENTS_POLITICAL_VIOLENCE),
              figure(FigureIds.compare(FigureIds.EVENTS_POLITICAL_VIOLENCE)));
      pr.t(
          texts,
          "security.trend." + t.key,
          Inline.figure(FigureIds.EVENTS_POLITICAL_VIOLENCE),
          Inline.figure(FigureIds.compare(FigureIds.EVENTS_POLITICAL_VIOLENCE)),
          Periods.against(texts, c),
          t == Trend.ROSE || t == Trend.FELL ? Inline.figure(change.id()) : List.of());
    }
    return pr.text(" ")
        .t(
            texts,
            "security.trend.busiest_month",
            texts.monthYear(peak.month().atDay(1)),
            Inline.figure(peak.eventsFigure()),
            Inline.figure(peak.fatalitiesFigure()))
        .build();
  }

  private String actorLabel(String raw) {
    return canonicalActor.apply(raw).map(n -> n.equals(raw) ? raw : n + " — " + raw).orElse(raw);
  }

  private List<Inline> whoParagraph() {
    List<BreakdownRow> actors = security.byActor1();
    if (actors.isEmpty()) {
      return Prose.of(texts, "security.actors.none");
    }
    List<Inline> then =
        actors.size() > 1
            ? Prose.of(
                texts,
                "security.actors.then",
                actorLabel(actors.get(1).label()),
                Inline.figure(actors.get(1).eventsFigure()))
            : List.of();
    return Prose.of(
        texts,
        "security.actors.most_active",
        actorLabel(actors.get(0).label()),
        Inline.figure(actors.get(0).eventsFigure()),
        Inline.figure(actors.get(0).fatalitiesFigure()),
        then);
  }

  private List<Inline> whereParagraph() {
    List<BreakdownRow> regions = security.byAdmin1();
    if (regions.isEmpty()) {
      return Prose.of(texts, "security.regions.none");
    }
    List<Inline> then =
        regions.size() > 1
            ? Prose.of(
                texts,
                "security.regions.then",
                regionName.apply(regions.get(1).label()),
                Inline.figure(regions.get(1).eventsFigure()))
            : List.of();
    return Prose.of(
        texts,
        "security.regions.most_events",
        regionName.apply(regions.get(0).label()),
        Inline.figure(regions.get(0).eventsFigure()),
        Inline.figure(regions.get(0).fatalitiesFigure()),
        then);
  }

  private Block.Table actorTable() {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (BreakdownRow r : security.byActor1()) {
      rows.add(
          List.of(
              List.of(Inline.text(actorLabel(r.label()))),
              List.of(Inline.number(r.eventsFigure())),
              List.of(Inline.number(r.fatalitiesFigure()))));
    }
    return new Block.Table(
        texts.t("security.table.actors"),
        List.of(
            texts.t("security.table.actor"),
            texts.t("security.table.events"),
            texts.t("security.table.fatalities")),
        rows);
  }

  private Block.Table table(
      String caption,
      String first,
      List<BreakdownRow> breakdown,
      Period c,
      UnaryOperator<String> name) {
    List<String> headers =
        new ArrayList<>(
            List.of(first, texts.t("security.table.events"), texts.t("security.table.fatalities")));
    if (c != null) {
      headers.add(
          texts.t(
              "security.table.events_compared",
              c.from().getYear() == c.to().getYear()
                  ? Integer.toString(c.from().getYear())
                  : Periods.span(texts, c)));
    }
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (BreakdownRow r : breakdown) {
      List<List<Inline>> row = new ArrayList<>();
      row.add(List.of(Inline.text(name.apply(r.label()))));
      row.add(List.of(Inline.number(r.eventsFigure())));
      row.add(List.of(Inline.number(r.fatalitiesFigure())));
      if (c != null) {
        row.add(List.of(Inline.number(r.compareEventsFigure())));
      }
      rows.add(row);
    }
    return new Block.Table(caption, headers, rows);
  }

  private Figure figure(String id) {
    return figures.apply(id);
  }
}

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
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;

/**
 * The brief's sections on the security indicators: the key figures and the security situation,
 * their phrasing (rise, fall, no change, too little data) chosen from the figures.
 */
final class SecuritySection {
  private final SecurityIndicators security;
  private final Function<String, Figure> figures;
  private final Function<String, Optional<String>> canonicalActor;
  private final UnaryOperator<String> regionName;

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
    Prose total =
        Prose.start()
            .fig(FigureIds.EVENTS_TOTAL)
            .text(" of political violence, protest and strategic developments were recorded, with ")
            .fig(FigureIds.FATALITIES_TOTAL)
            .text(" reported");
    if (c != null) {
      total.append(changeClause(FigureIds.EVENTS_TOTAL, c));
    }
    items.add(total.text(".").build());
    Prose pv =
        Prose.start()
            .text("Political violence (battles, explosions and remote violence, violence against")
            .text(" civilians): ")
            .fig(FigureIds.EVENTS_POLITICAL_VIOLENCE)
            .text(", ")
            .fig(FigureIds.FATALITIES_POLITICAL_VIOLENCE);
    if (c != null) {
      pv.append(changeClause(FigureIds.FATALITIES_POLITICAL_VIOLENCE, c));
    }
    if (politicalViolence) {
      items.add(pv.text(".").build());
    }
    Prose vac =
        Prose.start()
            .text("Violence against civilians: ")
            .fig(FigureIds.EVENTS_VAC)
            .text(", with ")
            .fig(FigureIds.FATALITIES_VAC);
    if (c != null) {
      vac.append(changeClause(FigureIds.EVENTS_VAC, c));
    }
    if (againstCivilians) {
      items.add(vac.text(".").build());
    }
    Prose state =
        Prose.start()
            .text("Of these, ")
            .fig(FigureIds.EVENTS_VAC_STATE)
            .text(" were carried out by state forces, with ")
            .fig(FigureIds.FATALITIES_VAC_STATE);
    if (c != null) {
      state.append(changeClause(FigureIds.FATALITIES_VAC_STATE, c));
    }
    if (byStateForces) {
      items.add(state.text(".").build());
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
    series.add(new Block.Series(Periods.span(p), now));
    if (c != null && security.compareMonthly().size() == security.monthly().size()) {
      List<Block.Point> then = new ArrayList<>();
      for (int i = 0; i < security.monthly().size(); i++) {
        then.add(
            new Block.Point(
                security.monthly().get(i).month().atDay(1).toString(),
                security.compareMonthly().get(i).eventsFigure()));
      }
      series.add(new Block.Series(Periods.span(c), then));
    }
    blocks.add(
        new Block.Chart(
            "monthly-events",
            Block.Kind.LINE,
            "Events per month, " + Periods.span(p) + (c == null ? "" : ", with " + Periods.span(c)),
            "events per month",
            series,
            timeline));
    blocks.add(
        table(
            "Events and fatalities by event type",
            "Event type",
            security.byEventType(),
            c,
            UnaryOperator.identity()));
    blocks.add(
        table(
            "Most frequent sub-event types (events coded before ACLED's 2019 taxonomy have none)",
            "Sub-event type",
            security.bySubEventType(),
            c,
            UnaryOperator.identity()));
    // Actors and regions: their tables (events and fatalities, the comparison window for regions)
    // say all a bar chart of the same figures would, in less room.
    blocks.add(new Block.Paragraph(whoParagraph()));
    blocks.add(actorTable());
    blocks.add(new Block.Paragraph(whereParagraph()));
    blocks.add(
        table(
            "Events and fatalities by region (admin1)",
            "Region",
            security.byAdmin1(),
            c,
            regionName));
    return new Section("security", "Security situation", blocks);
  }

  /** A change clause: " (+61 % on the same months of 2017, when there were 16)". */
  private List<Inline> changeClause(String id, Period c) {
    Figure change = figure(FigureIds.change(id));
    Figure now = figure(id);
    Figure then = figure(FigureIds.compare(id));
    Trend t = Trend.of(change, now, then);
    Prose pr = Prose.start();
    switch (t) {
      case ROSE, FELL ->
          // "a rise in deaths of +83 %": the percentage says what it counts.
          pr.text(" — " + t.noun + " in " + now.unit() + " of ")
              .fig(change.id())
              .text(" against " + Periods.against(c) + " (")
              .fig(then.id())
              .text(")");
      case UNCHANGED ->
          pr.text(" — about the same as in " + Periods.against(c) + " (").fig(then.id()).text(")");
      case NO_BASE ->
          pr.text(" — none in " + Periods.against(c) + ", so no percentage change can be given (")
              .fig(change.id())
              .text(")");
      case TOO_LITTLE ->
          pr.text(" — against ")
              .fig(then.id())
              .text(" in " + Periods.against(c) + "; too few to speak of a trend");
    }
    return pr.build();
  }

  private List<Inline> trendParagraph(Period c) {
    Prose pr = Prose.start();
    if (security.monthly().isEmpty()) {
      return pr.text("No month falls in the window.").build();
    }
    MonthPoint peak = security.monthly().get(0);
    for (MonthPoint m : security.monthly()) {
      if (figure(m.eventsFigure()).getValue() > figure(peak.eventsFigure()).getValue()) {
        peak = m;
      }
    }
    pr.text("Political violence ");
    if (c == null) {
      pr.text("amounted to ").fig(FigureIds.EVENTS_POLITICAL_VIOLENCE).text(" in the window");
    } else {
      Figure change = figure(FigureIds.change(FigureIds.EVENTS_POLITICAL_VIOLENCE));
      Trend t =
          Trend.of(
              change,
              figure(FigureIds.EVENTS_POLITICAL_VIOLENCE),
              figure(FigureIds.compare(FigureIds.EVENTS_POLITICAL_VIOLENCE)));
      pr.text(t.verb + ": ")
          .fig(FigureIds.EVENTS_POLITICAL_VIOLENCE)
          .text(" against ")
          .fig(FigureIds.compare(FigureIds.EVENTS_POLITICAL_VIOLENCE))
          .text(" in " + Periods.against(c));
      if (t == Trend.ROSE || t == Trend.FELL) {
        pr.text(" (").fig(change.id()).text(")");
      }
    }
    pr.text(". The busiest month was " + Periods.MONTH.format(peak.month().atDay(1)) + ", with ")
        .fig(peak.eventsFigure())
        .text(" and ")
        .fig(peak.fatalitiesFigure())
        .text(".");
    return pr.build();
  }

  private String actorLabel(String raw) {
    return canonicalActor.apply(raw).map(n -> n.equals(raw) ? raw : n + " — " + raw).orElse(raw);
  }

  private List<Inline> whoParagraph() {
    Prose pr = Prose.start();
    List<BreakdownRow> actors = security.byActor1();
    if (actors.isEmpty()) {
      return pr.text("No actor is recorded in the window.").build();
    }
    pr.text("The most active initiating actor (ACLED actor 1) was ")
        .text(actorLabel(actors.get(0).label()))
        .text(", with ")
        .fig(actors.get(0).eventsFigure())
        .text(" and ")
        .fig(actors.get(0).fatalitiesFigure())
        .text(" reported");
    if (actors.size() > 1) {
      pr.text("; then ")
          .text(actorLabel(actors.get(1).label()))
          .text(" (")
          .fig(actors.get(1).eventsFigure())
          .text(")");
    }
    return pr.text(".").build();
  }

  private List<Inline> whereParagraph() {
    Prose pr = Prose.start();
    List<BreakdownRow> regions = security.byAdmin1();
    if (regions.isEmpty()) {
      return pr.text("No region is recorded in the window.").build();
    }
    pr.text("Most events took place in ")
        .text(regionName.apply(regions.get(0).label()))
        .text(" (")
        .fig(regions.get(0).eventsFigure())
        .text(", ")
        .fig(regions.get(0).fatalitiesFigure())
        .text(")");
    if (regions.size() > 1) {
      pr.text(", followed by ")
          .text(regionName.apply(regions.get(1).label()))
          .text(" (")
          .fig(regions.get(1).eventsFigure())
          .text(")");
    }
    return pr.text(".").build();
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
        "Most active initiating actors (ACLED actor 1; registry name where known)",
        List.of("Actor", "Events", "Fatalities"),
        rows);
  }

  private Block.Table table(
      String caption,
      String first,
      List<BreakdownRow> breakdown,
      Period c,
      UnaryOperator<String> name) {
    List<String> headers = new ArrayList<>(List.of(first, "Events", "Fatalities"));
    if (c != null) {
      headers.add("Events, " + Periods.against(c).replace("the same months of ", ""));
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

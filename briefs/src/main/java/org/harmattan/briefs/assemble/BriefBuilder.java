package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.analytics.indicators.BreakdownRow;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.MonthPoint;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.analytics.profile.CountryProfile;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.EventPoint;

/** Writes the crisis brief of a country and window from its computed figures and sections. */
public final class BriefBuilder {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  private final SecurityIndicators security;
  private final String countryName;
  private final boolean synthetic;
  private final Instant generatedAt;
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final Set<String> referenced = new LinkedHashSet<>();
  private Function<String, Optional<String>> canonicalActor = name -> Optional.empty();
  private final List<Section> extraSections = new ArrayList<>();
  private final List<Section> leadSections = new ArrayList<>();
  private final List<Block.Annotation> timeline = new ArrayList<>();
  private final List<List<Inline>> headlines = new ArrayList<>();
  private String sourceNote = "";

  public BriefBuilder(
      SecurityIndicators security, String countryName, boolean synthetic, Instant generatedAt) {
    this.security = requireNonNull(security, "security");
    this.countryName = requireNonNull(countryName, "countryName");
    this.synthetic = synthetic;
    this.generatedAt = requireNonNull(generatedAt, "generatedAt");
    for (Figure f : security.listFigures()) {
      figures.put(f.id(), f);
    }
  }

  /** Names actors by their registry entry where one matches the raw name. */
  public BriefBuilder canonicalActors(Function<String, Optional<String>> lookup) {
    this.canonicalActor = requireNonNull(lookup, "lookup");
    return this;
  }

  /** Adds a section computed elsewhere (early warning, capital, humanitarian…) with its figures. */
  public BriefBuilder section(Section section, List<Figure> sectionFigures) {
    register(sectionFigures);
    extraSections.add(section);
    return this;
  }

  /**
   * Adds a section placed before the security situation (the political picture) with its figures,
   * and the dated marks it draws on the monthly event chart.
   */
  public BriefBuilder lead(
      Section section, List<Figure> sectionFigures, List<Block.Annotation> annotations) {
    register(sectionFigures);
    leadSections.add(section);
    timeline.addAll(annotations);
    return this;
  }

  /**
   * Adds a line to the key figures summarising another section (see {@link Headlines}); its figures
   * must be registered by that section.
   */
  public BriefBuilder headline(List<Inline> line) {
    headlines.add(List.copyOf(line));
    return this;
  }

  /** Adds dated marks to the monthly event chart (e.g. a raised travel advisory). */
  public BriefBuilder annotate(List<Block.Annotation> annotations) {
    timeline.addAll(annotations);
    return this;
  }

  private void register(List<Figure> more) {
    for (Figure f : more) {
      if (figures.putIfAbsent(f.id(), f) != null) {
        throw new IllegalArgumentException("figure id used twice: " + f.id());
      }
    }
  }

  /** Adds the section on the capital: how close political violence comes, per actor. */
  public BriefBuilder capital(CapitalAdvance c) {
    return capital(c, null);
  }

  /**
   * Adds the section on the capital with, when {@code base} is given, a map of the window's
   * political-violence events by type around the capital with its 50, 100 and 200 km rings.
   *
   * @param base the country's base layers ({@link BaseMaps#of}), or null for no map
   */
  public BriefBuilder capital(CapitalAdvance c, BaseMaps.Base base) {
    register(c.listFigures());
    String city = c.capital().name();
    List<Block> blocks = new ArrayList<>();
    Prose intro =
        Prose.start()
            .text("Political violence came within ")
            .fig(c.nearest())
            .text(" of " + city + ". Within 50, 100 and 200 km of the city: ");
    for (int i = 0; i < c.within().size(); i++) {
      intro.fig(c.within().get(i)).text(i < c.within().size() - 1 ? ", " : ".");
    }
    blocks.add(new Block.Paragraph(intro.build()));
    if (base != null) {
      blocks.add(new Block.Map(capitalMap(c, base)));
    }
    List<List<Inline>> items = new ArrayList<>();
    List<Block.Series> series = new ArrayList<>();
    for (CapitalAdvance.ActorAdvance a : c.actors()) {
      Prose pr =
          Prose.start()
              .text(a.actor().name() + ": ")
              .fig(a.events())
              .text("; nearest approach ")
              .fig(a.nearest())
              .text(", median distance ")
              .fig(a.median())
              .text("; within 50/100/200 km: ")
              .num(a.within().get(0))
              .text(" / ")
              .num(a.within().get(1))
              .text(" / ")
              .num(a.within().get(2));
      if (a.trend() != null) {
        Figure t = figure(a.trend());
        pr.text("; monthly median distance changing by ")
            .fig(a.trend())
            .text(" (95 % confidence interval ")
            .fig(a.trendLow())
            .text(" to ")
            .fig(a.trendHigh())
            .text(t.getValue() < 0 ? "; negative: closer to the capital)" : ")");
      }
      for (String inc : a.incursions()) {
        pr.text("; " + figure(inc).label().replace(" (" + a.actor().name() + ")", "") + ", at ")
            .fig(inc);
      }
      items.add(pr.text(".").build());
      List<Block.Point> points = new ArrayList<>();
      a.monthlyMedian()
          .forEach((month, id) -> points.add(new Block.Point(month.atDay(1).toString(), id)));
      if (points.size() >= 2) {
        series.add(new Block.Series(a.actor().name(), points));
      }
    }
    if (items.isEmpty()) {
      items.add(List.of(Inline.text("No armed actor of the registry was active in the window.")));
    }
    blocks.add(new Block.Bullets(items));
    if (!series.isEmpty()) {
      blocks.add(
          new Block.Chart(
              "distance-to-capital",
              Block.Kind.LINE,
              "Median monthly distance to " + city + " of each actor's political violence",
              "km from " + city,
              series));
    }
    extraSections.add(new Section("capital", "The capital: " + city, blocks));
    return this;
  }

  /** Events by type around the capital, its rings, on the country's base layers. */
  private static MapView capitalMap(CapitalAdvance c, BaseMaps.Base base) {
    CountryProfile.NamedPlace cap = c.capital();
    int outer = CapitalAdvance.RADII_KM.get(CapitalAdvance.RADII_KM.size() - 1);
    List<MapView.Marker> events = new ArrayList<>();
    c.listWindowEvents().stream()
        .sorted(Comparator.comparing(EventPoint::date).thenComparing(EventPoint::id))
        .forEach(
            e ->
                events.add(
                    new MapView.Marker(
                        e.date()
                            + (e.location() == null ? "" : ", " + e.location())
                            + ": "
                            + e.eventType().label(),
                        e.eventType().label(),
                        BaseMaps.lonLat(e.longitude(), e.latitude()))));
    MapView.LonLat centre = BaseMaps.lonLat(cap.longitude(), cap.latitude());
    List<MapView.Layer> layers =
        base.with(
            List.of(
                new MapView.Rings(
                    "Distance from " + cap.name(),
                    centre,
                    CapitalAdvance.RADII_KM.stream().map(Integer::doubleValue).toList()),
                new MapView.Points("Political-violence events", events),
                new MapView.Points(
                    cap.name(), List.of(new MapView.Marker(cap.name(), "capital", centre)))));
    return new MapView(
        "capital-events",
        "Political-violence events of the window around "
            + cap.name()
            + ", by event type, with 50, 100 and 200 km rings",
        BaseMaps.around(cap.latitude(), cap.longitude(), outer * 1.5),
        layers);
  }

  /** Adds the early-warning section from evaluated rules. */
  public BriefBuilder warnings(WarningIndicators w) {
    List<List<Inline>> items = new ArrayList<>();
    LocalDate asOf = security.request().period().to();
    for (WarningIndicators.Entry e : w.country()) {
      items.add(signalLine(e, false));
    }
    if (w.triggeredRegions().isEmpty()) {
      items.add(
          List.of(
              Inline.text(
                  "No region (admin1) met ACLED's surge rule (violent events in the last 7 days"
                      + " at least twice the weekly average of the 4 weeks before) or threat rule"
                      + " (last 30 days at least twice the 30-day average of the year before) as"
                      + " of "
                      + DAY.format(asOf)
                      + ".")));
    } else {
      for (WarningIndicators.Entry e : w.triggeredRegions()) {
        items.add(signalLine(e, true));
      }
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            List.of(
                Inline.text(
                    "Rules evaluated on political violence as of "
                        + DAY.format(asOf)
                        + ", the last day of the window. A rule that fires is a prompt to look"
                        + " closer, not a forecast."))));
    blocks.add(new Block.Bullets(items));
    return section(new Section("warning", "Early-warning signals", blocks), w.listFigures());
  }

  private static List<Inline> signalLine(WarningIndicators.Entry e, boolean region) {
    var s = e.signal();
    Prose pr = Prose.start();
    pr.text(
            (region ? s.area() + ": " : "")
                + capitalise(s.level())
                + (s.triggered() ? " (rule fired)" : "")
                + " — ")
        .text(s.rule())
        .text(": ")
        .fig(e.observedFigure())
        .text(
            " from "
                + DAY.format(s.observedWindow().from())
                + " to "
                + DAY.format(s.observedWindow().to())
                + ", against ")
        .fig(e.baselineFigure())
        .text(
            " from "
                + DAY.format(s.baselineWindow().from())
                + " to "
                + DAY.format(s.baselineWindow().to()));
    if (e.pValueFigure() != null) {
      pr.text("; ").num(e.pValueFigure());
    }
    for (String note : s.notes()) {
      pr.text("; " + note);
    }
    return pr.text(".").build();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /** A sentence on where the data came from, e.g. the synthetic scenario's seed. */
  public BriefBuilder sourceNote(String note) {
    this.sourceNote = requireNonNull(note, "note");
    return this;
  }

  public Brief build() {
    Period p = security.request().period();
    Period c = security.request().comparison();
    List<Section> sections = new ArrayList<>();
    sections.add(keyFigures(c));
    sections.addAll(leadSections);
    sections.add(securitySituation(p, c));
    sections.addAll(extraSections);
    sections.add(method(p, c));
    for (Section s : sections) {
      collectRefs(s);
    }
    List<Figure> ordered = new ArrayList<>();
    for (String id : referenced) {
      ordered.add(figure(id));
    }
    for (Figure f : figures.values()) {
      if (!referenced.contains(f.id())) {
        ordered.add(f);
      }
    }
    String scope = security.request().scope().describe();
    String title =
        countryName
            + ": crisis brief, "
            + span(p)
            + (scope.isEmpty() ? "" : " — " + scope)
            + (synthetic ? " (SYNTHETIC DATA: NOT REAL EVENTS)" : "");
    return new Brief(
        title,
        security.request().countryIso3(),
        countryName,
        p,
        c,
        synthetic,
        sections,
        ordered,
        attribution(p),
        generatedAt);
  }

  private Figure figure(String id) {
    Figure f = figures.get(id);
    if (f == null) {
      throw new IllegalStateException(
          "the brief refers to figure " + id + " that was not computed");
    }
    return f;
  }

  private void collectRefs(Section s) {
    for (Block b : s.blocks()) {
      if (b instanceof Block.Paragraph para) {
        refs(para.parts());
      } else if (b instanceof Block.Bullets bullets) {
        bullets.items().forEach(this::refs);
      } else if (b instanceof Block.Table table) {
        table.rows().forEach(r -> r.forEach(this::refs));
      } else if (b instanceof Block.Chart chart) {
        for (Block.Series se : chart.series()) {
          for (Block.Point pt : se.points()) {
            figure(pt.figureId());
            referenced.add(pt.figureId());
          }
        }
      }
    }
  }

  private void refs(List<Inline> parts) {
    for (Inline i : parts) {
      if (i instanceof Inline.FigureRef ref) {
        figure(ref.figureId());
        referenced.add(ref.figureId());
      }
    }
  }

  static String span(Period p) {
    LocalDate f = p.from();
    LocalDate t = p.to();
    boolean wholeMonths = f.getDayOfMonth() == 1 && t.equals(t.withDayOfMonth(t.lengthOfMonth()));
    if (wholeMonths && f.getYear() == t.getYear()) {
      if (f.getMonthValue() == t.getMonthValue()) {
        return MONTH.format(f);
      }
      return f.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
          + "–"
          + MONTH.format(t);
    }
    if (wholeMonths) {
      return MONTH.format(f) + " – " + MONTH.format(t);
    }
    return DAY.format(f) + " – " + DAY.format(t);
  }

  /** "against the same months of 2017" or "against 1 January – 30 June 2017". */
  private static String against(Period c) {
    return c.from().getYear() == c.to().getYear()
        ? "the same months of " + c.from().getYear()
        : span(c);
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
          pr.text(" — " + t.noun + " of ")
              .fig(change.id())
              .text(" against " + against(c) + " (")
              .fig(then.id())
              .text(")");
      case UNCHANGED ->
          pr.text(" — about the same as in " + against(c) + " (").fig(then.id()).text(")");
      case NO_BASE ->
          pr.text(" — none in " + against(c) + ", so no percentage change can be given (")
              .fig(change.id())
              .text(")");
      case TOO_LITTLE ->
          pr.text(" — against ")
              .fig(then.id())
              .text(" in " + against(c) + "; too few to speak of a trend");
    }
    return pr.build();
  }

  private Section keyFigures(Period c) {
    List<List<Inline>> items = new ArrayList<>();
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
    items.add(pv.text(".").build());
    Prose vac =
        Prose.start()
            .text("Violence against civilians: ")
            .fig(FigureIds.EVENTS_VAC)
            .text(", with ")
            .fig(FigureIds.FATALITIES_VAC);
    if (c != null) {
      vac.append(changeClause(FigureIds.EVENTS_VAC, c));
    }
    items.add(vac.text(".").build());
    Prose state =
        Prose.start()
            .text("Of these, ")
            .fig(FigureIds.EVENTS_VAC_STATE)
            .text(" were carried out by state forces, with ")
            .fig(FigureIds.FATALITIES_VAC_STATE);
    if (c != null) {
      state.append(changeClause(FigureIds.FATALITIES_VAC_STATE, c));
    }
    items.add(state.text(".").build());
    items.addAll(headlines);
    return new Section("key-figures", "Key figures", List.of(new Block.Bullets(items)));
  }

  private Section securitySituation(Period p, Period c) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(trendParagraph(c)));
    List<Block.Point> now = new ArrayList<>();
    for (MonthPoint m : security.monthly()) {
      now.add(new Block.Point(m.month().atDay(1).toString(), m.eventsFigure()));
    }
    List<Block.Series> series = new ArrayList<>();
    series.add(new Block.Series(span(p), now));
    if (c != null && security.compareMonthly().size() == security.monthly().size()) {
      List<Block.Point> then = new ArrayList<>();
      for (int i = 0; i < security.monthly().size(); i++) {
        then.add(
            new Block.Point(
                security.monthly().get(i).month().atDay(1).toString(),
                security.compareMonthly().get(i).eventsFigure()));
      }
      series.add(new Block.Series(span(c), then));
    }
    blocks.add(
        new Block.Chart(
            "monthly-events",
            Block.Kind.LINE,
            "Events per month, " + span(p) + (c == null ? "" : ", with " + span(c)),
            "events per month",
            series,
            timeline));
    blocks.add(
        table("Events and fatalities by event type", "Event type", security.byEventType(), c));
    blocks.add(
        table(
            "Most frequent sub-event types (events coded before ACLED's 2019 taxonomy have none)",
            "Sub-event type",
            security.bySubEventType(),
            c));
    blocks.add(new Block.Paragraph(whoParagraph()));
    blocks.add(actorTable());
    blocks.add(
        new Block.Chart(
            "events-by-actor",
            Block.Kind.BAR,
            "Events by initiating actor (ACLED actor 1), " + span(p),
            "events",
            List.of(actorBars())));
    blocks.add(
        new Block.Chart(
            "events-by-region",
            Block.Kind.BAR,
            "Events by region (admin1), " + span(p),
            "events",
            List.of(bars(security.byAdmin1()))));
    blocks.add(new Block.Paragraph(whereParagraph()));
    blocks.add(table("Events and fatalities by region (admin1)", "Region", security.byAdmin1(), c));
    return new Section("security", "Security situation", blocks);
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
          .text(" in " + against(c));
      if (t == Trend.ROSE || t == Trend.FELL) {
        pr.text(" (").fig(change.id()).text(")");
      }
    }
    pr.text(". The busiest month was " + MONTH.format(peak.month().atDay(1)) + ", with ")
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
        .text(regions.get(0).label())
        .text(" (")
        .fig(regions.get(0).eventsFigure())
        .text(", ")
        .fig(regions.get(0).fatalitiesFigure())
        .text(")");
    if (regions.size() > 1) {
      pr.text(", followed by ")
          .text(regions.get(1).label())
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

  private Block.Table table(String caption, String first, List<BreakdownRow> breakdown, Period c) {
    List<String> headers = new ArrayList<>(List.of(first, "Events", "Fatalities"));
    if (c != null) {
      headers.add("Events, " + against(c).replace("the same months of ", ""));
    }
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (BreakdownRow r : breakdown) {
      List<List<Inline>> row = new ArrayList<>();
      row.add(List.of(Inline.text(r.label())));
      row.add(List.of(Inline.number(r.eventsFigure())));
      row.add(List.of(Inline.number(r.fatalitiesFigure())));
      if (c != null) {
        row.add(List.of(Inline.number(r.compareEventsFigure())));
      }
      rows.add(row);
    }
    return new Block.Table(caption, headers, rows);
  }

  private Block.Series actorBars() {
    List<Block.Point> points = new ArrayList<>();
    for (BreakdownRow r : security.byActor1()) {
      points.add(
          new Block.Point(canonicalActor.apply(r.label()).orElse(r.label()), r.eventsFigure()));
    }
    return new Block.Series("events", points);
  }

  private static Block.Series bars(List<BreakdownRow> rows) {
    List<Block.Point> points = new ArrayList<>();
    for (BreakdownRow r : rows) {
      points.add(new Block.Point(r.label(), r.eventsFigure()));
    }
    return new Block.Series("events", points);
  }

  private Section method(Period p, Period c) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            Prose.start()
                .text(
                    "Figures count events in Harmattan's store for "
                        + countryName
                        + " dated "
                        + DAY.format(p.from())
                        + " to "
                        + DAY.format(p.to())
                        + (c == null
                            ? ""
                            : ", compared with "
                                + DAY.format(c.from())
                                + " to "
                                + DAY.format(c.to()))
                        + ". Fatalities are the sources' best estimates, summed. Each event is"
                        + " counted once, in its newest version; events coded in ACLED's pre-2019"
                        + " taxonomy are mapped to the current event types. State forces are"
                        + " actors with ACLED inter code 1 (the country's military, police and"
                        + " gendarmerie); foreign and international forces are code 8. A change is"
                        + " the percentage difference between matched windows; it is not given"
                        + " when the comparison window has no events, and called fragile when it"
                        + " has fewer than 10.")
                .build()));
    if (!sourceNote.isEmpty()) {
      blocks.add(new Block.Paragraph(List.of(Inline.text(sourceNote))));
    }
    blocks.add(
        new Block.Paragraph(
            List.of(
                Inline.text(
                    "Every number links to a numbered reference below that gives its filters,"
                        + " the query that computed it, the source files with their SHA-256, the"
                        + " number of records and their event ids, so that it can be checked with"
                        + " `harmattan check-claims`."))));
    List<List<Inline>> others = new ArrayList<>();
    new java.util.TreeMap<>(otherSources())
        .forEach(
            (system, datasets) ->
                others.add(
                    List.of(
                        Inline.text(
                            system
                                + ": "
                                + String.join(", ", datasets)
                                + (synthetic ? "" : SOURCE_CREDITS.getOrDefault(system, ""))))));
    if (!others.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              List.of(Inline.text("Other sources behind the figures of this brief:"))));
      blocks.add(new Block.Bullets(others));
    }
    return new Section("method", "Method and sources", blocks);
  }

  /** Credits asked for by sources other than the event datasets. */
  private static final Map<String, String> SOURCE_CREDITS =
      Map.of(
          "African Urban Network",
          " (cite Prieto-Curiel, Schumann, Heo and Heinrigs 2022, Computers, Environment and"
              + " Urban Systems; built from OpenStreetMap, ODbL, and Africapolis)");

  /** Source systems other than the event datasets, with the files cited from each. */
  private Map<String, Set<String>> otherSources() {
    Set<String> events = Set.of("ACLED", "UCDP", "GDELT");
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Figure f : figures.values()) {
      for (org.harmattan.domain.figure.SourceRef r : f.citation().sources()) {
        if (!events.contains(r.system())) {
          out.computeIfAbsent(r.system(), k -> new java.util.TreeSet<>()).add(r.dataset());
        }
      }
    }
    return out;
  }

  private String attribution(Period p) {
    if (synthetic) {
      return "SYNTHETIC DATA: the events behind this brief were generated by Harmattan's demo"
          + " scenario in ACLED's export format. They are not real events and must not be cited"
          + " as such.";
    }
    LocalDate accessed =
        security.coverage().accessed() == null
            ? security.request().today()
            : security.coverage().accessed();
    return "Source: Armed Conflict Location & Event Data (ACLED), www.acleddata.com, accessed "
        + DAY.format(accessed)
        + ". Filters: country "
        + countryName
        + ", events dated "
        + DAY.format(p.from())
        + " to "
        + DAY.format(p.to())
        + ". Transformations by Harmattan: newest version of each event kept; pre-2019 event"
        + " types mapped to ACLED's current taxonomy; events counted and best fatality estimates"
        + " summed per group. No ACLED rows are reproduced in this brief.";
  }
}

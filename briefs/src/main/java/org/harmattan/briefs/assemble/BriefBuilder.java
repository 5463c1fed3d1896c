package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.harmattan.analytics.advisories.AdvisoryChange;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.analytics.advisories.ChangeKind;
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.analytics.indicators.DeadliestIncidents;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Judgement;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.narrative.Narrative;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Texts;

/**
 * Writes the crisis brief of a country and window from its computed figures and sections: the key
 * figures and security situation ({@link SecuritySection}), the sections added by the caller, the
 * capital ({@link CapitalSection}) and early warning ({@link WarningSection}), and the method and
 * sources ({@link MethodSection}); then every figure the sections refer to, in reading order.
 */
public final class BriefBuilder {
  private final SecurityIndicators security;
  private final String countryName;
  private final boolean synthetic;
  private final Instant generatedAt;
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final Set<String> referenced = new LinkedHashSet<>();
  private Function<String, Optional<String>> canonicalActor = name -> Optional.empty();
  private UnaryOperator<String> regionName = UnaryOperator.identity();
  private final List<String> editionNotes = new ArrayList<>();
  private final List<Section> extraSections = new ArrayList<>();
  private final List<Section> leadSections = new ArrayList<>();
  private final List<Block.Annotation> timeline = new ArrayList<>();
  private final List<List<Inline>> headlines = new ArrayList<>();
  private String sourceNote = "";
  private DeadliestIncidents deadliest;
  private WarningIndicators warnings;
  private CapitalAdvance capital;
  private boolean roads;
  private AdvisoryPicture advisories;
  private Narrative narrative;

  /** A corridor's overall status figure, e.g. {@code corridor.dakar.status}. */
  private static final Pattern CORRIDOR_STATUS = Pattern.compile("corridor\\.[^.]+\\.status");

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

  /**
   * Spells each region the brief's one way ({@code PlaceNames}) in its tables and prose; the
   * figures' notes keep each source's own spelling.
   */
  public BriefBuilder regionNames(UnaryOperator<String> spelling) {
    this.regionName = requireNonNull(spelling, "spelling");
    return this;
  }

  /**
   * Notes on the editions of the sources used (a newer one left out, an old one used), for the
   * sources' appendix.
   */
  public BriefBuilder editionNotes(List<String> notes) {
    editionNotes.addAll(notes);
    return this;
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
    this.capital = c;
    extraSections.add(CapitalSection.build(c, base));
    return this;
  }

  /** Adds the early-warning section from evaluated rules; those that fired join the summary. */
  public BriefBuilder warnings(WarningIndicators w) {
    this.warnings = w;
    return section(
        WarningSection.build(texts(), w, security.request().period().to()), w.listFigures());
  }

  /** Names the window's deadliest incidents in the summary, each death toll a figure. */
  public BriefBuilder deadliest(DeadliestIncidents d) {
    register(d.listFigures());
    this.deadliest = d;
    return this;
  }

  /**
   * Says that a road graph was given, so that the corridors are judged (from their status figures,
   * registered by their section) rather than "not assessed".
   */
  public BriefBuilder roadsGiven() {
    this.roads = true;
    return this;
  }

  /** The travel advisories read for the brief, whose changes in the window are judged. */
  public BriefBuilder advisoryPicture(AdvisoryPicture picture) {
    this.advisories = requireNonNull(picture, "picture");
    return this;
  }

  /**
   * The analyst's own words, placed after the summary in marked sections; every number tied to a
   * figure is checked against the brief's figures, and a summary line warns of those the data
   * contradict or cannot compute.
   */
  public BriefBuilder narrative(Narrative n) {
    this.narrative = requireNonNull(n, "narrative");
    return this;
  }

  /** A sentence on where the data came from, e.g. the synthetic scenario's seed. */
  public BriefBuilder sourceNote(String note) {
    this.sourceNote = requireNonNull(note, "note");
    return this;
  }

  public Brief build() {
    Period p = security.request().period();
    Period c = security.request().comparison();
    SecuritySection securitySections =
        new SecuritySection(security, this::figure, canonicalActor, regionName);
    List<Section> sections = new ArrayList<>();
    NarrativeSections.Checked analyst =
        narrative == null
            ? new NarrativeSections.Checked(List.of(), List.of())
            : NarrativeSections.build(
                narrative,
                figures,
                security.request().countryIso3(),
                p,
                security.request().language());
    Section summary = summary(securitySections.keyFigureItems(c, headlines));
    if (!analyst.warning().isEmpty()) {
      List<Block> warned = new ArrayList<>(summary.blocks());
      warned.add(new Block.Paragraph(analyst.warning()));
      summary = new Section(summary.id(), summary.title(), warned);
    }
    sections.add(summary);
    sections.addAll(analyst.sections());
    sections.addAll(leadSections);
    sections.add(securitySections.situation(p, c, timeline));
    sections.addAll(extraSections);
    sections.add(
        MethodSection.build(texts(), countryName, p, c, sourceNote, synthetic, figures.values()));
    for (Section s : sections) {
      for (String id : s.citedFigureIds()) {
        figure(id);
        referenced.add(id);
      }
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
    Texts texts = texts();
    String scope = security.request().scope().describe(texts.language());
    String title =
        texts.t(
            "brief.title",
            countryName,
            Periods.span(texts, p),
            scope.isEmpty() ? "" : texts.t("brief.title.scope", scope),
            synthetic ? texts.t("brief.title.synthetic") : "");
    return new Brief(
        title,
        security.request().countryIso3(),
        countryName,
        p,
        c,
        synthetic,
        sections,
        ordered,
        MethodSection.attribution(texts, security, countryName, p, synthetic),
        generatedAt,
        editionNotes,
        security.request().language());
  }

  /**
   * The summary: the headline trend, a judgement per area, the deadliest incidents, the other key
   * figures and the early-warning rules that fired.
   */
  private Section summary(List<List<Inline>> keyFigures) {
    Texts texts = texts();
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(keyFigures.get(0)));
    blocks.add(new Block.Judgements(judgements()));
    if (deadliest != null) {
      blocks.add(deadliestTable());
    }
    blocks.add(new Block.Paragraph(List.of(Inline.text(texts.t("brief.key_figures")))));
    blocks.add(new Block.Bullets(keyFigures.subList(1, keyFigures.size())));
    if (warnings != null) {
      blocks.add(new Block.Paragraph(firedSignals()));
    }
    return new Section("summary", texts.t("brief.summary"), blocks);
  }

  /** The judgement of each area, by the rules of {@link Judgements}. */
  private List<Judgement> judgements() {
    Texts texts = texts();
    List<Judgement> out = new ArrayList<>();
    out.add(
        Judgements.security(
            texts,
            figures.get(FigureIds.FATALITIES_TOTAL),
            figures.get(FigureIds.compare(FigureIds.FATALITIES_TOTAL)),
            figures.get(FigureIds.change(FigureIds.FATALITIES_TOTAL))));
    List<Figure> incursions = new ArrayList<>();
    Figure within100 = null;
    if (capital != null) {
      int at100 = CapitalAdvance.RADII_KM.indexOf(100);
      List<String> armed = capital.within(CapitalAdvance.Group.ARMED_GROUPS);
      if (at100 >= 0 && at100 < armed.size()) {
        within100 = figures.get(armed.get(at100));
      }
      // Only non-state armed groups get their own figures (CapitalAdvance), so every incursion
      // counts.
      for (CapitalAdvance.ActorAdvance a : capital.actors()) {
        for (String id : a.incursions()) {
          // Ids name the ring: capital.first_incursion_km.<radius>.<actor>.
          if (id.contains("_km.50.") || id.contains("_km.100.")) {
            incursions.add(figure(id));
          }
        }
      }
    }
    out.add(Judgements.capital(texts, capital != null, incursions, within100));
    out.add(
        Judgements.corridors(
            texts,
            roads,
            figures.values().stream()
                .filter(f -> CORRIDOR_STATUS.matcher(f.id()).matches())
                .toList()));
    out.add(
        Judgements.humanitarian(
            texts,
            Optional.ofNullable(figures.get("humanitarian.idps")),
            Optional.ofNullable(figures.get("humanitarian.idps.change.percent"))));
    int raised = 0;
    int lowered = 0;
    if (advisories != null) {
      Period p = security.request().period();
      for (AdvisoryChange ch : advisories.changes()) {
        if (!p.contains(ch.date())) {
          continue;
        }
        if (ch.kind() == ChangeKind.LEVEL_RAISED || ch.kind() == ChangeKind.LEAVE_NOW_ADDED) {
          raised++;
        } else if (ch.kind() == ChangeKind.LEVEL_LOWERED) {
          lowered++;
        }
      }
    }
    out.add(
        Judgements.advisories(
            texts, advisories != null, figures.get(AdvisorySection.CHANGES), raised, lowered));
    return out;
  }

  private Block.Table deadliestTable() {
    Texts texts = texts();
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (DeadliestIncidents.Incident i : deadliest.incidents()) {
      rows.add(
          List.of(
              // A date is not cut across lines: "22 November 2018" on one.
              List.of(Inline.text(texts.day(i.event().date()).replace(' ', '\u00a0'))),
              List.of(Inline.text(i.place(regionName))),
              List.of(Inline.text(actorNames(texts, i.actors()))),
              List.of(Inline.number(i.figureId()))));
    }
    if (rows.isEmpty()) {
      rows.add(
          List.of(
              List.of(Inline.text(texts.t("brief.deadliest.none"))),
              List.of(Inline.text(texts.t("brief.deadliest.no_death"))),
              List.of(Inline.text("")),
              List.of(Inline.text(""))));
    }
    return new Block.Table(
        texts.t("brief.deadliest.caption"),
        List.of(
            texts.t("brief.deadliest.date"),
            texts.t("brief.deadliest.place"),
            texts.t("brief.deadliest.actors"),
            texts.t("brief.deadliest.deaths")),
        rows);
  }

  /** The actors of an incident, each by its registry name where one matches. */
  private String actorNames(Texts texts, List<String> raw) {
    List<String> names = new ArrayList<>();
    for (String r : raw) {
      String name = canonicalActor.apply(r).orElse(r);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names.isEmpty()
        ? texts.t("brief.deadliest.not_named")
        : String.join(texts.t("brief.deadliest.actor_separator"), names);
  }

  /** "Early-warning rules that fired: …", each with its observed figure, or that none did. */
  private List<Inline> firedSignals() {
    Texts texts = texts();
    List<WarningIndicators.Entry> fired = new ArrayList<>();
    for (WarningIndicators.Entry e : warnings.country()) {
      if (e.signal().triggered()) {
        fired.add(e);
      }
    }
    fired.addAll(warnings.triggeredRegions());
    String asOf = texts.day(security.request().period().to());
    if (fired.isEmpty()) {
      return Prose.of(texts, "brief.warning.none_fired", asOf);
    }
    List<Inline> signals = new ArrayList<>();
    for (int i = 0; i < fired.size(); i++) {
      WarningIndicators.Entry e = fired.get(i);
      signals.addAll(
          Prose.of(
              texts,
              i == 0 ? "brief.warning.signal" : "brief.warning.next_signal",
              e.signal().area(),
              e.signal().level(),
              Inline.figure(e.observedFigure()),
              Inline.figure(e.baselineFigure())));
    }
    return Prose.of(texts, "brief.warning.fired", asOf, signals);
  }

  /** The words of the brief's language. */
  private Texts texts() {
    return BriefTexts.of(security.request().language());
  }

  private Figure figure(String id) {
    Figure f = figures.get(id);
    if (f == null) {
      throw new IllegalStateException(
          "the brief refers to figure " + id + " that was not computed");
    }
    return f;
  }
}

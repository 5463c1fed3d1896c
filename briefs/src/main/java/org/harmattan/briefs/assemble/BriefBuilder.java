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
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;

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
    extraSections.add(CapitalSection.build(c, base));
    return this;
  }

  /** Adds the early-warning section from evaluated rules. */
  public BriefBuilder warnings(WarningIndicators w) {
    return section(WarningSection.build(w, security.request().period().to()), w.listFigures());
  }

  /** A sentence on where the data came from, e.g. the synthetic scenario's seed. */
  public BriefBuilder sourceNote(String note) {
    this.sourceNote = requireNonNull(note, "note");
    return this;
  }

  public Brief build() {
    Period p = security.request().period();
    Period c = security.request().comparison();
    SecuritySection securitySections = new SecuritySection(security, this::figure, canonicalActor);
    List<Section> sections = new ArrayList<>();
    sections.add(securitySections.keyFigures(c, headlines));
    sections.addAll(leadSections);
    sections.add(securitySections.situation(p, c, timeline));
    sections.addAll(extraSections);
    sections.add(MethodSection.build(countryName, p, c, sourceNote, synthetic, figures.values()));
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
            + Periods.span(p)
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
        MethodSection.attribution(security, countryName, p, synthetic),
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
}

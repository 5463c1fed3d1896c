package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;

/**
 * A crisis brief: sections whose numbers all refer to the figures listed here.
 *
 * @param title e.g. "Mali: crisis brief, January–December 2018"
 * @param countryIso3 the country
 * @param countryName its name
 * @param period the window
 * @param comparison the comparison window, or null
 * @param synthetic whether the data is synthetic (demo): every page says so
 * @param sections content
 * @param figures every figure the sections refer to, in citation order
 * @param attribution the source attribution text required by the data's terms
 * @param generatedAt when the brief was produced
 * @param editionNotes what the sources' appendix says of the editions used (a newer one left out,
 *     an old one used), one sentence each
 * @param language the language the brief is written in
 */
public record Brief(
    String title,
    String countryIso3,
    String countryName,
    Period period,
    Period comparison,
    boolean synthetic,
    List<Section> sections,
    List<Figure> figures,
    String attribution,
    Instant generatedAt,
    List<String> editionNotes,
    Language language) {

  public Brief {
    requireNonNull(language, "language");
    requireNonNull(title, "title");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(countryName, "countryName");
    requireNonNull(period, "period");
    requireNonNull(attribution, "attribution");
    requireNonNull(generatedAt, "generatedAt");
    sections = List.copyOf(sections);
    figures = List.copyOf(figures);
    editionNotes = List.copyOf(editionNotes);
    Map<String, Figure> byId = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (byId.put(f.id(), f) != null) {
        throw new IllegalArgumentException("figure id used twice: " + f.id());
      }
    }
  }

  /** A brief in English. */
  public Brief(
      String title,
      String countryIso3,
      String countryName,
      Period period,
      Period comparison,
      boolean synthetic,
      List<Section> sections,
      List<Figure> figures,
      String attribution,
      Instant generatedAt,
      List<String> editionNotes) {
    this(
        title,
        countryIso3,
        countryName,
        period,
        comparison,
        synthetic,
        sections,
        figures,
        attribution,
        generatedAt,
        editionNotes,
        Language.EN);
  }

  /** A brief without notes on editions. */
  public Brief(
      String title,
      String countryIso3,
      String countryName,
      Period period,
      Period comparison,
      boolean synthetic,
      List<Section> sections,
      List<Figure> figures,
      String attribution,
      Instant generatedAt) {
    this(
        title,
        countryIso3,
        countryName,
        period,
        comparison,
        synthetic,
        sections,
        figures,
        attribution,
        generatedAt,
        List.of());
  }

  /**
   * The figures the sections cite, in the brief's order: those the notes list. The others (a
   * comparison value no table prints, say) are in figures.json only.
   */
  public List<Figure> citedFigures() {
    java.util.Set<String> cited = new java.util.HashSet<>();
    sections.forEach(s -> cited.addAll(s.citedFigureIds()));
    return figures.stream().filter(f -> cited.contains(f.id())).toList();
  }

  /** The figure with {@code id}. */
  public Optional<Figure> findFigure(String id) {
    return figures.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** The 1-based note number of a figure: its position in {@link #figures()}. */
  public int noteNumber(String figureId) {
    for (int i = 0; i < figures.size(); i++) {
      if (figures.get(i).id().equals(figureId)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no figure " + figureId + " in the brief");
  }
}

package org.harmattan.briefs.assemble;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;

/** The brief's method and sources, and the attribution line its sources ask for. */
final class MethodSection {
  /** Credits asked for by sources other than the event datasets. */
  private static final Map<String, String> SOURCE_CREDITS =
      Map.of(
          "African Urban Network",
          " (cite Prieto-Curiel, Schumann, Heo and Heinrigs 2022, Computers, Environment and"
              + " Urban Systems; built from OpenStreetMap, ODbL, and Africapolis)");

  private MethodSection() {}

  /**
   * The method and sources: what is counted and how, the source note, and the sources other than
   * the event datasets behind the brief's figures.
   */
  static Section build(
      String countryName,
      Period p,
      Period c,
      String sourceNote,
      boolean synthetic,
      Collection<Figure> figures) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            Prose.start()
                .text(
                    "Figures count events in Harmattan's store for "
                        + countryName
                        + " dated "
                        + Periods.DAY.format(p.from())
                        + " to "
                        + Periods.DAY.format(p.to())
                        + (c == null
                            ? ""
                            : ", compared with "
                                + Periods.DAY.format(c.from())
                                + " to "
                                + Periods.DAY.format(c.to()))
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
    new TreeMap<>(otherSources(figures))
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

  /** Source systems other than the event datasets, with the files cited from each. */
  private static Map<String, Set<String>> otherSources(Collection<Figure> figures) {
    Set<String> events = Set.of("ACLED", "UCDP", "GDELT");
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Figure f : figures) {
      for (SourceRef r : f.citation().sources()) {
        if (!events.contains(r.system())) {
          out.computeIfAbsent(r.system(), k -> new TreeSet<>()).add(r.dataset());
        }
      }
    }
    return out;
  }

  /** The source statement ACLED asks for, or the synthetic data's warning. */
  static String attribution(
      SecurityIndicators security, String countryName, Period p, boolean synthetic) {
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
        + Periods.DAY.format(accessed)
        + ". Filters: country "
        + countryName
        + ", events dated "
        + Periods.DAY.format(p.from())
        + " to "
        + Periods.DAY.format(p.to())
        + ". Transformations by Harmattan: newest version of each event kept; pre-2019 event"
        + " types mapped to ACLED's current taxonomy; events counted and best fatality estimates"
        + " summed per group. No ACLED rows are reproduced in this brief.";
  }
}

package org.harmattan.briefs.render;

import static org.harmattan.briefs.render.HtmlRenderer.PLACE;
import static org.harmattan.briefs.render.HtmlRenderer.QUERY_LANGUAGE;
import static org.harmattan.briefs.render.HtmlRenderer.esc;
import static org.harmattan.briefs.render.HtmlRenderer.filterName;
import static org.harmattan.briefs.render.HtmlRenderer.filterValue;
import static org.harmattan.briefs.render.HtmlRenderer.shortPeriod;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.briefs.model.Brief;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;

/**
 * The brief's source appendix in HTML ({@link HtmlRenderer}): the table of source files, one note
 * per cited figure (period, filters in words, source keys, record count, on screen its query and
 * records), and on screen every query, event id and list of records once.
 */
final class HtmlNotes {
  private final Brief brief;
  private final Texts texts;
  private final FigureFormat format;
  private final String syntheticMark;
  private final Map<String, String> anchors;
  private final StringBuilder out;

  /**
   * @param anchors each figure's anchor ({@link HtmlRenderer#anchors})
   * @param out where the HTML goes
   */
  HtmlNotes(
      Brief brief,
      Texts texts,
      FigureFormat format,
      String syntheticMark,
      Map<String, String> anchors,
      StringBuilder out) {
    this.brief = brief;
    this.texts = texts;
    this.format = format;
    this.syntheticMark = syntheticMark;
    this.anchors = anchors;
    this.out = out;
  }

  /**
   * The source appendix: one table of the source files, then one line per figure (period, filters
   * in words, source keys, record count) with, on screen, its query; then every distinct list of
   * records once, which the notes point at.
   */
  void write() {
    List<Figure> cited = brief.citedFigures();
    CitationTable table = CitationTable.of(cited);
    out.append("<section class=\"references\" id=\"references\">\n<h2>")
        .append(esc(texts.t("render.sources_notes")))
        .append("</h2>\n");
    out.append("<p class=\"attribution\">").append(esc(brief.attribution())).append("</p>\n");
    if (brief.synthetic()) {
      out.append("<p class=\"synthetic-note\">")
          .append(esc(texts.t("render.synthetic_note", syntheticMark)))
          .append("</p>\n");
    }
    out.append("<table class=\"data sources\">\n<caption><span class=\"label\">")
        .append(esc(texts.t("render.sources.label")))
        .append("</span> ")
        .append(esc(texts.t("render.sources.caption")))
        .append("</caption>\n<thead><tr><th>")
        .append(esc(texts.t("render.sources.key")))
        .append("</th><th>")
        .append(esc(texts.t("render.sources.system")))
        .append("</th><th>")
        .append(esc(texts.t("render.sources.file")))
        .append("</th><th>SHA-256</th><th>")
        .append(esc(texts.t("render.sources.licence")))
        .append("</th><th>")
        .append(esc(texts.t("render.sources.accessed")))
        .append("</th></tr></thead>\n<tbody>\n");
    for (CitationTable.Source s : table.sources()) {
      String sha = s.ref().sha256();
      out.append("<tr id=\"src-")
          .append(s.key())
          .append("\"><td>")
          .append(s.key())
          .append("</td><td>")
          .append(esc(SourceLicences.system(s.ref(), texts)))
          .append("</td><td class=\"file\">")
          .append(esc(s.ref().dataset()))
          .append("</td><td class=\"nowrap\"><code class=\"print-only\">")
          .append(esc(sha.substring(0, Math.min(SHA_SHOWN, sha.length()))))
          .append(sha.length() > SHA_SHOWN ? "\u2026" : "")
          .append("</code><code class=\"screen-only sha\">")
          .append(esc(sha))
          .append("</code></td><td>")
          .append(esc(SourceLicences.licence(s.ref(), brief.synthetic(), texts)))
          .append("</td><td class=\"nowrap\">")
          .append(s.accessed())
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (!brief.editionNotes().isEmpty()) {
      out.append("<p class=\"notes-key\">")
          .append(esc(texts.t("render.editions")))
          .append("</p>\n")
          .append("<ul class=\"edition-notes\">\n");
      for (String n : brief.editionNotes()) {
        out.append("<li>").append(esc(n)).append("</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("<p class=\"notes-key\">").append(esc(texts.t("render.notes_key"))).append("</p>\n");
    Map<String, String> queries = new LinkedHashMap<>();
    for (Figure f : cited) {
      queries.computeIfAbsent(queryBase(f), k -> "q" + (queries.size() + 1));
    }
    Map<String, String> filtersById = new LinkedHashMap<>();
    cited.forEach(f -> filtersById.put(f.id(), filterWords(f)));
    Map<String, String> shared = sharedFilters(filtersById.values());
    if (!shared.isEmpty()) {
      out.append("<p class=\"notes-key shared-filters\">")
          .append(esc(texts.t("render.shared_filters")));
      shared.forEach(
          (words, key) ->
              out.append(" <b>").append(key).append("</b> ").append(esc(words)).append('.'));
      out.append("</p>\n");
    }
    out.append("<ol class=\"notes\">\n");
    for (Figure f : cited) {
      String filters = filtersById.get(f.id());
      reference(
          f,
          table.entry(f),
          queries.get(queryBase(f)),
          shared.containsKey(filters)
              ? texts.t("render.filters_key", shared.get(filters))
              : filters);
    }
    out.append("</ol>\n");
    records(table, queries);
    out.append("</section>\n");
  }

  /**
   * On screen only: every query once, every cited event id once (numbered from 0), and every
   * distinct list of records once as runs of those numbers, as in figures.json.
   */
  private void records(CitationTable table, Map<String, String> queries) {
    out.append(
        "<div class=\"screen-only records\" id=\"records\">\n<h3>"
            + esc(texts.t("render.records.title"))
            + "</h3>\n");
    out.append("<details class=\"queries\"><summary>")
        .append(esc(texts.t("render.records.queries", Integer.toString(queries.size()))))
        .append("</summary>\n<dl>\n");
    boolean queryLanguage = brief.language() == QUERY_LANGUAGE;
    queries.forEach(
        (query, key) ->
            out.append("<dt id=\"q-")
                .append(key)
                .append("\">")
                .append(key)
                .append(queryLanguage ? "</dt><dd><code>" : "</dt><dd><code lang=\"en\">")
                .append(esc(query))
                .append("</code></dd>\n"));
    out.append("</dl></details>\n");
    List<String> events = table.events();
    out.append("<details class=\"all-ids\" id=\"events\"><summary>")
        .append(esc(texts.t("render.records.events", format.count(events.size()))))
        .append("</summary><code>");
    for (int i = 0; i < events.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(i).append(' ').append(esc(events.get(i)));
    }
    out.append("</code></details>\n");
    out.append("<details class=\"citations\"><summary>")
        .append(esc(texts.t("render.records.citations", Integer.toString(table.entries().size()))))
        .append("</summary>\n");
    for (CitationTable.Entry e : table.entries()) {
      long count = e.citation().recordCount();
      String records = texts.plural("render.records.count", (double) count, format.count(count));
      if (!e.sourceKeys().isEmpty()) {
        records = texts.t("render.records.from", records, String.join(", ", e.sourceKeys()));
      }
      records = texts.t("render.records.accessed", records, format.stamp(e.citation().accessed()));
      StringBuilder numbers = new StringBuilder();
      List<int[]> runs = CitationTable.runs(e.eventIndexes());
      for (int i = 0; i < runs.size(); i++) {
        int[] run = runs.get(i);
        numbers
            .append(i == 0 ? "" : ", ")
            .append(run[0])
            .append(run[1] == run[0] ? "" : "\u2013" + run[1]);
      }
      records =
          e.eventIndexes().isEmpty()
              ? texts.t("render.records.no_events", records)
              : texts.t("render.records.events_list", records, numbers.toString());
      out.append("<p id=\"cit-")
          .append(e.key())
          .append("\">")
          .append(esc(texts.t("render.colon", e.key(), records)))
          .append(".</p>\n");
    }
    out.append("</details>\n</div>\n");
  }

  /** A figure's query without the group of a grouped count ("; group month = 2018-07"). */
  private static String queryBase(Figure f) {
    int cut = f.query().indexOf(GROUP);
    return cut < 0 ? f.query() : f.query().substring(0, cut);
  }

  private static final String GROUP = "; group ";

  /**
   * Filters in words that several notes share and that would make a note wrap, each given a key
   * ("F1") in order of first use, so that each note stays on one line.
   */
  private static Map<String, String> sharedFilters(java.util.Collection<String> allWords) {
    Map<String, Integer> uses = new LinkedHashMap<>();
    for (String w : allWords) {
      uses.merge(w, 1, Integer::sum);
    }
    Map<String, String> keys = new LinkedHashMap<>();
    uses.forEach(
        (words, n) -> {
          if (n >= SHARED_FILTER_USES && words.length() > SHARED_FILTER_CHARS) {
            keys.put(words, "F" + (keys.size() + 1));
          }
        });
    return keys;
  }

  /** Filters in words are given a key when this many notes share them… */
  private static final int SHARED_FILTER_USES = 3;

  /** …and they are longer than this. */
  private static final int SHARED_FILTER_CHARS = 50;

  private void reference(Figure f, CitationTable.Entry entry, String queryKey, String filters) {
    out.append("<li id=\"").append(anchors.get(f.id())).append("\">");
    out.append("<span class=\"ref-id\">")
        .append(esc(f.id()))
        .append("</span> ")
        .append(esc(format.format(f)))
        .append(" \u00b7 ");
    String period = shortPeriod(f.period(), texts.locale());
    if (f.comparison() != null) {
      period = texts.t("render.note.compared", period, shortPeriod(f.comparison(), texts.locale()));
    }
    out.append(esc(period));
    FigureContext.describe(f, format, texts).ifPresent(c -> out.append(" \u00b7 ").append(esc(c)));
    if (!filters.isEmpty()) {
      out.append(" \u00b7 ").append(esc(filters));
    }
    long count = f.citation().recordCount();
    out.append(" \u00b7 ")
        .append(
            entry.sourceKeys().isEmpty()
                ? esc(texts.t("render.note.no_source"))
                : String.join(", ", entry.sourceKeys()))
        .append(" \u00b7 ")
        .append(esc(texts.plural("render.records.count", (double) count, format.count(count))));
    if (f.note() != null) {
      out.append(". <span class=\"ref-note\">").append(esc(f.note())).append("</span>");
    }
    out.append("<details class=\"ref-more\"><summary>").append(esc(f.label())).append("</summary>");
    String query = "<a href=\"#q-" + queryKey + "\">" + queryKey + "</a>";
    int cut = f.query().indexOf(GROUP);
    if (cut >= 0) {
      // The group of a grouped count is part of its query, in the query's language.
      String group = esc(f.query().substring(cut + 2));
      query +=
          ", "
              + (brief.language() == QUERY_LANGUAGE
                  ? group
                  : "<span lang=\"en\">" + group + "</span>");
    }
    String records = "<a href=\"#cit-" + entry.key() + "\">" + entry.key() + "</a>";
    out.append(esc(texts.t("render.note.query", PLACE)).replace(PLACE, query))
        .append(esc(texts.t("render.separator")))
        .append(esc(texts.t("render.note.records", PLACE)).replace(PLACE, records))
        .append(".</details></li>\n");
  }

  /**
   * A figure's filters in words, leaving out what the note says elsewhere (the brief's country, the
   * period, a source system its source keys name) and naming ACLED's political-violence types as
   * such.
   */
  private String filterWords(Figure f) {
    List<String> words = new ArrayList<>();
    Set<String> systems = new HashSet<>();
    f.citation().sources().forEach(s -> systems.add(s.system()));
    for (Map.Entry<String, String> e : f.filters().entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if ((name.equals("country") && value.equals(brief.countryIso3()))
          || name.equals("period")
          || (name.equals("source") && !systems.isEmpty() && systems.equals(Set.of(value)))) {
        continue;
      }
      if (name.equals("event_type") && value.equals(POLITICAL_VIOLENCE_TYPES)) {
        words.add(texts.t("render.filter.political_violence"));
      } else if (name.equals("source")) {
        words.add(value);
      } else if (name.equals("event_type")) {
        words.add(texts.t("render.filter.type", filterValue(texts, name, value)));
      } else if (name.equals("sub_event_type")) {
        words.add(texts.t("render.filter.sub_type", filterValue(texts, name, value)));
      } else {
        words.add(filterName(texts, name).replace('_', ' ') + " " + value);
      }
    }
    return String.join(texts.t("render.separator"), words);
  }

  /** The event types the brief calls political violence, as the filters name them. */
  private static final String POLITICAL_VIOLENCE_TYPES =
      "Battles; Explosions/Remote violence; Violence against civilians";

  /** Hex digits of a SHA-256 the PDF prints; the HTML and figures.json give it whole. */
  static final int SHA_SHOWN = 12;
}

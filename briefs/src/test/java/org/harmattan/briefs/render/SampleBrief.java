package org.harmattan.briefs.render;

import static org.harmattan.briefs.model.Inline.figure;
import static org.harmattan.briefs.model.Inline.number;
import static org.harmattan.briefs.model.Inline.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;

/**
 * A small synthetic Mali brief holding each case the renderers must handle: thousands, a singular
 * unit, a signed change, a null-valued change with a note, more than 20 event ids, text with XML
 * and Markdown metacharacters, a table, a bar chart and a line chart.
 */
final class SampleBrief {

  static final Period YEAR_2018 = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
  static final Period YEAR_2017 = new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31));
  static final String ATTRIBUTION =
      "Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com. Data accessed"
          + " 2 May 2024.";

  private static final SourceRef ACLED =
      new SourceRef(
          "ACLED",
          "acled_sahel_synthetic_2017_2018.csv",
          "3f2a9c41d07be5e8a1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899");
  private static final LocalDate ACCESSED = LocalDate.of(2024, 5, 2);

  private SampleBrief() {}

  static Brief brief() {
    return brief(Language.EN);
  }

  /** The same brief written in {@code language}: the renderers' own words follow it. */
  static Brief brief(Language language) {
    List<Figure> figures =
        List.of(
            count("events.total", "Political violence and protest events", 757, "events", 757),
            count("deaths.total", "Reported fatalities", 1762, "deaths", 403),
            change("change.events", "Change in events against 2017", 61.2),
            new Figure(
                "change.deaths",
                "Change in fatalities against 2017",
                null,
                "percent",
                YEAR_2018,
                YEAR_2017,
                Map.of("country", "MLI"),
                "100 * (fatalities 2018 - fatalities 2017) / fatalities 2017",
                citation(0),
                "2017 fatalities are under review, so no change is computed"),
            actor("events.actor.jnim", "JNIM: Group for Support of Islam and Muslims", 212),
            actor("events.actor.fama", "Military Forces of Mali (2016-2021)", 1),
            month("events.month.2018-10", 10, 58),
            month("events.month.2018-11", 11, 62),
            month("events.month.2018-12", 12, 71));

    Section summary =
        new Section(
            "summary",
            "Summary",
            List.of(
                new Block.Paragraph(
                    List.of(
                        text("ACLED recorded "),
                        figure("events.total"),
                        text(" of political violence and protest in Mali in 2018, "),
                        figure("change.events"),
                        text(" on 2017. They left "),
                        figure("deaths.total"),
                        text(" reported dead. The change in fatalities is "),
                        figure("change.deaths"),
                        text("."))),
                new Block.Bullets(
                    List.of(
                        List.of(
                            text("Most active actor: JNIM, with "),
                            figure("events.actor.jnim"),
                            text(".")),
                        List.of(
                            text(
                                "Ménaka & Gao <north> saw \"most\" of the 'clashes' | *not* [all]."))))));
    Section security =
        new Section(
            "security",
            "Security",
            List.of(
                new Block.Table(
                    "Events and fatalities, 2018 against 2017",
                    List.of("Measure", "2018", "Change vs 2017"),
                    List.of(
                        List.of(
                            List.of(text("Events")),
                            List.of(number("events.total")),
                            List.of(number("change.events"))),
                        List.of(
                            List.of(text("Fatalities")),
                            List.of(number("deaths.total")),
                            List.of(number("change.deaths"))))),
                new Block.Chart(
                    "events-by-actor",
                    Block.Kind.BAR,
                    "Events by actor, 2018",
                    "events",
                    List.of(
                        new Block.Series(
                            "Events",
                            List.of(
                                new Block.Point("JNIM", "events.actor.jnim"),
                                new Block.Point(
                                    "Military Forces of Mali (2016-2021)", "events.actor.fama"))))),
                new Block.Chart(
                    "events-monthly",
                    Block.Kind.LINE,
                    "Events per month, October–December 2018",
                    "events per month",
                    List.of(
                        new Block.Series(
                            "Events",
                            List.of(
                                new Block.Point("2018-10-01", "events.month.2018-10"),
                                new Block.Point("2018-11-01", "events.month.2018-11"),
                                new Block.Point("2018-12-01", "events.month.2018-12")))))));
    return new Brief(
        "Mali: security brief, January–December 2018",
        "MLI",
        "Mali",
        YEAR_2018,
        YEAR_2017,
        true,
        List.of(summary, security),
        figures,
        ATTRIBUTION,
        Instant.parse("2024-05-03T09:30:00Z"),
        List.of(),
        language);
  }

  static List<String> ids(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> String.format(Locale.ROOT, "SYN-MLI-%05d", i))
        .toList();
  }

  private static Citation citation(int records) {
    return new Citation(List.of(ACLED), records, ids(records), ACCESSED);
  }

  private static Figure count(String id, String label, double value, String unit, int records) {
    return new Figure(
        id,
        label,
        value,
        unit,
        YEAR_2018,
        null,
        Map.of("country", "MLI"),
        "count(*) from events where country = 'MLI' and year = 2018",
        citation(records),
        null);
  }

  private static Figure change(String id, String label, double percent) {
    return new Figure(
        id,
        label,
        percent,
        "percent",
        YEAR_2018,
        YEAR_2017,
        Map.of("country", "MLI"),
        "100 * (events 2018 - events 2017) / events 2017",
        citation(757),
        null);
  }

  private static Figure actor(String id, String actor, double value) {
    return new Figure(
        id,
        "Events involving " + actor,
        value,
        "events",
        YEAR_2018,
        null,
        Map.of("country", "MLI", "actor", actor),
        "count(*) from events where country = 'MLI' and '" + actor + "' in (actor1, actor2)",
        citation((int) value),
        null);
  }

  private static Figure month(String id, int month, double value) {
    LocalDate from = LocalDate.of(2018, month, 1);
    return new Figure(
        id,
        "Events in "
            + FigureFormat.ENGLISH.formatPeriod(new Period(from, from.plusMonths(1).minusDays(1))),
        value,
        "events",
        new Period(from, from.plusMonths(1).minusDays(1)),
        null,
        Map.of("country", "MLI"),
        "count(*) from events where country = 'MLI' and month = '2018-" + month + "'",
        citation((int) value),
        null);
  }
}

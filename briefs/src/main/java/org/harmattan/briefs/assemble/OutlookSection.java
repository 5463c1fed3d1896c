package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.forecast.EventPanels;
import org.harmattan.forecast.Outlook;
import org.harmattan.forecast.RollingBackTest;
import org.harmattan.forecast.UnitForecast;

/**
 * The brief's outlook: the forecast of reported fatalities for the months after the data, for the
 * country and each admin-1 region, as fan charts and a table; the chance that the next month
 * exceeds the past year's worst; and the model's own back-test record against conflictology (each
 * unit's last 12 months as its forecast), the benchmark that is hard to beat. Every number is a
 * figure citing the events of the series it was forecast from.
 */
public final class OutlookSection {
  /** The section's id. */
  public static final String ID = "outlook";

  /** Months summed in the headline total. */
  static final int TOTAL_MONTHS = 3;

  /** Regions drawn as fan charts besides the country: the one with most deaths expected. */
  static final int REGION_CHARTS = 0;

  /** Months of reported values drawn before the forecast. */
  static final int HISTORY_MONTHS = 6;

  private static final double[] FAN = {0.05, 0.5, 0.95};
  private static final String[] FAN_NAMES = {"p05", "median", "p95"};

  private final Outlook.Result outlook;
  private final EventPanels.Built panel;
  private final String country;
  private final String countryName;
  private final UnaryOperator<String> regionName;
  private final Texts texts;
  private final FigureFormat format;
  private final List<Figure> figures = new ArrayList<>();

  /**
   * The section and its figures.
   *
   * @param section the section
   * @param figures its figures
   * @param headline a line for the summary
   */
  public record Built(Section section, List<Figure> figures, List<Inline> headline) {
    public Built {
      requireNonNull(section, "section");
      figures = List.copyOf(figures);
      headline = List.copyOf(headline);
    }
  }

  private OutlookSection(
      Outlook.Result outlook,
      EventPanels.Built panel,
      String country,
      String countryName,
      UnaryOperator<String> regionName,
      Language language) {
    this.outlook = outlook;
    this.panel = panel;
    this.country = country;
    this.countryName = countryName;
    this.regionName = regionName;
    this.texts = BriefTexts.of(language);
    this.format = FigureFormat.of(language);
  }

  /**
   * The outlook section of {@code outlook}, computed on {@code panel}, whose country unit has the
   * id {@code countryIso3}.
   */
  public static Built build(
      Outlook.Result outlook, EventPanels.Built panel, String countryIso3, String countryName) {
    return build(outlook, panel, countryIso3, countryName, UnaryOperator.identity());
  }

  /**
   * As {@link #build(Outlook.Result, EventPanels.Built, String, String)}, each region spelled by
   * {@code regionName} (the brief's spelling, {@code PlaceNames}).
   */
  public static Built build(
      Outlook.Result outlook,
      EventPanels.Built panel,
      String countryIso3,
      String countryName,
      UnaryOperator<String> regionName) {
    return build(outlook, panel, countryIso3, countryName, regionName, Language.EN);
  }

  /**
   * As {@link #build(Outlook.Result, EventPanels.Built, String, String, UnaryOperator)}, written in
   * {@code language}.
   */
  public static Built build(
      Outlook.Result outlook,
      EventPanels.Built panel,
      String countryIso3,
      String countryName,
      UnaryOperator<String> regionName,
      Language language) {
    return new OutlookSection(
            outlook,
            panel,
            countryIso3,
            countryName,
            requireNonNull(regionName, "regionName"),
            requireNonNull(language, "language"))
        .build();
  }

  /** A section saying why there is no outlook. */
  public static Built unavailable(String reason) {
    return unavailable(BriefTexts.of(Language.EN), reason);
  }

  /**
   * A section in {@code language} saying that the store holds fewer than {@code months} months of
   * events of {@code countryName} up to {@code upTo}, too few to forecast from.
   */
  public static Built tooShort(int months, String countryName, YearMonth upTo, Language language) {
    Texts texts = BriefTexts.of(language);
    return unavailable(
        texts,
        texts.t("outlook.too_short", Integer.toString(months), countryName, upTo.toString()));
  }

  private static Built unavailable(Texts texts, String reason) {
    return new Built(
        new Section(
            ID,
            texts.t("outlook.title"),
            List.of(
                new Block.Paragraph(List.of(Inline.text(texts.t("outlook.unavailable", reason)))))),
        List.of(),
        List.of());
  }

  private Built build() {
    List<Block> blocks = new ArrayList<>();
    Outlook.UnitOutlook whole =
        outlook.units().stream()
            .filter(u -> u.unit().id().equals(country))
            .findFirst()
            .orElse(null);
    List<Inline> headline = List.of();
    if (whole != null) {
      String total = totalFigures(whole, "forecast.fatalities", true);
      Prose intro =
          Prose.start()
              .t(
                  texts,
                  learned() ? "outlook.intro.model" : "outlook.intro.conflictology",
                  monthName(outlook.options().origin()),
                  Inline.figure(total),
                  countryName,
                  monthSpan(TOTAL_MONTHS),
                  Inline.number(total + ".low"),
                  Inline.number(total + ".high"));
      if (learned()) {
        String p = exceedFigures(whole, "forecast.fatalities", true);
        intro
            .text(" ")
            .t(
                texts,
                "outlook.chance",
                monthName(firstMonth()),
                Inline.figure(p.replace(".p_above_past_max", ".past_max")),
                Inline.figure(p));
      }
      blocks.add(new Block.Paragraph(intro.build()));
      blocks.add(fanChart(whole, "forecast-" + FigureIds.slug(country), countryName));
      headline =
          Prose.of(
              texts,
              "outlook.headline",
              Inline.figure(total),
              monthSpan(TOTAL_MONTHS),
              Inline.number(total + ".low"),
              Inline.number(total + ".high"));
    }
    blocks.addAll(record());
    List<Outlook.UnitOutlook> regions =
        outlook.units().stream()
            .filter(u -> !u.unit().id().equals(country))
            .sorted(
                Comparator.comparingDouble((Outlook.UnitOutlook u) -> -u.totalQuantile(3, 0.5))
                    .thenComparing(u -> u.unit().name()))
            .toList();
    if (!regions.isEmpty()) {
      blocks.add(regionTable(regions));
      for (Outlook.UnitOutlook r : regions.subList(0, Math.min(REGION_CHARTS, regions.size()))) {
        blocks.add(fanChart(r, "forecast-" + regionSlug(r), regionName.apply(r.unit().name())));
      }
    }
    blocks.add(new Block.Paragraph(List.of(Inline.text(method()))));
    return new Built(new Section(ID, texts.t("outlook.title"), blocks), figures, headline);
  }

  /** The model's record against conflictology, as a paragraph, or why there is none. */
  private List<Block> record() {
    Outlook.TrackRecord r = outlook.record();
    if (r == null) {
      return outlook.recordNote() == null
          ? List.of()
          : List.of(
              new Block.Paragraph(
                  List.of(Inline.text(texts.t("outlook.record_note", outlook.recordNote())))));
    }
    RollingBackTest.Pooled model = r.model().pooled();
    RollingBackTest.Pooled bench = r.conflictology().pooled();
    Period period =
        new Period(
            r.origins().get(0).plusMonths(1).atDay(1),
            r.origins().get(r.origins().size() - 1).plusMonths(r.horizons()).atEndOfMonth());
    String how =
        "mean CRPS over "
            + model.cells()
            + " unit-months (the country and its regions), forecast 1 to "
            + r.horizons()
            + " months ahead from each month "
            + r.origins().get(0)
            + " to "
            + r.origins().get(r.origins().size() - 1);
    Citation c = citation(country);
    Figure m =
        figure(
            "forecast.crps.model",
            texts.t("outlook.figure.crps_model", r.model().model()),
            model.crps(),
            "deaths",
            period,
            how + ", " + r.model().model(),
            c);
    Figure b =
        figure(
            "forecast.crps.conflictology",
            texts.t("outlook.figure.crps_conflictology"),
            bench.crps(),
            "deaths",
            period,
            how + ", conflictology (each unit's last 12 months)",
            c);
    figures.add(m);
    figures.add(b);
    figures.add(
        figure(
            "forecast.crps_vs_conflictology",
            texts.t("outlook.figure.crps_vs"),
            bench.crps() == 0 ? null : 100.0 * (model.crps() - bench.crps()) / bench.crps(),
            "percent",
            period,
            "100 × (forecast.crps.model − forecast.crps.conflictology) / "
                + "forecast.crps.conflictology",
            c));
    figures.add(
        figure(
            "forecast.coverage90",
            texts.t("outlook.figure.coverage90"),
            model.coverage90(),
            "share",
            period,
            how + ": outcomes between the 5th and 95th percentile of the draws",
            c));
    return List.of(
        new Block.Paragraph(
            Prose.of(
                texts,
                "outlook.record",
                format.count(r.horizons()),
                format.count(r.origins().size()),
                monthName(r.origins().get(r.origins().size() - 1)),
                Inline.figure(m.id()),
                Inline.figure(b.id()),
                Inline.figure("forecast.crps_vs_conflictology"),
                Inline.figure("forecast.coverage90"))));
  }

  private Block regionTable(List<Outlook.UnitOutlook> regions) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Outlook.UnitOutlook r : regions) {
      String prefix = "forecast.fatalities.admin1." + regionSlug(r);
      String total = totalFigures(r, prefix, false);
      List<List<Inline>> row = new ArrayList<>();
      row.add(List.of(Inline.text(regionName.apply(r.unit().name()))));
      row.add(List.of(Inline.number(total)));
      if (learned()) {
        row.add(List.of(Inline.number(exceedFigures(r, prefix, false))));
      }
      rows.add(row);
    }
    if (!learned()) {
      return new Block.Table(
          texts.t("outlook.table", monthSpan(TOTAL_MONTHS)),
          List.of(texts.t("outlook.table.region"), texts.t("outlook.table.deaths")),
          rows);
    }
    return new Block.Table(
        texts.t("outlook.table.chance", monthSpan(TOTAL_MONTHS), monthName(firstMonth())),
        List.of(
            texts.t("outlook.table.region"),
            texts.t("outlook.table.deaths"),
            texts.t("outlook.table.above")),
        rows);
  }

  /**
   * The total's median and, with {@code withInterval}, its 90 % interval; returns the median's id.
   */
  private String totalFigures(Outlook.UnitOutlook u, String prefix, boolean withInterval) {
    String id = prefix + ".next_" + TOTAL_MONTHS + "m";
    Period period =
        new Period(
            firstMonth().atDay(1), firstMonth().plusMonths(TOTAL_MONTHS - 1L).atEndOfMonth());
    Citation c = citation(u.unit().id());
    String months = Integer.toString(TOTAL_MONTHS);
    figures.add(
        figure(
            id,
            texts.t("outlook.figure.total", label(u), months),
            Math.rint(u.totalQuantile(TOTAL_MONTHS, 0.5)),
            "deaths",
            period,
            query(u, "the sum over the months of each month's median, to the nearest whole death"),
            c));
    if (withInterval) {
      figures.add(
          figure(
              id + ".low",
              texts.t("outlook.figure.total_low", label(u), months),
              Math.rint(u.totalQuantile(TOTAL_MONTHS, 0.05)),
              "deaths",
              period,
              query(
                  u,
                  "the sum over the months of each month's 5th percentile, to the nearest whole death"),
              c));
      figures.add(
          figure(
              id + ".high",
              texts.t("outlook.figure.total_high", label(u), months),
              Math.rint(u.totalQuantile(TOTAL_MONTHS, 0.95)),
              "deaths",
              period,
              query(
                  u,
                  "the sum over the months of each month's 95th percentile, to the nearest whole"
                      + " death"),
              c));
    }
    return id;
  }

  /**
   * The chance of exceeding the past year's worst month and, with {@code withPastMax}, that month's
   * value; returns the chance's id.
   */
  private String exceedFigures(Outlook.UnitOutlook u, String prefix, boolean withPastMax) {
    YearMonth origin = outlook.options().origin();
    Citation c = citation(u.unit().id());
    if (withPastMax) {
      figures.add(
          figure(
              prefix + ".past_max",
              texts.t("outlook.figure.past_max", label(u)),
              u.pastMax(),
              "deaths",
              new Period(
                  origin.minusMonths(Outlook.PAST_MONTHS - 1L).atDay(1), origin.atEndOfMonth()),
              panel.query() + "; the highest monthly total of " + label(u),
              c));
    }
    String id = prefix + ".p_above_past_max";
    figures.add(
        figure(
            id,
            texts.t("outlook.figure.above", label(u), monthName(firstMonth())),
            u.nextAbovePastMax(),
            "share",
            new Period(firstMonth().atDay(1), firstMonth().atEndOfMonth()),
            query(
                u,
                "the share of draws above the highest monthly total of "
                    + label(u)
                    + " in the "
                    + Outlook.PAST_MONTHS
                    + " months up to "
                    + origin),
            c));
    return id;
  }

  /** A fan chart of the unit: the past year observed, then the forecast months. */
  private Block fanChart(Outlook.UnitOutlook u, String chartId, String name) {
    YearMonth origin = outlook.options().origin();
    String prefix = "forecast.monthly." + FigureIds.slug(u.unit().id());
    int row = panel.panel().find(u.unit().id()).orElseThrow();
    Citation c = citation(u.unit().id());
    List<Block.Point> observed = new ArrayList<>();
    String lastObserved = null;
    for (int i = HISTORY_MONTHS - 1; i >= 0; i--) {
      YearMonth m = origin.minusMonths(i);
      String id = prefix + ".observed." + m;
      double v = panel.panel().value(row, panel.panel().index(m));
      figures.add(
          figure(
              id,
              texts.t("outlook.figure.observed", name, monthName(m)),
              Double.isNaN(v) ? 0 : v,
              "deaths",
              new Period(m.atDay(1), m.atEndOfMonth()),
              panel.query() + "; the value of " + label(u) + " in " + m,
              c));
      observed.add(new Block.Point(m.atDay(1).toString(), id));
      lastObserved = id;
    }
    Map<String, List<Block.Point>> bySeries = new TreeMap<>();
    for (String n : FAN_NAMES) {
      List<Block.Point> start = new ArrayList<>();
      start.add(new Block.Point(origin.atDay(1).toString(), lastObserved));
      bySeries.put(n, start);
    }
    for (UnitForecast f : u.forecasts()) {
      for (int q = 0; q < FAN.length; q++) {
        String id = prefix + "." + f.month() + "." + FAN_NAMES[q];
        figures.add(
            figure(
                id,
                texts.t(
                    "outlook.figure.monthly",
                    name,
                    monthName(f.month()),
                    texts.t(percentileKey(FAN[q]))),
                Math.rint(f.quantile(FAN[q])),
                "deaths",
                new Period(f.month().atDay(1), f.month().atEndOfMonth()),
                query(
                    u,
                    "the "
                        + percentile(FAN[q])
                        + " of the draws for "
                        + f.month()
                        + ", to the nearest whole death"),
                c));
        bySeries.get(FAN_NAMES[q]).add(new Block.Point(f.month().atDay(1).toString(), id));
      }
    }
    List<Block.Series> series =
        List.of(
            new Block.Series(texts.t("outlook.series.reported"), observed),
            new Block.Series(texts.t("outlook.series.median"), bySeries.get("median")),
            new Block.Series(texts.t("outlook.series.low"), bySeries.get("p05")),
            new Block.Series(texts.t("outlook.series.high"), bySeries.get("p95")));
    return new Block.Chart(
        chartId,
        Block.Kind.FAN,
        texts.t("outlook.chart", name, Integer.toString(HISTORY_MONTHS)),
        texts.t("outlook.chart.axis"),
        series);
  }

  private String method() {
    Outlook.Options o = outlook.options();
    StringBuilder s =
        new StringBuilder(
            texts.t(
                    "outlook.method",
                    outlook.model(),
                    monthName(o.origin()),
                    format.count(o.draws()),
                    String.valueOf(o.seed()))
                + " ");
    if (outlook.modelNote() == null) {
      s.append(texts.t("outlook.method.learned")).append(' ');
    } else {
      s.append(texts.t("outlook.method.untrained", outlook.modelNote())).append(' ');
    }
    s.append(texts.t("outlook.method.total")).append(' ');
    for (var skipped : outlook.skipped()) {
      s.append(
              texts.t(
                  "outlook.skipped",
                  skipped.unit().id().equals(country) ? countryName : skipped.unit().name(),
                  skipped.reason()))
          .append(' ');
    }
    return s.toString().strip();
  }

  private String query(Outlook.UnitOutlook u, String what) {
    Outlook.Options o = outlook.options();
    return outlook.model()
        + " forecast of "
        + label(u)
        + " from "
        + panel.query()
        + ", data up to "
        + o.origin()
        + ", "
        + o.draws()
        + " draws, seed "
        + o.seed()
        + ": "
        + what;
  }

  private Citation citation(String unitId) {
    Citation c = panel.citations().get(unitId);
    if (c == null) {
      throw new IllegalStateException("no events cited for the forecast unit " + unitId);
    }
    return c;
  }

  private Figure figure(
      String id,
      String label,
      Double value,
      String unit,
      Period period,
      String query,
      Citation citation) {
    Map<String, String> filters = new TreeMap<>();
    filters.put("country", country);
    filters.put("model", outlook.model());
    filters.put("data until", outlook.options().origin().toString());
    return new Figure(
        id,
        label,
        value,
        unit,
        period,
        null,
        filters,
        query,
        citation,
        value == null ? texts.t("outlook.figure.not_computable") : null);
  }

  /** Whether the outlook is the learned model's (conflictology's draws never exceed the past). */
  private boolean learned() {
    return outlook.modelNote() == null;
  }

  private String label(Outlook.UnitOutlook u) {
    return u.unit().id().equals(country) ? countryName : u.unit().name();
  }

  private static String regionSlug(Outlook.UnitOutlook u) {
    return FigureIds.slug(u.unit().name());
  }

  private YearMonth firstMonth() {
    return outlook.options().origin().plusMonths(1);
  }

  private String monthSpan(int months) {
    YearMonth first = firstMonth();
    YearMonth last = first.plusMonths(months - 1L);
    return texts.t("outlook.month_span", monthName(first), monthName(last));
  }

  private String monthName(YearMonth m) {
    return texts.monthYear(m.atDay(1));
  }

  /** The percentile as the query strings of figures.json name it (they stay in English). */
  private static String percentile(double p) {
    return p == 0.5 ? "median" : Math.round(p * 100) + "th percentile";
  }

  private static String percentileKey(double p) {
    return "outlook.percentile." + Math.round(p * 100);
  }
}

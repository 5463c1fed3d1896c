package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
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
      UnaryOperator<String> regionName) {
    this.outlook = outlook;
    this.panel = panel;
    this.country = country;
    this.countryName = countryName;
    this.regionName = regionName;
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
    return new OutlookSection(
            outlook, panel, countryIso3, countryName, requireNonNull(regionName, "regionName"))
        .build();
  }

  /** A section saying why there is no outlook. */
  public static Built unavailable(String reason) {
    return new Built(
        new Section(
            ID,
            "Outlook",
            List.of(new Block.Paragraph(List.of(Inline.text("No outlook: " + reason + "."))))),
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
              .text(
                  "From the fatalities reported up to "
                      + monthName(outlook.options().origin())
                      + ", "
                      + (learned() ? "the model" : "conflictology")
                      + " expects ")
              .fig(total)
              .text(" in " + countryName + " over " + monthSpan(TOTAL_MONTHS) + " (90 % interval ")
              .num(total + ".low")
              .text(" to ")
              .num(total + ".high")
              .text(").");
      if (learned()) {
        String p = exceedFigures(whole, "forecast.fatalities", true);
        intro
            .text(" The chance that " + monthName(firstMonth()) + " exceeds the worst month of")
            .text(" the past year (")
            .fig(p.replace(".p_above_past_max", ".past_max"))
            .text(") is ")
            .fig(p)
            .text(".");
      }
      blocks.add(new Block.Paragraph(intro.build()));
      blocks.add(fanChart(whole, "forecast-" + FigureIds.slug(country), countryName));
      headline =
          Prose.start()
              .text("Outlook: ")
              .fig(total)
              .text(" expected over " + monthSpan(TOTAL_MONTHS) + " (90 % interval ")
              .num(total + ".low")
              .text(" to ")
              .num(total + ".high")
              .text(").")
              .build();
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
    return new Built(new Section(ID, "Outlook", blocks), figures, headline);
  }

  /** The model's record against conflictology, as a paragraph, or why there is none. */
  private List<Block> record() {
    Outlook.TrackRecord r = outlook.record();
    if (r == null) {
      return outlook.recordNote() == null
          ? List.of()
          : List.of(new Block.Paragraph(List.of(Inline.text(outlook.recordNote() + "."))));
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
            "Mean CRPS of the model's back-test (" + r.model().model() + ")",
            model.crps(),
            "deaths",
            period,
            how + ", " + r.model().model(),
            c);
    Figure b =
        figure(
            "forecast.crps.conflictology",
            "Mean CRPS of conflictology in the same back-test",
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
            "The model's mean CRPS against conflictology's (negative: better)",
            bench.crps() == 0 ? null : 100.0 * (model.crps() - bench.crps()) / bench.crps(),
            "percent",
            period,
            "100 × (forecast.crps.model − forecast.crps.conflictology) / "
                + "forecast.crps.conflictology",
            c));
    figures.add(
        figure(
            "forecast.coverage90",
            "Share of back-test outcomes inside the model's 90 % interval",
            model.coverage90(),
            "share",
            period,
            how + ": outcomes between the 5th and 95th percentile of the draws",
            c));
    return List.of(
        new Block.Paragraph(
            Prose.start()
                .text(
                    "The model's record: forecasting 1 to "
                        + r.horizons()
                        + " months ahead from each of the "
                        + r.origins().size()
                        + " months up to "
                        + monthName(r.origins().get(r.origins().size() - 1))
                        + ", its mean CRPS (the error of a whole distribution, in deaths; lower is"
                        + " better) was ")
                .fig(m.id())
                .text(" against ")
                .fig(b.id())
                .text(" for conflictology, which forecasts each unit's last 12 months: ")
                .fig("forecast.crps_vs_conflictology")
                .text(". Its 90 % intervals held ")
                .fig("forecast.coverage90")
                .text(" of the outcomes.")
                .build()));
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
          "Deaths expected per admin-1 region over "
              + monthSpan(TOTAL_MONTHS)
              + " (the median), most first",
          List.of("Region", "Deaths expected"),
          rows);
    }
    return new Block.Table(
        "Deaths expected per admin-1 region over "
            + monthSpan(TOTAL_MONTHS)
            + " (the median), most first, and the chance that "
            + monthName(firstMonth())
            + " exceeds the region's worst month of the past year",
        List.of("Region", "Deaths expected", "Chance above worst month"),
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
    String what = "fatalities in " + label(u) + " over the next " + TOTAL_MONTHS + " months";
    figures.add(
        figure(
            id,
            "Forecast " + what + " (median)",
            Math.rint(u.totalQuantile(TOTAL_MONTHS, 0.5)),
            "deaths",
            period,
            query(u, "the sum over the months of each month's median, to the nearest whole death"),
            c));
    if (withInterval) {
      figures.add(
          figure(
              id + ".low",
              "Forecast " + what + ", 90 % interval, lower bound",
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
              "Forecast " + what + ", 90 % interval, upper bound",
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
              "Fatalities in the worst month of the past 12 in " + label(u),
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
            "Chance that fatalities in "
                + label(u)
                + " in "
                + monthName(firstMonth())
                + " exceed the past year's worst month",
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
              "Fatalities in " + name + ", " + monthName(m),
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
                "Forecast fatalities in "
                    + name
                    + ", "
                    + monthName(f.month())
                    + ", "
                    + percentile(FAN[q]),
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
            new Block.Series("Reported", observed),
            new Block.Series("Forecast (median)", bySeries.get("median")),
            new Block.Series("90 % interval, lower bound", bySeries.get("p05")),
            new Block.Series("90 % interval, upper bound", bySeries.get("p95")));
    return new Block.Chart(
        chartId,
        Block.Kind.FAN,
        "Reported fatalities in "
            + name
            + " over the last "
            + HISTORY_MONTHS
            + " months, and the outlook",
        "deaths per month",
        series);
  }

  private String method() {
    Outlook.Options o = outlook.options();
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "How the outlook is made: %s forecasts each region's and the country's monthly"
                    + " fatalities from the events up to %s (%,d draws per month, seed %d). ",
                outlook.model(),
                monthName(o.origin()),
                o.draws(),
                o.seed()));
    if (outlook.modelNote() == null) {
      s.append(
          "It is a gradient-boosted quantile regression (LightGBM) on their logarithm, learning"
              + " from every region's past, the whole panel and the season. ");
    } else {
      s.append(
          "The learned model could not be trained ("
              + outlook.modelNote()
              + "), so the outlook is conflictology's: each unit's last 12 months as the"
              + " distribution of each month ahead, which by construction never exceeds the past"
              + " year's worst month. ");
    }
    s.append(
        "A total over several months adds the months' percentiles, as if the months moved"
            + " together, as conflict months tend to: the wider, more cautious interval. ");
    for (var skipped : outlook.skipped()) {
      s.append("No outlook for ")
          .append(skipped.unit().id().equals(country) ? countryName : skipped.unit().name())
          .append(": ")
          .append(skipped.reason())
          .append(". ");
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
        value == null ? "not computable: conflictology's CRPS is zero" : null);
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
    return monthName(first) + " to " + monthName(last);
  }

  private static String monthName(YearMonth m) {
    return m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
        + " "
        + m.getYear();
  }

  private static String percentile(double p) {
    return p == 0.5 ? "median" : Math.round(p * 100) + "th percentile";
  }
}

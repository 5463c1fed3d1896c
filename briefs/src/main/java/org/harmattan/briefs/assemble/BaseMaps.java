package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.reference.geo.AdminArea;
import org.harmattan.reference.geo.GeoBounds;
import org.harmattan.reference.geo.ReferenceGeography;

/**
 * The base layers every map of a country's brief draws under its own: neighbouring countries, the
 * country, its first-level areas; and the country's box with a margin as the default bounds.
 * Outlines are cut to the area drawn and simplified to about a third of a drawing unit, so that the
 * SVG stays small without visible loss.
 */
public final class BaseMaps {
  /** Margin around the country's box, in degrees. */
  public static final double MARGIN_DEG = 0.6;

  /** Roughly how many drawing units span the map's width (see the SVG renderer). */
  private static final double MAP_UNITS = 535;

  private BaseMaps() {}

  /**
   * Base layers and bounds.
   *
   * @param layers neighbours, country, admin-1 areas, bottom first
   * @param bounds the country's box with {@link #MARGIN_DEG}
   * @param attribution where the outlines come from
   */
  public record Base(List<MapView.Layer> layers, MapView.Bounds bounds, String attribution) {
    public Base {
      layers = List.copyOf(layers);
      requireNonNull(bounds, "bounds");
      requireNonNull(attribution, "attribution");
    }

    /** These layers with {@code more} drawn on top. */
    public List<MapView.Layer> with(List<MapView.Layer> more) {
      List<MapView.Layer> all = new ArrayList<>(layers);
      all.addAll(more);
      return List.copyOf(all);
    }
  }

  /**
   * The base of a country's maps, its areas labelled as the boundary source names them, its layers
   * named in {@code language}.
   */
  public static Base of(ReferenceGeography geography, Language language) {
    return of(geography, UnaryOperator.identity(), language);
  }

  /**
   * The base of a country's maps.
   *
   * @param admin1Label the label of a first-level area, by the name its boundary source gives it
   *     (the brief's spelling: {@code PlaceNames#outlineLabel})
   * @param language the language of the layers' names
   */
  public static Base of(
      ReferenceGeography geography, UnaryOperator<String> admin1Label, Language language) {
    requireNonNull(geography, "geography");
    requireNonNull(admin1Label, "admin1Label");
    Texts texts = BriefTexts.of(language);
    GeoBounds box = geography.bounds().grow(MARGIN_DEG);
    MapView.Bounds bounds = bounds(box);
    // Cut a little outside the drawn area so that no outline ends inside it.
    GeoBounds clip = box.grow(0.5);
    double tolerance = (box.east() - box.west()) / MAP_UNITS / 3;
    List<MapView.Layer> layers = new ArrayList<>();
    if (!geography.neighbours().isEmpty()) {
      layers.add(
          new MapView.Outlines(
              texts.t("capital.base.neighbours"),
              MapView.OutlineKind.NEIGHBOUR,
              shapes(geography.neighbours(), clip, tolerance, UnaryOperator.identity()),
              geography.attribution()));
    }
    layers.add(
        new MapView.Outlines(
            geography.country().name(),
            MapView.OutlineKind.COUNTRY,
            shapes(List.of(geography.country()), clip, tolerance, UnaryOperator.identity()),
            geography.attribution()));
    if (!geography.admin1().isEmpty()) {
      layers.add(
          new MapView.Outlines(
              texts.t("capital.base.admin1"),
              MapView.OutlineKind.ADMIN1,
              shapes(geography.admin1(), clip, tolerance, admin1Label),
              geography.attribution()));
    }
    return new Base(layers, bounds, geography.attribution());
  }

  /** A box as map bounds, within the valid WGS84 range. */
  public static MapView.Bounds bounds(GeoBounds b) {
    return new MapView.Bounds(
        Math.max(-180, b.west()),
        Math.max(-90, b.south()),
        Math.min(180, b.east()),
        Math.min(90, b.north()));
  }

  /**
   * Bounds centred on a point, reaching {@code radiusKm} in every direction (longitudes widened by
   * the cosine of the latitude).
   */
  public static MapView.Bounds around(double lat, double lon, double radiusKm) {
    double dLat = radiusKm / 111.195;
    double dLon = dLat / Math.max(0.05, Math.cos(Math.toRadians(lat)));
    return bounds(new GeoBounds(lon - dLon, lat - dLat, lon + dLon, lat + dLat));
  }

  /** A WGS84 position, clamped into range (quantized outlines may overshoot ±180 by a hair). */
  public static MapView.LonLat lonLat(double lon, double lat) {
    return new MapView.LonLat(Math.max(-180, Math.min(180, lon)), Math.max(-90, Math.min(90, lat)));
  }

  private static List<MapView.Shape> shapes(
      List<AdminArea> areas, GeoBounds clip, double tolerance, UnaryOperator<String> label) {
    List<MapView.Shape> shapes = new ArrayList<>();
    for (AdminArea a : areas) {
      List<List<MapView.LonLat>> rings = new ArrayList<>();
      for (List<double[]> ring : a.rings(clip, tolerance)) {
        List<MapView.LonLat> r = new ArrayList<>(ring.size());
        for (double[] p : ring) {
          r.add(lonLat(p[0], p[1]));
        }
        rings.add(r);
      }
      if (!rings.isEmpty()) {
        shapes.add(new MapView.Shape(label.apply(a.name()), rings));
      }
    }
    return shapes;
  }
}

package org.harmattan.reference.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Which countries neighbour which, from the installed world-atlas outlines (Natural Earth 1:50m):
 * two countries are neighbours when their outlines come within {@link #GAP_DEG} degrees of each
 * other, so that a shared border and a narrow strait both count.
 */
public final class CountryAdjacency {
  /** The widest gap between two neighbours' outlines, in degrees (about 55 km). */
  public static final double GAP_DEG = 0.5;

  /** Simplification tolerance of the outlines before comparing them, in degrees. */
  private static final double SIMPLIFY_DEG = 0.05;

  private CountryAdjacency() {}

  /** Each country's neighbours, by ISO 3166 numeric code (as world-atlas writes it, e.g. "466"). */
  public static Map<String, List<String>> byNumericCode() {
    return Holder.NEIGHBOURS;
  }

  private static final class Holder {
    static final Map<String, List<String>> NEIGHBOURS = compute();

    private Holder() {}

    private static Map<String, List<String>> compute() {
      List<AdminArea> countries = ReferenceGeography.WorldAtlas.COUNTRIES;
      List<Geometry> outlines = new ArrayList<>();
      STRtree index = new STRtree();
      for (int i = 0; i < countries.size(); i++) {
        Geometry g =
            TopologyPreservingSimplifier.simplify(countries.get(i).geometry(), SIMPLIFY_DEG);
        outlines.add(g);
        Envelope e = new Envelope(g.getEnvelopeInternal());
        e.expandBy(GAP_DEG);
        index.insert(e, i);
      }
      Map<String, List<String>> out = new TreeMap<>();
      for (int i = 0; i < countries.size(); i++) {
        List<String> near = new ArrayList<>();
        for (Object o : index.query(outlines.get(i).getEnvelopeInternal())) {
          int j = (Integer) o;
          if (j != i
              && !countries.get(j).id().equals(countries.get(i).id())
              && outlines.get(i).isWithinDistance(outlines.get(j), GAP_DEG)) {
            near.add(countries.get(j).id());
          }
        }
        near.sort(null);
        out.merge(countries.get(i).id(), near, CountryAdjacency::union);
      }
      return Map.copyOf(out);
    }
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(x -> !all.contains(x)).forEach(all::add);
    all.sort(null);
    return List.copyOf(all);
  }
}

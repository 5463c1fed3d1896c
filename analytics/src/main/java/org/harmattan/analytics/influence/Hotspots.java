package org.harmattan.analytics.influence;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.analytics.influence.TerritorialInfluence.HotCell;
import org.locationtech.jts.geom.Geometry;

/**
 * Getis-Ord Gi* hot cells of political violence over a study area of H3 cells (the country's
 * outline when given, else the active cells and their neighbours), as figures.
 */
final class Hotspots extends InfluencePart {

  /** Gi* hot cells at 95 %, highest z first. */
  final List<HotCell> hotCells = new ArrayList<>();

  /** How many cells the study area holds. */
  int studyCells;

  Hotspots(InfluenceBook book) {
    super(book);
  }

  /** Computes the hot cells of {@code violence}. */
  void compute(H3Core h, List<Scored> violence) {
    Map<Long, Integer> counts = new TreeMap<>();
    Map<Long, List<Scored>> byCell = new HashMap<>();
    for (Scored s : violence) {
      counts.merge(s.cell(), s.count(), Integer::sum);
      byCell.computeIfAbsent(s.cell(), k -> new ArrayList<>()).add(s);
    }
    Set<Long> study = new TreeSet<>(counts.keySet());
    String area;
    Geometry outline = options.countryOutline();
    if (outline != null) {
      study.addAll(H3Cells.polygonCells(h, outline, options.h3Resolution()));
      area = "the cells whose centre lies in the country outline, plus any cell holding an event";
    } else {
      for (long c : counts.keySet()) {
        study.addAll(h.gridDisk(c, 2));
      }
      area = "the active cells and every cell within 2 rings of one (no country outline given)";
    }
    studyCells = study.size();
    Map<Long, Integer> values = new LinkedHashMap<>();
    for (long c : study) {
      values.put(c, counts.getOrDefault(c, 0));
    }
    Map<Long, Double> z = GetisOrd.zScores(values, c -> h.gridDisk(c, 1));
    List<Scored> hot95 = new ArrayList<>();
    List<Scored> hot99 = new ArrayList<>();
    int n99 = 0;
    for (Map.Entry<Long, Double> e : z.entrySet()) {
      if (e.getValue() >= GetisOrd.Z95) {
        long c = e.getKey();
        hotCells.add(
            new HotCell(
                c,
                h.h3ToString(c),
                H3Cells.boundary(h, c),
                counts.getOrDefault(c, 0),
                e.getValue()));
        hot95.addAll(byCell.getOrDefault(c, List.of()));
        if (e.getValue() >= GetisOrd.Z99) {
          n99++;
          hot99.addAll(byCell.getOrDefault(c, List.of()));
        }
      }
    }
    hotCells.sort(
        Comparator.comparingDouble(HotCell::z).reversed().thenComparing(HotCell::address));
    String res = "H3 resolution " + options.h3Resolution();
    String resLabel = texts.t("influence.resolution", String.valueOf(options.h3Resolution()));
    String how =
        "Getis-Ord Gi* z-score of the count of political-violence events "
            + filter.toCondition()
            + " per "
            + res
            + " cell, binary weights over each cell and its ring-1 neighbours, over "
            + area;
    String note = z.isEmpty() ? texts.t("influence.note.gi_undefined") : null;
    Map<String, String> extra = new TreeMap<>();
    extra.put("h3_resolution", String.valueOf(options.h3Resolution()));
    book.add(
        book.figure(
            "hotspots.study_cells",
            texts.t("influence.label.study_cells", resLabel),
            (double) studyCells,
            "cells",
            request.period(),
            violence,
            "count of " + area,
            extra,
            null));
    book.add(
        book.figure(
            "hotspots.hot_cells",
            texts.t("influence.label.hot_cells"),
            (double) hotCells.size(),
            "cells",
            request.period(),
            hot95,
            "count of cells with " + how + " at least 1.96",
            extra,
            note));
    book.add(
        book.figure(
            "hotspots.hot_cells_99",
            texts.t("influence.label.hot_cells_99"),
            (double) n99,
            "cells",
            request.period(),
            hot99,
            "count of cells with " + how + " at least 2.58",
            extra,
            note));
  }
}

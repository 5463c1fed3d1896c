package org.harmattan.analytics.influence;

import static org.harmattan.analytics.influence.Scored.events;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.domain.cache.LastUsed;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.locationtech.jts.geom.Geometry;

/**
 * ACLED's diffusion measure: the share of the equal-area grid's cells covering the country that
 * hold at least the minimum of political-violence events over the 12 months ending on the window's
 * last day (the whole window when shorter), as figures.
 */
final class Diffusion extends InfluencePart {

  /** The cells of the diffusion grid that an outline covers, the same for every brief too. */
  private record GridCover(Geometry outline, double standardParallel, double cellKm) {}

  /** The last outlines' grid cells (most recently used first out). */
  private static final LastUsed<GridCover, List<EqualAreaGrid.Key>> GRID_COVERS =
      new LastUsed<>(32);

  /** The 12 months (or the whole window when shorter) the measure covers. */
  Period diffusionPeriod;

  Diffusion(InfluenceBook book) {
    super(book);
  }

  /** Computes the measure over {@code violence}. */
  void compute(List<Scored> violence) {
    Period p = request.period();
    LocalDate yearBefore = p.to().minusYears(1).plusDays(1);
    diffusionPeriod = new Period(yearBefore.isAfter(p.from()) ? yearBefore : p.from(), p.to());
    boolean shortWindow =
        diffusionPeriod.lengthDays() < p.to().minusYears(1).until(p.to(), ChronoUnit.DAYS);
    List<Scored> year =
        violence.stream().filter(s -> diffusionPeriod.contains(s.group().date())).toList();
    Geometry outline = options.countryOutline();
    double lat0;
    if (outline != null) {
      lat0 = outline.getEnvelopeInternal().centre().y;
    } else if (!year.isEmpty()) {
      double min = year.stream().mapToDouble(s -> s.group().latitude()).min().orElseThrow();
      double max = year.stream().mapToDouble(s -> s.group().latitude()).max().orElseThrow();
      lat0 = (min + max) / 2;
    } else {
      lat0 = 0;
    }
    EqualAreaGrid grid = new EqualAreaGrid(lat0, options.diffusionCellKm());
    Map<EqualAreaGrid.Key, List<Scored>> byCell = new HashMap<>();
    for (Scored s : year) {
      byCell
          .computeIfAbsent(
              grid.cellOf(s.group().latitude(), s.group().longitude()), k -> new ArrayList<>())
          .add(s);
    }
    List<Scored> busyEvents = new ArrayList<>();
    Set<EqualAreaGrid.Key> busy = new LinkedHashSet<>();
    byCell.forEach(
        (k, list) -> {
          if (events(list) >= options.diffusionMinEvents()) {
            busy.add(k);
            busyEvents.addAll(list);
          }
        });
    String km = InfluenceBook.plain(options.diffusionCellKm());
    String gridWords = texts.t("influence.grid", km, texts.decimal(lat0, 2));
    Map<String, String> extra = new TreeMap<>();
    extra.put("grid", gridWords);
    extra.put("min_events", String.valueOf(options.diffusionMinEvents()));
    String window = shortWindow ? texts.t("influence.note.short_window") : null;
    String how =
        "count of "
            + gridWords
            + " holding at least "
            + options.diffusionMinEvents()
            + " political-violence events "
            + filter.withPeriod(diffusionPeriod).toCondition()
            + " (the 12 months ending on the window's last day)";
    Figure count =
        book.add(
            book.figure(
                "diffusion.cells_10plus",
                texts.t(
                    "influence.label.diffusion_cells",
                    km,
                    String.valueOf(options.diffusionMinEvents())),
                (double) busy.size(),
                "cells",
                diffusionPeriod,
                busyEvents,
                how,
                extra,
                window));
    String shareLabel =
        texts.t(
            "influence.label.diffusion_share", km, String.valueOf(options.diffusionMinEvents()));
    if (outline == null) {
      book.add(
          book.figure(
              "diffusion.share",
              shareLabel,
              null,
              "share",
              diffusionPeriod,
              busyEvents,
              count.id() + " / cells covering the country",
              extra,
              texts.t("influence.note.no_outline")));
      return;
    }
    Set<EqualAreaGrid.Key> cover =
        new LinkedHashSet<>(
            GRID_COVERS.computeIfAbsent(
                new GridCover(outline, lat0, options.diffusionCellKm()),
                k -> List.copyOf(grid.cover(outline))));
    int inside = cover.size();
    cover.addAll(busy);
    Figure cells =
        book.add(
            book.figure(
                "diffusion.country_cells",
                texts.t("influence.label.country_cells", km),
                (double) cover.size(),
                "cells",
                diffusionPeriod,
                List.of(),
                "count of "
                    + gridWords
                    + " that intersect the country outline ("
                    + inside
                    + "), plus cells holding events outside it ("
                    + (cover.size() - inside)
                    + ")",
                extra,
                null));
    book.add(
        book.figure(
                "diffusion.share",
                shareLabel,
                (double) busy.size() / cover.size(),
                "share",
                diffusionPeriod,
                busyEvents,
                count.id() + " / " + cells.id() + " (ACLED's diffusion measure)",
                extra,
                window)
            .withContext(
                null,
                new Denominator(
                    texts.t("influence.denominator.country_cells", km),
                    (double) cover.size(),
                    "cells",
                    null,
                    cells.id(),
                    true)));
  }
}

package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.CURRENT;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.PHASE3PLUS;
import static org.harmattan.analytics.humanitarian.HumanitarianIndicators.PROJECTED;

import java.util.List;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.humanitarian.Observation;

/** People in Cadre Harmonisé phase 3 (crisis) or worse: the current analysis and the projection. */
final class FoodInsecurityFigures {
  private final FigureBook book;
  private final EditionPicker picker;
  private Selection foodCurrent;
  private Selection foodProjected;

  FoodInsecurityFigures(FigureBook book, EditionPicker picker) {
    this.book = requireNonNull(book, "book");
    this.picker = requireNonNull(picker, "picker");
  }

  /**
   * The current analysis of the latest period that started by the window's end, and the projection
   * of the window's newest exercise (see {@link EditionPicker#pickProjection}).
   */
  void compute() {
    List<Observation> p3 = picker.rows(PHASE3PLUS, null, null);
    List<Observation> current =
        p3.stream().filter(o -> o.qualifier() == null || CURRENT.equals(o.qualifier())).toList();
    List<Observation> projected = p3.stream().filter(o -> PROJECTED.equals(o.qualifier())).toList();
    EditionPicker.Pick c =
        picker.pick(
            current,
            null,
            book.t("humanitarian.what.ch_current"),
            book.t("humanitarian.source.ch_current"));
    if (c.chosen() != null) {
      foodCurrent = picker.selection(PHASE3PLUS, c);
      book.put(
          food(HumanitarianIds.FOOD_PHASE3PLUS, "humanitarian.label.food_current", c.chosen()));
    }
    EditionPicker.Pick p =
        picker.pickProjection(
            projected,
            book.t("humanitarian.what.ch_projected"),
            book.t("humanitarian.source.ch_projected"));
    if (p.chosen() != null) {
      foodProjected = picker.selection(PHASE3PLUS, p);
      book.put(
          food(
              HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED,
              "humanitarian.label.food_projected",
              p.chosen()));
    }
  }

  private Figure food(String id, String labelKey, Edition e) {
    return book.total(id, book.t(labelKey, e.edition()), PHASE3PLUS, e);
  }

  /** The current analysis used, or null. */
  Selection current() {
    return foodCurrent;
  }

  /** The projection used, or null. */
  Selection projected() {
    return foodProjected;
  }
}

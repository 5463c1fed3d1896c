package org.harmattan.briefs.assemble;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.text.Texts;

/**
 * The brief's early-warning section: each country rule with its observed and baseline figures and
 * windows, and the regions (admin1) where ACLED's surge or threat rule fired.
 */
final class WarningSection {
  private WarningSection() {}

  /**
   * The early-warning section, in {@code texts}' language, of rules evaluated as of {@code asOf},
   * the window's last day.
   */
  static Section build(Texts texts, WarningIndicators w, LocalDate asOf) {
    List<List<Inline>> items = new ArrayList<>();
    for (WarningIndicators.Entry e : w.country()) {
      items.add(signalLine(texts, e, false));
    }
    if (w.triggeredRegions().isEmpty()) {
      items.add(Prose.of(texts, "brief.warning.no_region", texts.day(asOf)));
    } else {
      for (WarningIndicators.Entry e : w.triggeredRegions()) {
        items.add(signalLine(texts, e, true));
      }
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(Prose.of(texts, "brief.warning.intro", texts.day(asOf))));
    blocks.add(new Block.Bullets(items));
    return new Section("warning", texts.t("brief.warning.title"), blocks);
  }

  private static List<Inline> signalLine(Texts texts, WarningIndicators.Entry e, boolean region) {
    var s = e.signal();
    String level = texts.capitalise(s.level());
    Prose pr = Prose.start();
    pr.t(
        texts,
        "brief.warning.line",
        region ? texts.t("brief.warning.region_level", s.area(), level) : level,
        s.triggered() ? texts.t("brief.warning.fired_mark") : "",
        s.rule(),
        Inline.figure(e.observedFigure()),
        texts.day(s.observedWindow().from()),
        texts.day(s.observedWindow().to()),
        Inline.figure(e.baselineFigure()),
        texts.day(s.baselineWindow().from()),
        texts.day(s.baselineWindow().to()));
    if (e.pValueFigure() != null) {
      pr.t(texts, "brief.warning.detail", Inline.number(e.pValueFigure()));
    }
    for (String note : s.notes()) {
      pr.t(texts, "brief.warning.detail", note);
    }
    return pr.text(".").build();
  }
}

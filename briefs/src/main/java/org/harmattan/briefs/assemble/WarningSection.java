package org.harmattan.briefs.assemble;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;

/**
 * The brief's early-warning section: each country rule with its observed and baseline figures and
 * windows, and the regions (admin1) where ACLED's surge or threat rule fired.
 */
final class WarningSection {
  private WarningSection() {}

  /** The early-warning section of rules evaluated as of {@code asOf}, the window's last day. */
  static Section build(WarningIndicators w, LocalDate asOf) {
    List<List<Inline>> items = new ArrayList<>();
    for (WarningIndicators.Entry e : w.country()) {
      items.add(signalLine(e, false));
    }
    if (w.triggeredRegions().isEmpty()) {
      items.add(
          List.of(
              Inline.text(
                  "No region (admin1) met ACLED's surge rule (violent events in the last 7 days"
                      + " at least twice the weekly average of the 4 weeks before) or threat rule"
                      + " (last 30 days at least twice the 30-day average of the year before) as"
                      + " of "
                      + Periods.DAY.format(asOf)
                      + ".")));
    } else {
      for (WarningIndicators.Entry e : w.triggeredRegions()) {
        items.add(signalLine(e, true));
      }
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            List.of(
                Inline.text(
                    "Rules evaluated on political violence as of "
                        + Periods.DAY.format(asOf)
                        + ", the last day of the window. A rule that fires is a prompt to look"
                        + " closer, not a forecast."))));
    blocks.add(new Block.Bullets(items));
    return new Section("warning", "Early-warning signals", blocks);
  }

  private static List<Inline> signalLine(WarningIndicators.Entry e, boolean region) {
    var s = e.signal();
    Prose pr = Prose.start();
    pr.text(
            (region ? s.area() + ": " : "")
                + capitalise(s.level())
                + (s.triggered() ? " (rule fired)" : "")
                + " — ")
        .text(s.rule())
        .text(": ")
        .fig(e.observedFigure())
        .text(
            " from "
                + Periods.DAY.format(s.observedWindow().from())
                + " to "
                + Periods.DAY.format(s.observedWindow().to())
                + ", against ")
        .fig(e.baselineFigure())
        .text(
            " from "
                + Periods.DAY.format(s.baselineWindow().from())
                + " to "
                + Periods.DAY.format(s.baselineWindow().to()));
    if (e.pValueFigure() != null) {
      pr.text("; ").num(e.pValueFigure());
    }
    for (String note : s.notes()) {
      pr.text("; " + note);
    }
    return pr.text(".").build();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}

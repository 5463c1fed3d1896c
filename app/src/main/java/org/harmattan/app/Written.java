package org.harmattan.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.harmattan.briefs.render.BriefWriter;

/** Prints where a brief was written. */
final class Written {
  private Written() {}

  static void print(PrintWriter out, BriefWriter.Written w) {
    out.printf(Locale.ROOT, "Brief written to %s%n", w.html().getParent());
    out.printf(Locale.ROOT, "  %s%n", w.html());
    out.printf(Locale.ROOT, "  %s%n", w.pdf());
    out.printf(Locale.ROOT, "  %s%n", w.markdown());
    out.printf(Locale.ROOT, "  %s%n", w.figuresJson());
    out.flush();
  }
}

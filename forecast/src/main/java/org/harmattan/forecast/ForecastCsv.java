package org.harmattan.forecast;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.Locale;

/** Forecast draws as CSV: the VIEWS competition's layout, or Harmattan's own by unit name. */
public final class ForecastCsv {
  private ForecastCsv() {}

  /** {@code month_id,country_id,draw,outcome}: VIEWS month ids (1 = January 1980) and unit ids. */
  public static void writeViews(ForecastRun run, Writer out) throws IOException {
    out.write("month_id,country_id,draw,outcome\n");
    for (UnitForecast f : run.forecasts()) {
      int monthId = monthId(f.month());
      for (int d = 0; d < f.size(); d++) {
        out.write(
            String.format(
                Locale.ROOT, "%d,%s,%d,%d%n", monthId, f.unit().id(), d, (long) f.draw(d)));
      }
    }
  }

  /** {@code month,<level>,draw,<outcome>}, e.g. {@code 2020-01,Mopti,0,12}. */
  public static void writeUnits(ForecastRun run, String level, String outcome, Writer out)
      throws IOException {
    out.write("month," + level + ",draw," + outcome + "\n");
    for (UnitForecast f : run.forecasts()) {
      String name = quote(f.unit().name());
      for (int d = 0; d < f.size(); d++) {
        out.write(
            String.format(Locale.ROOT, "%s,%s,%d,%d%n", f.month(), name, d, (long) f.draw(d)));
      }
    }
  }

  /** The VIEWS month id of {@code month}. */
  public static int monthId(YearMonth month) {
    return (month.getYear() - 1980) * 12 + month.getMonthValue();
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}

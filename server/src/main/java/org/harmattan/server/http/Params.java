package org.harmattan.server.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.ingest.common.Countries;

/** Reads query parameters; anything missing or malformed is a 400 naming the parameter. */
public final class Params {
  private Params() {}

  /** The optional {@code lang}: the language of labels, notes and documents (default English). */
  public static Language language(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null || lang.isBlank()) {
      return Language.EN;
    }
    try {
      return Language.parse(lang);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter(
          "lang", "'" + lang.strip() + "' is not a language Harmattan writes", "en or fr");
    }
  }

  /** A required country: ISO 3166 alpha-3 (MLI) or an English name (Mali). */
  public static String country(Context ctx) {
    String c = required(ctx, "country", "an ISO 3166 alpha-3 code such as MLI, or a name");
    return Countries.get()
        .findIso3(c)
        .orElseThrow(
            () ->
                ApiProblem.badParameter(
                    "country",
                    "'" + c.strip() + "' is not a known country",
                    "an ISO 3166 alpha-3 code such as MLI, or a name such as Mali"));
  }

  /** The optional country, upper-cased and checked. */
  public static String optionalCountry(Context ctx) {
    return ctx.queryParam("country") == null ? null : country(ctx);
  }

  /** The window {@code from}..{@code to}, both required and in order. */
  public static Period period(Context ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (to.isBefore(from)) {
      throw ApiProblem.badParameter(
          "to", "to " + to + " is before from " + from, "a date on or after from");
    }
    return new Period(from, to);
  }

  public static LocalDate date(Context ctx, String name) {
    String v = required(ctx, name, "a date yyyy-MM-dd");
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badParameter(
          name, "'" + v + "' is not a date", "a date yyyy-MM-dd, e.g. 2018-01-01");
    }
  }

  /** The comparison window: the same months of {@code compare}, or null when absent. */
  public static Period comparison(Context ctx, Period p) {
    String v = ctx.queryParam("compare");
    if (v == null || v.isBlank()) {
      return null;
    }
    int year = integer(ctx, "compare", 1946, 2100);
    if (p.from().getYear() != p.to().getYear()) {
      throw ApiProblem.badParameter(
          "compare",
          "compare needs a window within one year, to match the same months",
          "a window from and to in the same year");
    }
    if (year == p.from().getYear()) {
      throw ApiProblem.badParameter(
          "compare", "compare " + year + " is the window's own year", "another year");
    }
    return p.inYear(year);
  }

  /** The source systems named by {@code source} (repeatable or comma-separated); default ACLED. */
  public static Set<SourceSystem> sources(Context ctx) {
    List<String> values = list(ctx, "source");
    if (values.isEmpty()) {
      return Set.of(SourceSystem.ACLED);
    }
    Set<SourceSystem> out = new LinkedHashSet<>();
    for (String v : values) {
      try {
        out.add(SourceSystem.valueOf(v.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badParameter(
            "source", "'" + v + "' is not a source system", "ACLED, UCDP or GDELT");
      }
    }
    return out;
  }

  /** An integer in [min, max]; the parameter must be present. */
  public static int integer(Context ctx, String name, int min, int max) {
    String v = required(ctx, name, "a whole number from " + min + " to " + max);
    try {
      int i = Integer.parseInt(v.strip());
      if (i < min || i > max) {
        throw ApiProblem.badParameter(
            name, name + " " + i + " is out of range", "a whole number from " + min + " to " + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiProblem.badParameter(
          name, "'" + v + "' is not a whole number", "a whole number from " + min + " to " + max);
    }
  }

  /** An optional integer in [min, max], else {@code fallback}. */
  public static int integer(Context ctx, String name, int min, int max, int fallback) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? fallback : integer(ctx, name, min, max);
  }

  /** An optional number, or null. */
  public static Double number(Context ctx, String name, double min, double max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (!(d >= min && d <= max)) {
        throw ApiProblem.badParameter(
            name, name + " " + v + " is out of range", "a number from " + min + " to " + max);
      }
      return d;
    } catch (NumberFormatException e) {
      throw ApiProblem.badParameter(
          name, "'" + v + "' is not a number", "a number from " + min + " to " + max);
    }
  }

  /** The values of a repeatable parameter, also split on commas; blanks dropped. */
  public static List<String> list(Context ctx, String name) {
    List<String> out = new ArrayList<>();
    for (String v : ctx.queryParams(name)) {
      for (String part : v.split(",", -1)) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  public static String required(Context ctx, String name, String expected) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw ApiProblem.badParameter(name, name + " is required", expected);
    }
    return v;
  }
}

package org.harmattan.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.ingest.common.Countries;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options naming a country, a window and a comparison year. */
final class BriefOptions {
  @Option(
      names = "--country",
      paramLabel = "ISO3",
      description = "Country as ISO 3166 alpha-3 code (MLI) or name (Mali).")
  String country;

  @Option(names = "--from", paramLabel = "DATE", description = "First day, yyyy-MM-dd.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, yyyy-MM-dd.")
  String to;

  @Option(
      names = "--compare",
      paramLabel = "YEAR",
      description =
          "Compare with the same months of this year, e.g. 2017, or 'none' (default: the year"
              + " before, when the window lies within one year and the store's events of the"
              + " country go back that far).")
  String compare;

  @Option(
      names = "--source",
      paramLabel = "SYSTEM",
      defaultValue = "ACLED",
      description = "Source system to count: ACLED, UCDP or GDELT (default: ${DEFAULT-VALUE}).")
  String source;

  static String iso3(CommandLine cli, String country) {
    if (country == null) {
      throw new CommandLine.ParameterException(cli, "--country is required, e.g. --country MLI");
    }
    return Countries.get()
        .findIso3(country)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    cli,
                    "--country '"
                        + country
                        + "' is not a known country (expected e.g. MLI or Mali)"));
  }

  static LocalDate date(CommandLine cli, String option, String value) {
    if (value == null) {
      throw new CommandLine.ParameterException(cli, option + " is required (yyyy-MM-dd)");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          cli, option + " '" + value + "' is not a date (expected yyyy-MM-dd, e.g. 2018-01-01)");
    }
  }

  Period period(CommandLine cli) {
    LocalDate f = date(cli, "--from", from);
    LocalDate t = date(cli, "--to", to);
    if (t.isBefore(f)) {
      throw new CommandLine.ParameterException(cli, "--to " + t + " is before --from " + f);
    }
    return new Period(f, t);
  }

  /**
   * The comparison window {@code --compare} asks for: empty for {@code none}, and for no {@code
   * --compare} at all, empty here too ({@link #comparesByDefault} says so) — the year before is
   * then taken once the store shows it covers it.
   */
  Optional<Period> comparison(CommandLine cli, Period p) {
    if (compare == null || compare.strip().equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    int year;
    try {
      year = Integer.parseInt(compare.strip());
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          cli, "--compare '" + compare + "' is not a year (expected e.g. 2017, or none)");
    }
    if (p.from().getYear() != p.to().getYear()) {
      throw new CommandLine.ParameterException(
          cli, "--compare needs a window within one year, to match the same months");
    }
    if (year == p.from().getYear()) {
      throw new CommandLine.ParameterException(
          cli, "--compare " + year + " is the window's own year");
    }
    if (year < 1900 || year > 2199) {
      throw new CommandLine.ParameterException(
          cli, "--compare " + year + " is not a year Harmattan holds events of (1900 to 2199)");
    }
    return Optional.of(p.inYear(year));
  }

  /** Whether no {@code --compare} was given, so that the year before is compared if it can be. */
  boolean comparesByDefault() {
    return compare == null;
  }

  Set<SourceSystem> sources(CommandLine cli) {
    try {
      return Set.of(SourceSystem.valueOf(source.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          cli, "--source '" + source + "' is not one of ACLED, UCDP, GDELT");
    }
  }
}

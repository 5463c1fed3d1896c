package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.common.Countries;

/**
 * What to read from ACLED's events endpoint: one country's events of a date range, optionally only
 * those ACLED changed after a time.
 *
 * <p>The country is sent as ACLED's {@code iso} filter, the ISO 3166 numeric code ({@code iso=466}
 * for Mali), not as its {@code country} name: ACLED spells several names its own way ("Democratic
 * Republic of Congo", "Ivory Coast", "eSwatini"), and a misspelt name returns no rows rather than
 * an error, which a watcher would take for "nothing changed". A country without a numeric code
 * (Kosovo) is sent by its name.
 *
 * @param iso3 the country, ISO 3166 alpha-3
 * @param from the first event date, inclusive
 * @param to the last event date, inclusive
 * @param changedAfter when present, only events whose ACLED {@code timestamp} (the Unix time of
 *     their last change) is after it, to the second
 * @param pageSize rows asked for a page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record AcledQuery(
    String iso3, LocalDate from, LocalDate to, Optional<Instant> changedAfter, int pageSize) {

  /** The rows of a page ACLED documents, and the most this client asks for. */
  public static final int MAX_PAGE_SIZE = 5000;

  public AcledQuery {
    requireNonNull(iso3, "iso3");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(changedAfter, "changedAfter");
    if (!Countries.get().isIso3(iso3)) {
      throw new IllegalArgumentException("not an ISO 3166 alpha-3 code Harmattan knows: " + iso3);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends " + to + " before it starts " + from);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
  }

  /**
   * The events of a country between two dates, every version, in pages of {@value #MAX_PAGE_SIZE}.
   *
   * @param countryOrIso3 a country name in a common spelling ({@code Mali}) or its ISO3 code
   * @throws HarmattanException when the country is unknown or the range is reversed
   */
  public static AcledQuery of(String countryOrIso3, LocalDate from, LocalDate to) {
    requireNonNull(countryOrIso3, "countryOrIso3");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    String iso3 =
        Countries.get()
            .findIso3(countryOrIso3)
            .orElseThrow(
                () ->
                    HarmattanException.userInput(
                        ProblemCode.UNKNOWN_COUNTRY,
                        "\""
                            + countryOrIso3
                            + "\" is not a country Harmattan knows; give its name (Mali) or its"
                            + " ISO 3166 alpha-3 code (MLI)"));
    if (to.isBefore(from)) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_DATE_RANGE,
          "the range ends " + to + " before it starts " + from + "; give the earlier date first");
    }
    return new AcledQuery(iso3, from, to, Optional.empty(), MAX_PAGE_SIZE);
  }

  /** This query, for events changed after {@code instant} only. */
  public AcledQuery withChangedAfter(Instant instant) {
    return new AcledQuery(iso3, from, to, Optional.of(instant), pageSize);
  }

  /** This query, in pages of {@code rows}. */
  public AcledQuery withPageSize(int rows) {
    return new AcledQuery(iso3, from, to, changedAfter, rows);
  }

  /** The country's English name, for messages: {@code Mali}. */
  public String countryName() {
    return Countries.get().findName(iso3).orElse(iso3);
  }

  /** The query's filters as ACLED's parameters, in the order sent; paging is added per page. */
  Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    Optional<Integer> numeric = Countries.get().findNumeric(iso3);
    if (numeric.isPresent()) {
      p.put("iso", numeric.get().toString());
    } else {
      p.put("country", countryName());
    }
    p.put("event_date", from + "|" + to);
    p.put("event_date_where", "BETWEEN");
    changedAfter.ifPresent(
        t -> {
          p.put("timestamp", Long.toString(t.getEpochSecond()));
          p.put("timestamp_where", ">");
        });
    return p;
  }
}

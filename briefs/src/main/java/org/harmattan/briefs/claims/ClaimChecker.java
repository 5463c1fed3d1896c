package org.harmattan.briefs.claims;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.harmattan.analytics.humanitarian.HumanitarianIndicators;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.ObservationSource;

/**
 * Re-computes each claim's figure with the same code that writes briefs, and compares.
 *
 * <p>A humanitarian claim is judged on the latest edition dated on or before the window's end; when
 * that edition is dated before the window starts, the verdict is {@link Verdict#STALE}, never
 * contradicted. A window the store does not cover (its data for the country starts after the window
 * starts or ends more than {@link #COVERAGE_SLACK_DAYS} days before the window ends) is not
 * computable: zero events there means "no data", not "no violence".
 */
public final class ClaimChecker {
  /** Data may end a little before a window's last day (quiet days at the end). */
  public static final int COVERAGE_SLACK_DAYS = 31;

  /** The figure ids a claim may name (change.X and compare.X of each too). */
  public static final List<String> VOCABULARY =
      List.of(
          FigureIds.EVENTS_TOTAL,
          FigureIds.FATALITIES_TOTAL,
          FigureIds.EVENTS_POLITICAL_VIOLENCE,
          FigureIds.FATALITIES_POLITICAL_VIOLENCE,
          FigureIds.EVENTS_VAC,
          FigureIds.FATALITIES_VAC,
          FigureIds.EVENTS_VAC_STATE,
          FigureIds.FATALITIES_VAC_STATE);

  private final AnalyticsEngine engine;
  private final ObservationSource observations;
  private final Set<SourceSystem> sources;
  private final LocalDate today;

  /** A checker of event figures only. */
  public ClaimChecker(AnalyticsEngine engine, Set<SourceSystem> sources, LocalDate today) {
    this(engine, null, sources, today);
  }

  /**
   * A checker of event figures and, from {@code observations}, of humanitarian figures ({@code
   * humanitarian.*}).
   */
  public ClaimChecker(
      AnalyticsEngine engine,
      ObservationSource observations,
      Set<SourceSystem> sources,
      LocalDate today) {
    this.engine = requireNonNull(engine, "engine");
    this.observations = observations;
    this.sources = Set.copyOf(sources);
    this.today = requireNonNull(today, "today");
  }

  public List<ClaimResult> check(List<Claim> claims) {
    List<ClaimResult> out = new ArrayList<>();
    for (Claim c : claims) {
      out.add(check(c));
    }
    return out;
  }

  public ClaimResult check(Claim c) {
    if (c.figure().startsWith(HUMANITARIAN)) {
      return checkHumanitarian(c);
    }
    String base =
        c.figure().startsWith(FigureIds.CHANGE)
            ? c.figure().substring(FigureIds.CHANGE.length())
            : c.figure();
    if (!VOCABULARY.contains(base)) {
      return new ClaimResult(
          c,
          Verdict.NOT_COMPUTABLE,
          null,
          "unknown figure id '"
              + c.figure()
              + "' (known: "
              + String.join(", ", VOCABULARY)
              + ", and change.<id> of each)");
    }
    if (c.to().isBefore(c.from())) {
      return new ClaimResult(c, Verdict.NOT_COMPUTABLE, null, "the window ends before it starts");
    }
    Period period = new Period(c.from(), c.to());
    boolean change = !base.equals(c.figure());
    Period comparison = null;
    if (change) {
      int year = c.compareYear() == null ? c.from().getYear() - 1 : c.compareYear();
      comparison = period.inYear(year);
    }
    Optional<String> gap = coverageGap(c.country(), period);
    if (gap.isEmpty() && comparison != null) {
      gap = coverageGap(c.country(), comparison);
    }
    if (gap.isPresent()) {
      return new ClaimResult(c, Verdict.NOT_COMPUTABLE, null, gap.get());
    }
    SecurityIndicators s =
        SecurityIndicators.compute(
            engine, new SecurityRequest(c.country(), period, comparison, sources, today));
    return judge(c, s.getFigure(c.figure()));
  }

  private static final String HUMANITARIAN = "humanitarian.";

  /**
   * A humanitarian figure: the latest edition whose vintage is not after the claim's window end, as
   * in the brief.
   */
  private ClaimResult checkHumanitarian(Claim c) {
    if (observations == null) {
      return new ClaimResult(
          c, Verdict.NOT_COMPUTABLE, null, "humanitarian figures need the store's observations");
    }
    if (c.to().isBefore(c.from())) {
      return new ClaimResult(c, Verdict.NOT_COMPUTABLE, null, "the window ends before it starts");
    }
    HumanitarianIndicators h =
        HumanitarianIndicators.compute(
            observations, c.country(), new Period(c.from(), c.to()), today);
    Optional<Figure> found = h.findFigure(c.figure());
    if (found.isEmpty()) {
      return new ClaimResult(
          c,
          Verdict.NOT_COMPUTABLE,
          null,
          "no figure '"
              + c.figure()
              + "' for "
              + c.country()
              + " up to "
              + c.to()
              + ": the store holds no humanitarian data of that kind dated on or before it"
              + " (ingest the HDX file with harmattan ingest)");
    }
    return judge(c, found.get());
  }

  /**
   * The verdict on a claim about a figure already computed for the claim's country and window (a
   * brief's): stale when the figure's edition is dated before the window, else supported or
   * contradicted by the tolerance, not computable when the figure has no value.
   */
  public static ClaimResult judge(Claim c, Figure f) {
    Optional<LocalDate> vintage = f.findVintage();
    if (vintage.isPresent() && vintage.get().isBefore(c.from()) && f.value() != null) {
      return new ClaimResult(
          c,
          Verdict.STALE,
          f,
          "the store's latest edition of "
              + c.figure()
              + " for "
              + c.country()
              + " is dated "
              + vintage.get()
              + ", before the claim's window "
              + c.from()
              + " to "
              + c.to()
              + "; that edition "
              + (within(c, f) ? "gives" : "does not give")
              + " the stated value, but only an edition of the window can judge the claim"
              + " (ingest it with harmattan ingest)");
    }
    return compare(c, f);
  }

  private static boolean within(Claim c, Figure f) {
    return Math.abs(f.getValue() - c.value()) <= c.tolerance().around(c.value()) + 1e-9;
  }

  private static ClaimResult compare(Claim c, Figure f) {
    if (f.value() == null) {
      return new ClaimResult(c, Verdict.NOT_COMPUTABLE, f, f.note());
    }
    boolean ok = within(c, f);
    return new ClaimResult(
        c,
        ok ? Verdict.SUPPORTED : Verdict.CONTRADICTED,
        f,
        ok ? "within the tolerance" : "differs from the stated value by more than the tolerance");
  }

  private Optional<String> coverageGap(String country, Period window) {
    Coverage cov = engine.coverage(EventFilter.of(country, window).withSources(sources));
    String what = sources.isEmpty() ? "events" : sources.iterator().next() + " events";
    if (cov.first() == null) {
      return Optional.of("the store holds no " + what + " for " + country);
    }
    if (cov.first().isAfter(window.from())
        || cov.last().isBefore(window.to().minusDays(COVERAGE_SLACK_DAYS))) {
      return Optional.of(
          "the store holds "
              + what
              + " for "
              + country
              + " from "
              + cov.first()
              + " to "
              + cov.last()
              + " only, which does not cover "
              + window.from()
              + " to "
              + window.to());
    }
    return Optional.empty();
  }
}

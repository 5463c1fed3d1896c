package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a forecaster gave: forecasts per unit and month, and the units it could not forecast with
 * the reason (no history), so that nothing is invented.
 *
 * @param model the forecaster's name
 * @param forecasts unit by unit, month by month
 * @param skipped units left out, each with why
 * @param timing where the time went
 */
public record ForecastRun(
    String model, List<UnitForecast> forecasts, List<Skipped> skipped, Timing timing) {
  public ForecastRun {
    requireNonNull(model, "model");
    forecasts = List.copyOf(forecasts);
    skipped = List.copyOf(skipped);
    requireNonNull(timing, "timing");
  }

  /** A run whose time was all spent drawing (a benchmark). */
  public ForecastRun(
      String model, List<UnitForecast> forecasts, List<Skipped> skipped, double seconds) {
    this(model, forecasts, skipped, new Timing(0, seconds));
  }

  /**
   * Seconds spent fitting a model (building its features included) and drawing from it.
   *
   * @param trainSeconds fitting
   * @param drawSeconds predicting and drawing
   */
  public record Timing(double trainSeconds, double drawSeconds) {}

  /**
   * A unit left out of a forecast.
   *
   * @param unit the unit
   * @param reason why, in a sentence
   */
  public record Skipped(Unit unit, String reason) {
    public Skipped {
      requireNonNull(unit, "unit");
      requireNonNull(reason, "reason");
    }
  }
}

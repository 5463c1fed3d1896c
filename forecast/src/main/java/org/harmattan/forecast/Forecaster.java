package org.harmattan.forecast;

/** A way of forecasting a panel: a benchmark or a learned model. */
public interface Forecaster {

  /** The name used on the command line and in reports, e.g. {@code conflictology}. */
  String label();

  /**
   * Forecasts every unit of the request's panel that has history, for each month of the request,
   * from the data up to and including {@code request.trainUntil()} only.
   */
  ForecastRun forecast(ForecastRequest request);
}

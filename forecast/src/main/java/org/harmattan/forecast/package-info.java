/**
 * Probabilistic forecasts of monthly series: a panel of units by month ({@link MonthlyPanel}),
 * forecasters that give draws per unit and month ({@link Forecaster}: the four benchmarks of the
 * VIEWS prediction competition and a learned model), the competition's scores ({@link Scores}) and
 * the rolling-origin back-test ({@link BackTest}).
 */
package org.harmattan.forecast;

/**
 * Humanitarian indicators of a country and window: people in need and their share of the
 * population, IDPs by region and their change between DTM rounds, IDMC's displacement stock, Cadre
 * Harmonisé phase 3+, each the latest edition whose vintage is not after the window's end. Entry
 * point: {@link org.harmattan.analytics.humanitarian.HumanitarianIndicators}. Reads observations
 * through the engine port {@link org.harmattan.engine.query.ObservationSource} only; no SQL.
 */
package org.harmattan.analytics.humanitarian;

package org.harmattan.engine.query;

import java.util.Map;

/**
 * What the store holds.
 *
 * @param events distinct events
 * @param bySource events per source system, e.g. {@code ACLED}
 * @param byCountry events per ISO3 country code
 * @param quarantined rows in quarantine
 * @param history superseded event versions kept
 * @param files files ingested (event, humanitarian and series)
 * @param observations humanitarian observations
 * @param adminUnits admin units of the reference
 * @param seriesPoints points of monthly series
 * @param withdrawn events out of the view because their source withdrew them and no later version
 *     reinstated them, events the store never held included (their withdrawal is recorded)
 */
public record StoreStatus(
    long events,
    Map<String, Long> bySource,
    Map<String, Long> byCountry,
    long quarantined,
    long history,
    long files,
    long observations,
    long adminUnits,
    long seriesPoints,
    long withdrawn) {
  public StoreStatus {
    bySource = Map.copyOf(bySource);
    byCountry = Map.copyOf(byCountry);
  }
}

/**
 * Humanitarian datasets read into {@link org.harmattan.domain.humanitarian.Observation}s: IOM DTM
 * baselines, Cadre Harmonisé, people in need per response plan, IDMC displacement, admin-1
 * population, and the HDX P-code table as the admin reference. Entry point: {@link
 * org.harmattan.ingest.humanitarian.HumanitarianFileReader}; P-code styles are normalised by {@link
 * org.harmattan.ingest.humanitarian.PCodes}. Must not depend on the engine.
 */
package org.harmattan.ingest.humanitarian;

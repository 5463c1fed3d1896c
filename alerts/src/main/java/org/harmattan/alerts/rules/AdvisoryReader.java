package org.harmattan.alerts.rules;

import java.nio.file.Path;
import org.harmattan.domain.context.AdvisoryReport;

/**
 * Reads a saved travel-advice snapshot, for {@code advisory-change} rules. The readers of the
 * governments' formats live in {@code ingest}, which the rules do not depend on (they compute over
 * the engine API and the reference files); a front door hands them in, as {@code
 * AdvisoryFiles::read}.
 */
@FunctionalInterface
public interface AdvisoryReader {
  /**
   * The advice on a country in a snapshot file.
   *
   * @param file the snapshot (GOV.UK JSON, State Department RSS, Auswärtiges Amt JSON, France
   *     Diplomatie RSS)
   * @param iso3 the country
   * @throws org.harmattan.domain.error.HarmattanException when the file cannot be read, is not a
   *     format Harmattan reads, or ({@code advisory_missing}) holds no advice on the country
   */
  AdvisoryReport read(Path file, String iso3);
}

/**
 * The demo scenario: a seeded, synthetic Sahel conflict written as an ACLED export CSV, so that a
 * fresh machine with no user data can be ingested through the same path as a real export, and a
 * small road graph of its towns in the African Urban Network format for the corridor section. Entry
 * point: {@link org.harmattan.app.demo.SyntheticScenario}. Depends on the JDK and the domain's
 * error type only: it writes files and knows nothing of the ingest code or the store.
 */
package org.harmattan.app.demo;

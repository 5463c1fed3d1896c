/**
 * The demo scenario: a seeded, synthetic Sahel conflict written as an ACLED export CSV, so that a
 * fresh machine with no user data can be ingested through the same path as a real export. Entry
 * point: {@link org.harmattan.app.demo.SyntheticScenario}. Depends on the JDK and the domain's
 * error type only: it writes a file and knows nothing of the ingest code or the store.
 */
package org.harmattan.app.demo;

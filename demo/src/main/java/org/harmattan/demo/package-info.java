/**
 * The demo scenario: a seeded, synthetic Sahel conflict written as an ACLED export CSV, so that a
 * fresh machine with no user data can be ingested through the same path as a real export, with its
 * humanitarian and travel-advice context in the publishers' formats and a small road graph of its
 * towns in the African Urban Network format for the corridor section. Entry points: {@link
 * org.harmattan.demo.SyntheticScenario} (its kinds of event, rates and templates are data in {@code
 * scenario-events.yaml}) and {@link org.harmattan.demo.SyntheticContext}. It writes files and knows
 * nothing of the store, the analytics or the command line; from ingest it uses only the name
 * matching of the admin reference, so that its place names match as the readers match.
 */
package org.harmattan.demo;

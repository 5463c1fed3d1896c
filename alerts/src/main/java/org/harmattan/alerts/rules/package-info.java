/**
 * Alert rules: their file ({@link RuleFile}), their kinds ({@link RuleKind}) and their evaluation
 * over the store, day by day, with suppression ({@link RuleEvaluator}). Travel-advice snapshots
 * come in through the {@link AdvisoryReader} port, which a front door fills with ingest's readers:
 * the rules depend on the engine API, the reference files and analytics, never on ingest.
 */
package org.harmattan.alerts.rules;

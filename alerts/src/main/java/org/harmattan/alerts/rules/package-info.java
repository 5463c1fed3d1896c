/**
 * Alert rules: their file ({@link RuleFile}), their kinds ({@link RuleKind}) and their evaluation
 * over the store, day by day, with suppression ({@link RuleEvaluator}).
 */
package org.harmattan.alerts.rules;

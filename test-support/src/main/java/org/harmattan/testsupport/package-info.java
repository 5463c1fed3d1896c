/**
 * Shared by the tests of every module, never by production code: {@link
 * org.harmattan.testsupport.SharedData} finds the real public data and skips a test when it is
 * absent (fails it when the data is required, as in CI); {@link org.harmattan.testsupport.PlainCsv}
 * is a CSV reader independent of the product's, for computing expected figures another way; {@link
 * org.harmattan.testsupport.PlainRoads} routes on the raw road-graph CSVs with a plain Dijkstra,
 * independent of the product's router; {@link org.harmattan.testsupport.ArchitectureRules} holds
 * the package rules the architecture tests run.
 */
package org.harmattan.testsupport;

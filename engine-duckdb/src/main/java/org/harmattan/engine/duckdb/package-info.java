/**
 * The DuckDB event store: events, their superseded versions, the quarantine and the ingest log.
 * Entry point: {@link org.harmattan.engine.duckdb.DuckDbStore}. Loads in bulk through DuckDB's
 * Appender and merges set-based in SQL; never through JDBC batches.
 */
package org.harmattan.engine.duckdb;

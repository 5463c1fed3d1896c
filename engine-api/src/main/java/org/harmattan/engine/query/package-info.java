/**
 * The analytics engine port: the small contract every back end (the embedded DuckDB store, the
 * in-memory reference engine, later Spark) implements. Entry point: {@link
 * org.harmattan.engine.query.AnalyticsEngine}. Engines do the set work (filter, group, count, sort
 * and page); the per-series maths lives in analytics. Depends on the domain only.
 */
package org.harmattan.engine.query;

/**
 * The engine API: the ports every engine implements. {@link org.harmattan.engine.query} is the read
 * port analytics queries; {@link org.harmattan.engine.write} is the write port ingest fills. Both
 * depend on the domain only, so that the embedded DuckDB engine, the in-memory reference engine and
 * a Spark engine can be swapped behind them and held to one contract suite.
 */
package org.harmattan.engine;

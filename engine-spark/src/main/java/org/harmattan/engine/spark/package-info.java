/**
 * The distributed engine: the read and write ports on Apache Spark, over a warehouse of Parquet
 * files (events partitioned by country and year) that a manifest names.
 */
package org.harmattan.engine.spark;

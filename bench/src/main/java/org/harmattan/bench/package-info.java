/**
 * Benchmarks that report a ratio against a reference measured in the same run, never absolute
 * timings in tests. Entry point: {@link org.harmattan.bench.IngestBenchmark}. Run with {@code
 * bench/run}.
 */
package org.harmattan.bench;

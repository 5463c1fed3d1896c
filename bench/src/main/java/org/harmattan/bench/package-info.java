/**
 * Benchmarks that report a ratio against a reference measured in the same run, never absolute
 * timings in tests. Entry points: {@link org.harmattan.bench.IngestBenchmark} (run with {@code
 * bench/run}) and {@link org.harmattan.bench.BriefBenchmark} (run with {@code bench/run-brief}).
 */
package org.harmattan.bench;

/**
 * Benchmarks that report a ratio against a reference measured in the same run, never absolute
 * timings in tests. Entry points: {@link org.harmattan.bench.IngestBenchmark} ({@code bench/run}),
 * {@link org.harmattan.bench.BriefBenchmark} ({@code bench/run-brief}), {@link
 * org.harmattan.bench.SpatialBenchmark} ({@code bench/run-spatial}) and {@link
 * org.harmattan.bench.ServerBenchmark} ({@code bench/run-server}).
 */
package org.harmattan.bench;

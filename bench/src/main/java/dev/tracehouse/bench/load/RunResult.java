package dev.tracehouse.bench.load;

/**
 * One measured run of the cafe in one mode: the load's result and the CPU time the cafe and the
 * taster processes used during it (the load generator's own CPU is not included).
 */
record RunResult(
    TracingMode mode, int round, CafeLoad.Result load, long cafeCpuNanos, long tasterCpuNanos) {

  double cafeMicrosPerRequest() {
    return cafeCpuNanos / 1e3 / load.requests();
  }

  double tasterMicrosPerRequest() {
    return tasterCpuNanos / 1e3 / load.requests();
  }

  double percentileMillis(double quantile) {
    return load.latencies().millisAt(quantile);
  }
}

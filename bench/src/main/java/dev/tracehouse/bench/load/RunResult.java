package dev.tracehouse.bench.load;

import dev.tracehouse.bench.load.ProcessCpu.ThreadKind;
import java.util.Map;

/**
 * One measured run of the cafe in one mode: the load's result and the CPU time the cafe and the
 * taster processes used during it (the load generator's own CPU is not included), the cafe's also
 * per kind of thread.
 *
 * @param cafeCpuByKind the cafe's CPU per kind of thread; {@link ThreadKind#OTHER} holds the rest
 *     of the process total (application threads, also those that ended during the run)
 * @param warmup how long the cafe was warmed up before the measurement
 */
record RunResult(
    TracingMode mode,
    int round,
    CafeLoad.Result load,
    long cafeCpuNanos,
    Map<ThreadKind, Long> cafeCpuByKind,
    long tasterCpuNanos,
    Warmup warmup) {

  double cafeMicrosPerRequest() {
    return perRequest(cafeCpuNanos);
  }

  double cafeMicrosPerRequest(ThreadKind kind) {
    return perRequest(cafeCpuByKind.getOrDefault(kind, 0L));
  }

  double tasterMicrosPerRequest() {
    return perRequest(tasterCpuNanos);
  }

  double percentileMillis(double quantile) {
    return load.latencies().millisAt(quantile);
  }

  private double perRequest(long nanos) {
    return nanos / 1e3 / load.requests();
  }
}

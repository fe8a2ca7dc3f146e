package dev.tracehouse.pipeline.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tracehouse.model.ServiceEdge;

/** Running totals of one service-map edge in one bucket; guarded by the aggregator's lock. */
final class EdgeAggregate {
  private double calls;
  private double errors;
  private double durationSum;
  private final DDSketch latency = LatencySketches.create();

  void add(long duration, boolean isError, double weight) {
    calls += weight;
    durationSum += weight * duration;
    if (isError) {
      errors += weight;
    }
    latency.accept(duration);
  }

  ServiceEdge toEdge(ServiceMapAggregator.EdgeKey key) {
    return new ServiceEdge(
        key.env(),
        key.caller(),
        key.callee(),
        calls,
        errors,
        durationSum,
        LatencySketches.encode(latency));
  }
}

package dev.tracehouse.query.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.StatsGroup;

/**
 * Running sums of requests: weighted counts, duration sum and the latency distributions of all and
 * of failed requests. Not thread-safe.
 */
final class Totals {

  private double requests;
  private double errors;
  private double durationSum;
  private final Distribution latency = new Distribution();
  private final Distribution errorLatency = new Distribution();
  private final ScratchSketch scratch = new ScratchSketch();
  private final ScratchSketch errorScratch = new ScratchSketch();

  /**
   * Adds the service-entry (top-level) share of a stored group: its top-level hits, and its errors,
   * duration sum and sketches scaled by the top-level share. A group holds either entry spans or
   * other spans in practice (its key includes the operation, resource and span kind), so the share
   * is 1 or 0; a mixed group is split in proportion, the error and latency of its entry spans
   * assumed to be like those of the rest. The sketches hold each span once, unweighted; each value
   * is given the group's mean weight, so percentiles and Apdex describe weighted requests exactly
   * when all spans of a group share one sample rate.
   */
  void addEntry(StatsGroup group) {
    double entries = group.topLevelHits();
    if (!(entries > 0)) {
      return;
    }
    double share = group.hits() > entries ? entries / group.hits() : 1;
    requests += entries;
    errors += group.errors() * share;
    durationSum += group.durationSum() * share;
    DDSketch ok = scratch.load(group.okSketch());
    DDSketch failed = errorScratch.load(group.errorSketch());
    double values = Distribution.count(ok) + Distribution.count(failed);
    if (values > 0) {
      double weight = entries / values;
      latency.add(ok, weight);
      latency.add(failed, weight);
      errorLatency.add(failed, weight);
    }
  }

  /**
   * Adds a service-map edge: its calls count as requests. The edge's one sketch holds ok and error
   * calls alike, so {@link #measures} of edges have no Apdex.
   */
  void addEdge(ServiceEdge edge) {
    requests += edge.calls();
    errors += edge.errors();
    durationSum += edge.durationSum();
    DDSketch sketch = scratch.load(edge.latency());
    double values = Distribution.count(sketch);
    if (values > 0) {
      latency.add(sketch, edge.calls() / values);
    }
  }

  void addAll(Totals other) {
    requests += other.requests;
    errors += other.errors;
    durationSum += other.durationSum;
    latency.addAll(other.latency);
    errorLatency.addAll(other.errorLatency);
  }

  double requests() {
    return requests;
  }

  double errors() {
    return errors;
  }

  double durationSum() {
    return durationSum;
  }

  Distribution latency() {
    return latency;
  }

  Distribution errorLatency() {
    return errorLatency;
  }

  /**
   * The measures over a window of {@code seconds}; {@code apdex} null leaves the Apdex out (edges).
   */
  Measures measures(double seconds, ApdexThreshold apdex) {
    boolean any = requests > 0;
    return new Measures(
        requests,
        seconds > 0 ? requests / seconds : 0,
        errors,
        any ? Math.min(1, errors / requests) : 0,
        durationSum,
        any ? durationSum / requests : null,
        latency.quantile(0.50),
        latency.quantile(0.75),
        latency.quantile(0.90),
        latency.quantile(0.95),
        latency.quantile(0.99),
        latency.max(),
        apdex == null
            ? null
            : Apdex.score(latency, errorLatency, apdex.thresholdNs(), apdex.errorsAsFrustrated()));
  }
}

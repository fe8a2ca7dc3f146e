package dev.tracehouse.query.stats;

import java.util.List;

/**
 * Where a service's request time goes, estimated from the service-map edges (see {@link
 * ServiceStats#downstream}): the time spent in each service it calls directly, and the rest.
 *
 * @param service the calling service
 * @param requests weighted requests of its entry spans
 * @param totalTime weighted sum of its entry span durations, nanoseconds
 * @param selfTime totalTime minus the callees' time, never below 0, nanoseconds
 * @param selfPercent selfTime as a share of the time accounted for, in %
 * @param callees the services it calls, most time first
 */
public record Downstream(
    String service,
    double requests,
    double totalTime,
    double selfTime,
    double selfPercent,
    List<Callee> callees) {

  public Downstream {
    callees = List.copyOf(callees);
  }

  /**
   * Time spent in one called service.
   *
   * @param service the called service
   * @param calls weighted calls
   * @param errors weighted calls that failed in the callee
   * @param totalTime weighted sum of the callee spans' durations, nanoseconds
   * @param avgTimePerRequest totalTime / the caller's requests; null when it has none
   * @param percentOfTime totalTime as a share of the time accounted for, in %
   * @param avgLatency totalTime / calls, nanoseconds
   * @param p95 95th percentile of the call durations
   */
  public record Callee(
      String service,
      double calls,
      double errors,
      double totalTime,
      Double avgTimePerRequest,
      double percentOfTime,
      Double avgLatency,
      Double p95) {}
}

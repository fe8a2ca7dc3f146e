package dev.tracehouse.query.stats;

import java.util.List;

/**
 * The service map over a window ({@code spec/apm-model.md} section 6).
 *
 * @param nodes every service with entry-span stats or at either end of an edge, by name
 * @param edges one per (caller, callee), by caller then callee
 */
public record ServiceMap(List<Node> nodes, List<Edge> edges) {

  public ServiceMap {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * A service.
   *
   * @param service its name
   * @param measures of its entry spans; zero requests for services seen only in edges
   */
  public record Node(String service, Measures measures) {}

  /**
   * Calls from one service to another.
   *
   * @param caller the parent spans' service
   * @param callee the child spans' service
   * @param calls weighted number of calls
   * @param errors weighted calls whose callee span failed
   * @param errorRate errors / calls
   * @param avg mean callee span duration, nanoseconds
   * @param p50 median callee span duration
   * @param p95 95th percentile
   * @param p99 99th percentile
   */
  public record Edge(
      String caller,
      String callee,
      double calls,
      double errors,
      double errorRate,
      Double avg,
      Double p50,
      Double p95,
      Double p99) {

    static Edge of(String caller, String callee, Measures m) {
      return new Edge(
          caller,
          callee,
          m.requests(),
          m.errors(),
          m.errorRate(),
          m.avg(),
          m.p50(),
          m.p95(),
          m.p99());
    }
  }
}

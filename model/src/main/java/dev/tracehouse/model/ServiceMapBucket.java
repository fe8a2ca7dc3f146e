package dev.tracehouse.model;

import java.util.List;

/**
 * Service-map edges of one time bucket; a call counts in the bucket holding the callee span's end.
 *
 * @param start bucket start, nanoseconds since the epoch, a multiple of {@code duration}
 * @param duration bucket length in nanoseconds (10 s)
 * @param edges one entry per distinct (env, caller, callee), unmodifiable
 */
public record ServiceMapBucket(long start, long duration, List<ServiceEdge> edges) {

  public ServiceMapBucket {
    if (duration <= 0) {
      throw new IllegalArgumentException("bucket duration must be positive: " + duration);
    }
    edges = edges == null ? List.of() : List.copyOf(edges);
  }
}

package dev.tracehouse.store;

import dev.tracehouse.model.ServiceEdge;
import java.util.Objects;
import java.util.Optional;

/**
 * A service-map read: buckets starting in {@code [fromNs, toNs)}, edges filtered by exact match. A
 * present {@code env} of {@code ""} matches edges without an environment; an empty {@link Optional}
 * matches any value.
 *
 * @param fromNs only buckets starting at or after this time (ns since epoch)
 * @param toNs only buckets starting before this time; {@link Long#MAX_VALUE} for no upper bound
 * @param env only edges of this environment
 * @param service only edges with this service at either end (its callers and callees)
 */
public record ServiceMapQuery(
    long fromNs, long toNs, Optional<String> env, Optional<String> service) {

  public ServiceMapQuery {
    if (fromNs > toNs) {
      throw new IllegalArgumentException("from (" + fromNs + ") is after to (" + toNs + ")");
    }
    env = Objects.requireNonNullElse(env, Optional.empty());
    service = Objects.requireNonNullElse(service, Optional.empty());
  }

  /** Every edge of the buckets starting in {@code [fromNs, toNs)}. */
  public static ServiceMapQuery between(long fromNs, long toNs) {
    return new ServiceMapQuery(fromNs, toNs, Optional.empty(), Optional.empty());
  }

  /** This query, keeping only edges of {@code env}; null for any. */
  public ServiceMapQuery withEnv(String env) {
    return new ServiceMapQuery(fromNs, toNs, Optional.ofNullable(env), service);
  }

  /** This query, keeping only edges from or to {@code service}; null for any. */
  public ServiceMapQuery withService(String service) {
    return new ServiceMapQuery(fromNs, toNs, env, Optional.ofNullable(service));
  }

  /** Whether a bucket starting at {@code startNs} is in range. */
  public boolean includesBucket(long startNs) {
    return startNs >= fromNs && startNs < toNs;
  }

  /** Whether {@code edge} passes the filters. */
  public boolean matches(ServiceEdge edge) {
    return env.map(edge.env()::equals).orElse(true)
        && service.map(s -> s.equals(edge.caller()) || s.equals(edge.callee())).orElse(true);
  }
}

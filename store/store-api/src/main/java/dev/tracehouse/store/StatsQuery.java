package dev.tracehouse.store;

import dev.tracehouse.model.StatsKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A stats read: buckets starting in {@code [fromNs, toNs)}, groups filtered by exact match. A
 * present filter of {@code ""} matches groups whose key has no value there (for example spans
 * without an {@code env} tag); an empty {@link Optional} matches any value.
 *
 * @param fromNs only buckets starting at or after this time (ns since epoch)
 * @param toNs only buckets starting before this time; {@link Long#MAX_VALUE} for no upper bound
 * @param env only groups of this environment
 * @param service only groups of this service
 * @param resource only groups of this resource
 */
public record StatsQuery(
    long fromNs,
    long toNs,
    Optional<String> env,
    Optional<String> service,
    Optional<String> resource) {

  public StatsQuery {
    if (fromNs > toNs) {
      throw new IllegalArgumentException("from (" + fromNs + ") is after to (" + toNs + ")");
    }
    env = Objects.requireNonNullElse(env, Optional.empty());
    service = Objects.requireNonNullElse(service, Optional.empty());
    resource = Objects.requireNonNullElse(resource, Optional.empty());
  }

  /** Every group of the buckets starting in {@code [fromNs, toNs)}. */
  public static StatsQuery between(long fromNs, long toNs) {
    return new StatsQuery(fromNs, toNs, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This query, keeping only groups of {@code env}; null for any. */
  public StatsQuery withEnv(String env) {
    return new StatsQuery(fromNs, toNs, Optional.ofNullable(env), service, resource);
  }

  /** This query, keeping only groups of {@code service}; null for any. */
  public StatsQuery withService(String service) {
    return new StatsQuery(fromNs, toNs, env, Optional.ofNullable(service), resource);
  }

  /** This query, keeping only groups of {@code resource}; null for any. */
  public StatsQuery withResource(String resource) {
    return new StatsQuery(fromNs, toNs, env, service, Optional.ofNullable(resource));
  }

  /** Whether a bucket starting at {@code startNs} is in range. */
  public boolean includesBucket(long startNs) {
    return startNs >= fromNs && startNs < toNs;
  }

  /** Whether a group with {@code key} passes the filters. */
  public boolean matches(StatsKey key) {
    return env.map(key.env()::equals).orElse(true)
        && service.map(key.service()::equals).orElse(true)
        && resource.map(key.resource()::equals).orElse(true);
  }
}

package dev.tracehouse.store;

import java.util.Optional;

/**
 * A place to keep spans: a writer, a reader, and what the store can do. Implementations are created
 * by a {@link StoreProvider} and must be safe for one writer thread and many concurrent readers.
 */
public interface SpanStore extends AutoCloseable {

  SpanWriter writer();

  SpanReader reader();

  /**
   * The stats part of this store (stats buckets and service-map edges), which shares its lifecycle:
   * closing this store closes it. Present exactly when {@link #capabilities()} has {@link
   * Capabilities.Capability#STATS}; empty by default.
   */
  default Optional<StatsStore> stats() {
    return Optional.empty();
  }

  /**
   * The log part of this store, which shares its lifecycle. Present exactly when {@link
   * #capabilities()} has {@link Capabilities.Capability#LOGS}; empty by default.
   */
  default Optional<LogStore> logs() {
    return Optional.empty();
  }

  /** What this store supports beyond the basics; {@link Capabilities#NONE} by default. */
  default Capabilities capabilities() {
    return Capabilities.NONE;
  }

  /**
   * Size and retention figures, when the store keeps them ({@link StoreStatus}); empty by default.
   * Cheap, safe to call concurrently.
   */
  default Optional<StoreStatus> status() {
    return Optional.empty();
  }

  /** Cheap, safe to call concurrently. */
  default Health check() {
    return Health.OK;
  }

  /** Flushes what was accepted and releases resources. Never throws a checked exception. */
  @Override
  default void close() {}
}

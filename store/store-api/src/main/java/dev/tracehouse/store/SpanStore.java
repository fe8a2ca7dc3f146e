package dev.tracehouse.store;

/**
 * A place to keep spans: a writer, a reader, and what the store can do. Implementations are created
 * by a {@link StoreProvider} and must be safe for one writer thread and many concurrent readers.
 */
public interface SpanStore extends AutoCloseable {

  SpanWriter writer();

  SpanReader reader();

  /** What this store supports beyond the basics; {@link Capabilities#NONE} by default. */
  default Capabilities capabilities() {
    return Capabilities.NONE;
  }

  /** Cheap, safe to call concurrently. */
  default Health check() {
    return Health.OK;
  }

  /** Flushes what was accepted and releases resources. Never throws a checked exception. */
  @Override
  default void close() {}
}

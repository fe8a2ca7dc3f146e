package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.List;

/** Accepts spans for storage. */
public interface SpanWriter {

  /**
   * Accepts spans. A store may persist them asynchronously: they become visible to readers within
   * the store's flush interval, or at once after {@link #flush()}.
   *
   * @throws StoreException when the spans cannot be accepted; {@link
   *     StoreException#isOverCapacity()} tells the caller that the store is overloaded and the same
   *     call may succeed later
   */
  void write(List<Span> spans);

  /**
   * How many more spans {@link #write} would take at this moment without refusing them as over
   * capacity: a hint for callers that can shed load before doing work, exact only while no other
   * thread writes. Unbounded ({@link Integer#MAX_VALUE}) by default.
   */
  default int remainingCapacity() {
    return Integer.MAX_VALUE;
  }

  /** Blocks until every span accepted before this call is visible to readers and durable. */
  void flush();
}

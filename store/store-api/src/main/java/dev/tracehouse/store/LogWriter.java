package dev.tracehouse.store;

import dev.tracehouse.model.LogEvent;
import java.util.List;

/** Stores log events. Writes are synchronous: on return the logs are visible and durable. */
public interface LogWriter {

  /**
   * Stores every log, each getting the next write sequence number of the store.
   *
   * @throws NullPointerException naming the index of a null log
   * @throws StoreException when the store fails or is closed; {@link
   *     StoreException#isOverCapacity()} when a bounded store is full (nothing of this call is
   *     stored then)
   */
  void write(List<LogEvent> logs);
}

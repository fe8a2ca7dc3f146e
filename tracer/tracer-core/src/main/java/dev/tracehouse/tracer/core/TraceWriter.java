package dev.tracehouse.tracer.core;

import java.util.List;

/**
 * Receives finished trace chunks: finished spans of one trace, handed over as they are (not
 * copied). Implementations never throw and never block the caller.
 */
interface TraceWriter extends AutoCloseable {

  void write(List<CoreSpan> chunk);

  /** Sends what is queued (bounded in time) and stops. */
  @Override
  void close();
}

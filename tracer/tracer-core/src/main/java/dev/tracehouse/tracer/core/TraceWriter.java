package dev.tracehouse.tracer.core;

import java.util.List;

/** Receives finished trace chunks. Implementations never throw and never block the caller. */
interface TraceWriter extends AutoCloseable {

  void write(List<SpanData> chunk);

  /** Sends what is queued (bounded in time) and stops. */
  @Override
  void close();
}

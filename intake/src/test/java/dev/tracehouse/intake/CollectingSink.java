package dev.tracehouse.intake;

import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.TracePayload;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every span it accepts; can be told to refuse (overload), to fail, or to be saturated. */
final class CollectingSink implements SpanSink {
  enum Mode {
    ACCEPT,
    REFUSE,
    THROW
  }

  final List<Span> spans = new CopyOnWriteArrayList<>();
  final List<TracePayload> payloads = new CopyOnWriteArrayList<>();
  volatile Mode mode = Mode.ACCEPT;
  volatile boolean saturated;
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public boolean accept(TracePayload payload) {
    calls.incrementAndGet();
    switch (mode) {
      case REFUSE:
        return false;
      case THROW:
        throw new IllegalStateException("sink exploded on purpose");
      default:
        payloads.add(payload);
        spans.addAll(payload.spans());
        return true;
    }
  }

  @Override
  public boolean saturated() {
    return saturated;
  }
}

package dev.tracehouse.intake;

import dev.tracehouse.model.Span;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every span it accepts; can be told to refuse (overload) or to fail. */
final class CollectingSink implements SpanSink {
  enum Mode {
    ACCEPT,
    REFUSE,
    THROW
  }

  final List<Span> spans = new CopyOnWriteArrayList<>();
  volatile Mode mode = Mode.ACCEPT;
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public boolean accept(List<Span> batch) {
    calls.incrementAndGet();
    switch (mode) {
      case REFUSE:
        return false;
      case THROW:
        throw new IllegalStateException("sink exploded on purpose");
      default:
        spans.addAll(batch);
        return true;
    }
  }
}

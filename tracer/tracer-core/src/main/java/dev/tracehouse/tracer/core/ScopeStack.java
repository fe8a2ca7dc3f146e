package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans activated on one thread, most recent last. Confined to its thread. Closing out of order
 * removes the closed span wherever it sits, so the active span is always the most recently
 * activated span that is still open.
 */
final class ScopeStack {

  private final List<CoreSpan> spans = new ArrayList<>();

  void push(CoreSpan span) {
    spans.add(span);
  }

  /** The most recently activated span that is not finished; drops finished ones from the top. */
  CoreSpan active() {
    for (int i = spans.size() - 1; i >= 0; i--) {
      CoreSpan span = spans.get(i);
      if (!span.isFinished()) {
        return span;
      }
      spans.remove(i);
    }
    return null;
  }

  void remove(CoreSpan span) {
    for (int i = spans.size() - 1; i >= 0; i--) {
      if (spans.get(i) == span) {
        spans.remove(i);
        return;
      }
    }
  }

  int size() {
    return spans.size();
  }
}

package dev.tracehouse.tracer.core;

import java.util.Arrays;

/**
 * The spans activated on one thread, most recent last. Confined to its thread. Closing out of order
 * removes the closed span wherever it sits, so the active span is always the most recently
 * activated span that is still open.
 */
final class ScopeStack {

  private final Thread owner = Thread.currentThread();
  private CoreSpan[] spans = new CoreSpan[8];
  private int size;

  /** True when called on the thread this stack belongs to. */
  boolean isOwnedByCurrentThread() {
    return owner == Thread.currentThread();
  }

  void push(CoreSpan span) {
    if (size == spans.length) {
      spans = Arrays.copyOf(spans, 2 * size);
    }
    spans[size++] = span;
  }

  /** The most recently activated span that is not finished; drops finished ones from the top. */
  CoreSpan active() {
    while (size > 0) {
      CoreSpan span = spans[size - 1];
      if (!span.isFinished()) {
        return span;
      }
      spans[--size] = null;
    }
    return null;
  }

  /** Removes {@code span}; returns whether it was on the stack. */
  boolean remove(CoreSpan span) {
    for (int i = size - 1; i >= 0; i--) {
      if (spans[i] == span) {
        System.arraycopy(spans, i + 1, spans, i, size - i - 1);
        spans[--size] = null;
        return true;
      }
    }
    return false;
  }
}

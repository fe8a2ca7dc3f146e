package dev.tracehouse.tracer.core;

import java.util.Arrays;

/**
 * The spans activated on one thread, most recent last. Confined to its thread. Closing out of order
 * removes the closed span wherever it sits, so the active span is always the most recently
 * activated span that is still open, or a resumed span (handed over from another thread), which
 * stays active until it is suspended even if it finished meanwhile: work handed over after its span
 * finished still belongs to that span's trace.
 */
final class ScopeStack {

  private final Thread owner = Thread.currentThread();
  private CoreSpan[] spans = new CoreSpan[8];
  private boolean[] resumed = new boolean[8];
  private int size;

  /** True when called on the thread this stack belongs to. */
  boolean isOwnedByCurrentThread() {
    return owner == Thread.currentThread();
  }

  void push(CoreSpan span) {
    push(span, false);
  }

  /** Pushes a span started elsewhere; it stays active until {@link #truncateAt} removes it. */
  void pushResumed(CoreSpan span) {
    push(span, true);
  }

  private void push(CoreSpan span, boolean handedOver) {
    if (size == spans.length) {
      spans = Arrays.copyOf(spans, 2 * size);
      resumed = Arrays.copyOf(resumed, 2 * size);
    }
    resumed[size] = handedOver;
    spans[size++] = span;
  }

  /**
   * The most recently activated span that is not finished (or was resumed); drops finished ones
   * from the top.
   */
  CoreSpan active() {
    while (size > 0) {
      CoreSpan span = spans[size - 1];
      if (resumed[size - 1] || !span.isFinished()) {
        return span;
      }
      spans[--size] = null;
    }
    return null;
  }

  /** Removes the most recent activation of {@code span} and everything activated after it. */
  void truncateAt(CoreSpan span) {
    for (int i = size - 1; i >= 0; i--) {
      if (spans[i] == span) {
        Arrays.fill(spans, i, size, null);
        size = i;
        return;
      }
    }
  }

  /** Removes {@code span}; returns whether it was on the stack. */
  boolean remove(CoreSpan span) {
    for (int i = size - 1; i >= 0; i--) {
      if (spans[i] == span) {
        System.arraycopy(spans, i + 1, spans, i, size - i - 1);
        System.arraycopy(resumed, i + 1, resumed, i, size - i - 1);
        spans[--size] = null;
        return true;
      }
    }
    return false;
  }
}

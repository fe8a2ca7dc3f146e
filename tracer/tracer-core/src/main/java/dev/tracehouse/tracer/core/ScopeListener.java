package dev.tracehouse.tracer.core;

/**
 * Hears, on the thread concerned, every change of that thread's active span: a span was activated,
 * or one was closed and an earlier one (or none) is active again. Must be fast and must not throw;
 * a listener that throws is removed.
 */
@FunctionalInterface
public interface ScopeListener {

  /** Listens to nothing. */
  ScopeListener NONE = active -> {};

  /**
   * @param active the span now active on the current thread, or {@code null} when none is
   */
  void activeSpanChanged(CoreSpan active);
}

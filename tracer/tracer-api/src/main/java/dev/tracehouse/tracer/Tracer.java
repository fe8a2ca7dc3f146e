package dev.tracehouse.tracer;

import java.util.Optional;

/**
 * Starts spans. Obtain the process-wide instance with {@link #global()}; it is a no-op until a
 * tracer (usually the tracehouse agent) registers itself in {@link GlobalTracer}.
 */
public interface Tracer {

  /** The registered tracer, or a no-op tracer when none is registered. */
  static Tracer global() {
    return GlobalTracer.get();
  }

  /**
   * Starts a span as a child of the active span (or as the root of a new trace), makes it the
   * active span of the current thread and returns it. Close it (try-with-resources) on the same
   * thread.
   */
  Span trace(String operationName);

  /** The span that is active on the current thread, if any. */
  Optional<Span> activeSpan();
}

package dev.tracehouse.tracer.agent.instrumentation.annotation;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.annotation.TraceAnnotations;

/**
 * Called on entry to and exit from every {@code @Trace} method (woven by {@link
 * TraceAnnotationInstrumentation}). Never throws. Not API: public because application classes call
 * it.
 */
public final class TraceHooks {
  private TraceHooks() {}

  /** Starts the method's span; {@code null} when none is made. */
  public static CoreSpan start(Class<?> type, String method) {
    try {
      return TraceAnnotations.start(GlobalTracer.get(), type, method);
    } catch (Throwable e) {
      return null;
    }
  }

  /** Finishes {@code span} (failed when {@code thrown} is set). */
  public static void finish(CoreSpan span, Throwable thrown) {
    try {
      TraceAnnotations.finish(span, thrown);
    } catch (Throwable e) {
      // never into the application
    }
  }
}

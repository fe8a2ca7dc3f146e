package dev.tracehouse.tracer.agent.instrumentation.annotation;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.annotation.TraceAnnotations;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every method annotated with {@code @Trace}: a span from entry to exit, failed when
 * an exception leaves the method. The class and the method's name and descriptor are constants of
 * the instrumented method, so a call costs no reflection.
 */
final class TraceAdvice {

  private TraceAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static CoreSpan enter(@Advice.Origin Class<?> type, @Advice.Origin("#m#d") String method) {
    return TraceAnnotations.start(GlobalTracer.get(), type, method);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(@Advice.Enter CoreSpan span, @Advice.Thrown Throwable thrown) {
    TraceAnnotations.finish(span, thrown);
  }
}

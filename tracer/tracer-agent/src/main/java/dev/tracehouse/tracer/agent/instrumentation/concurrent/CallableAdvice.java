package dev.tracehouse.tracer.agent.instrumentation.concurrent;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.concurrent.ContextExecutors;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of an executor method whose first parameter is the submitted {@link
 * Callable}: replaces it with one that carries the active span (or leaves it as is when no span is
 * active).
 */
final class CallableAdvice {

  private CallableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
    task = ContextExecutors.wrap(GlobalTracer.get(), task);
  }
}

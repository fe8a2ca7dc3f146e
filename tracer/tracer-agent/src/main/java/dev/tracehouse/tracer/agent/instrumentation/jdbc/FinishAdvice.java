package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import net.bytebuddy.asm.Advice;

/** Inlined at every exit of a traced execute method: finishes the span, failed if it threw. */
final class FinishAdvice {

  private FinishAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(@Advice.Enter CoreSpan span, @Advice.Thrown Throwable thrown) {
    JdbcTracing.finish(span, thrown);
  }
}

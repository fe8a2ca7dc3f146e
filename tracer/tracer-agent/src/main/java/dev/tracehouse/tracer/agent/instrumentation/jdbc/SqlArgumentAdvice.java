package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code Statement#execute*(String sql, ...)}; {@link FinishAdvice} ends.
 */
final class SqlArgumentAdvice {

  private SqlArgumentAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static CoreSpan enter(@Advice.This Object statement, @Advice.Argument(0) String sql) {
    return JdbcTracing.start(GlobalTracer.get(), statement, sql);
  }
}

package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Statement#addBatch(String)}: remembers the batched SQL. */
final class AddBatchAdvice {

  private AddBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object statement, @Advice.Argument(0) String sql) {
    JdbcTracing.addBatch(statement, sql);
  }
}

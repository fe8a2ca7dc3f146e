package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Statement#clearBatch()}: forgets the batched SQL. */
final class ClearBatchAdvice {

  private ClearBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object statement) {
    JdbcTracing.clearBatch(statement);
  }
}

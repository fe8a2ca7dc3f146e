package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the execute methods without arguments (a prepared statement's {@code
 * execute()}, any {@code executeBatch()}); {@link FinishAdvice} ends the span.
 */
final class RecordedSqlAdvice {

  private RecordedSqlAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static CoreSpan enter(@Advice.This Object statement) {
    return JdbcTracing.startRecorded(GlobalTracer.get(), statement);
  }
}

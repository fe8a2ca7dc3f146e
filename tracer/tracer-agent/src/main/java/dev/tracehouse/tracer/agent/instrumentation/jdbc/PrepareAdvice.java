package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import dev.tracehouse.tracer.core.jdbc.JdbcTracing;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the end of {@code Connection#prepareStatement(String, ...)} and {@code
 * prepareCall(String, ...)}: remembers the SQL of the statement returned.
 */
final class PrepareAdvice {

  private PrepareAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Argument(0) String sql,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement) {
    JdbcTracing.prepared(statement, sql);
  }
}

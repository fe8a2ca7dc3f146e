package dev.tracehouse.tracer.agent.instrumentation.jdbc;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.jdbc.JdbcTracing;

/**
 * Called by the JDBC methods {@link JdbcInstrumentation} weaves; each hands over to {@link
 * JdbcTracing}. Statements and connections are {@code Object}s (the bootstrap loader cannot see
 * {@code java.sql}). Never throws. Not API: public because drivers' classes call it.
 */
public final class JdbcHooks {
  private JdbcHooks() {}

  /** On entry to {@code execute*(String sql, ...)}: the span, or {@code null}. */
  public static CoreSpan start(Object statement, String sql) {
    try {
      return JdbcTracing.start(GlobalTracer.get(), statement, sql);
    } catch (Throwable e) {
      return null;
    }
  }

  /** On entry to {@code execute*()} and {@code executeBatch()}: the span, or {@code null}. */
  public static CoreSpan startRecorded(Object statement) {
    try {
      return JdbcTracing.startRecorded(GlobalTracer.get(), statement);
    } catch (Throwable e) {
      return null;
    }
  }

  /** On every exit of an execute method: finishes the span, failed if it threw. */
  public static void finish(CoreSpan span, Throwable thrown) {
    try {
      JdbcTracing.finish(span, thrown);
    } catch (Throwable e) {
      // never into the application
    }
  }

  /** On return from {@code addBatch(String)}: remembers the batched SQL. */
  public static void addBatch(Object statement, String sql) {
    try {
      JdbcTracing.addBatch(statement, sql);
    } catch (Throwable e) {
      // never into the application
    }
  }

  /** On return from {@code clearBatch()}: forgets the batched SQL. */
  public static void clearBatch(Object statement) {
    try {
      JdbcTracing.clearBatch(statement);
    } catch (Throwable e) {
      // never into the application
    }
  }

  /** On return from {@code prepareStatement(String, ...)}/{@code prepareCall}: its SQL. */
  public static void prepared(String sql, Object statement) {
    try {
      JdbcTracing.prepared(statement, sql);
    } catch (Throwable e) {
      // never into the application
    }
  }
}

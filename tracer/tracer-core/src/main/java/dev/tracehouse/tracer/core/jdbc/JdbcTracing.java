package dev.tracehouse.tracer.core.jdbc;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.TracerThreads;
import java.util.List;
import java.util.Locale;

/**
 * SQL spans, one per statement execution, as dd-java-agent makes them: operation {@code <db>.query}
 * (db = the URL's sub-protocol, such as {@code sqlite.query}), service the database type, type
 * {@code sql}, resource the SQL text as the application wrote it (the trace agent's pipeline
 * obfuscates it), meta {@code db.type}, {@code db.instance}, {@code db.user}, {@code db.operation},
 * {@code span.kind=client}, {@code component}, {@code out.host}/{@code peer.hostname} and metrics
 * {@code out.port}/{@code peer.port}, {@code _dd.measured=1}; an exception thrown by the execution
 * marks the span as failed.
 *
 * <p>Only executions on a {@code java.sql.Statement} are traced, and only the outermost one on a
 * thread makes a span: drivers and pools that call other execute methods, or read metadata, while
 * executing are not traced twice. The span is a child of the active span and is not activated.
 * Statements and connections are passed as {@code Object} so that this class never links against
 * {@code java.sql} (it runs in the bootstrap class loader under the agent). No method throws. The
 * agent's advice calls these methods; without the agent, {@link TracedJdbc} wraps a connection or
 * data source.
 */
public final class JdbcTracing {

  /** The methods that execute SQL, on {@code Statement} and its sub-interfaces. */
  public static final List<String> EXECUTE_METHODS =
      List.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");

  static final String STATEMENT = "java-jdbc-statement";
  static final String PREPARED_STATEMENT = "java-jdbc-prepared_statement";

  private static final ConnectionInfos CONNECTIONS = new ConnectionInfos();
  private static final StatementSql SQL = new StatementSql();

  /** Whether this thread is inside a traced execution. */
  private static final ThreadLocal<boolean[]> IN_EXECUTION =
      ThreadLocal.withInitial(() -> new boolean[1]);

  private JdbcTracing() {}

  /**
   * Starts the span of an execution that passes its SQL ({@code execute(String, ...)} and friends),
   * or returns {@code null} (nested execution, tracer thread, no tracehouse tracer, not a
   * statement). A span returned must be {@linkplain #finish finished} on the same thread: until
   * then no other execution on the thread is traced.
   */
  public static CoreSpan start(Tracer tracer, Object statement, String sql) {
    return start(tracer, statement, sql, STATEMENT);
  }

  /**
   * Starts the span of an execution without SQL argument: a prepared or callable statement's {@code
   * execute()} or any statement's {@code executeBatch()}; the SQL is the text the statement was
   * prepared with, else the texts of its batch. Returns {@code null} like {@link #start}.
   */
  public static CoreSpan startRecorded(Tracer tracer, Object statement) {
    if (!traceable(tracer) || !JdbcTypes.isStatement(statement)) {
      return null;
    }
    try {
      String prepared = SQL.preparedSql(statement);
      return prepared != null
          ? start(tracer, statement, prepared, PREPARED_STATEMENT)
          : start(tracer, statement, SQL.takeBatch(statement), STATEMENT);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Remembers the SQL a prepared or callable statement was created with. */
  public static void prepared(Object statement, String sql) {
    try {
      SQL.prepared(statement, sql);
    } catch (RuntimeException e) {
      // never into the application
    }
  }

  /** Remembers a text added to a plain statement's batch ({@code addBatch(String)}). */
  public static void addBatch(Object statement, String sql) {
    try {
      SQL.addBatch(statement, sql);
    } catch (RuntimeException e) {
      // never into the application
    }
  }

  /** Forgets a statement's batch ({@code clearBatch()}). */
  public static void clearBatch(Object statement) {
    try {
      SQL.clearBatch(statement);
    } catch (RuntimeException e) {
      // never into the application
    }
  }

  /** Marks the span failed when {@code error} is set and finishes it; ignores a null span. */
  public static void finish(CoreSpan span, Throwable error) {
    if (span == null) {
      return;
    }
    IN_EXECUTION.get()[0] = false;
    if (error != null) {
      span.setError(error);
    }
    span.close();
  }

  private static boolean traceable(Tracer tracer) {
    return tracer instanceof CoreTracer && !TracerThreads.isInternal() && !IN_EXECUTION.get()[0];
  }

  private static CoreSpan start(Tracer tracer, Object statement, String sql, String component) {
    if (!traceable(tracer) || !JdbcTypes.isStatement(statement)) {
      return null;
    }
    boolean[] inExecution = IN_EXECUTION.get();
    inExecution[0] = true;
    try {
      DbInfo db = CONNECTIONS.ofStatement(statement);
      CoreSpan span = ((CoreTracer) tracer).startDetached(db.operation());
      tag(span, db, sql, component);
      return span;
    } catch (RuntimeException e) {
      inExecution[0] = false;
      return null;
    }
  }

  private static void tag(CoreSpan span, DbInfo db, String sql, String component) {
    span.setType("sql")
        .setService(db.type())
        .setTag("span.kind", "client")
        .setTag("component", component)
        .setTag("db.type", db.type())
        .setTag("db.instance", db.instance())
        .setTag("db.user", db.user())
        .setTag("_dd.measured", 1);
    if (sql != null && !sql.isBlank()) {
      span.setResource(sql);
      String operation = operation(sql);
      if (!operation.isEmpty()) {
        span.setTag("db.operation", operation);
      }
    }
    if (db.host() != null) {
      span.setTag("out.host", db.host()).setTag("peer.hostname", db.host());
    }
    if (db.port() > 0) {
      span.setTag("out.port", db.port()).setTag("peer.port", db.port());
    }
  }

  /** The statement's first word, upper case: {@code SELECT}, {@code INSERT}, {@code WITH}. */
  static String operation(String sql) {
    int start = 0;
    while (start < sql.length() && !Character.isLetter(sql.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return sql.substring(start, end).toUpperCase(Locale.ROOT);
  }

  static int cachedConnections() {
    return CONNECTIONS.cachedConnections();
  }
}

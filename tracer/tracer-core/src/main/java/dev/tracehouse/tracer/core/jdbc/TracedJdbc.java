package dev.tracehouse.tracer.core.jdbc;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * SQL spans without the agent: wraps a {@link DataSource} or {@link Connection} so that every
 * statement it creates makes the spans {@link JdbcTracing} describes. Everything else is passed
 * through unchanged, exceptions included. Under the agent there is no need to wrap (it traces every
 * driver); a wrapped connection still makes one span per execution there, because only the
 * outermost execution on a thread is traced. The agent jar leaves this class out, so the
 * application's own copy (which can see {@code java.sql}) is used.
 *
 * <pre>{@code
 * DataSource traced = TracedJdbc.wrap(Tracer.global(), dataSource);
 * }</pre>
 */
public final class TracedJdbc {

  private TracedJdbc() {}

  /** A data source whose connections are {@linkplain #wrap(Tracer, Connection) wrapped}. */
  public static DataSource wrap(Tracer tracer, DataSource dataSource) {
    Objects.requireNonNull(tracer, "tracer");
    Objects.requireNonNull(dataSource, "dataSource");
    return proxy(
        DataSource.class,
        (proxy, method, args) -> {
          Object result = call(dataSource, method, args);
          return result instanceof Connection && method.getName().equals("getConnection")
              ? wrap(tracer, (Connection) result)
              : result;
        });
  }

  /**
   * A connection whose statements ({@code createStatement}, {@code prepareStatement}, {@code
   * prepareCall}) trace their executions.
   */
  public static Connection wrap(Tracer tracer, Connection connection) {
    Objects.requireNonNull(tracer, "tracer");
    Objects.requireNonNull(connection, "connection");
    return proxy(
        Connection.class,
        (proxy, method, args) -> {
          Object result = call(connection, method, args);
          if (!(result instanceof Statement) || !createsStatement(method.getName())) {
            return result;
          }
          Statement statement = statement(tracer, (Connection) proxy, (Statement) result);
          if (args != null && args.length > 0 && args[0] instanceof String) {
            JdbcTracing.prepared(statement, (String) args[0]);
          }
          return statement;
        });
  }

  private static boolean createsStatement(String method) {
    return method.equals("createStatement")
        || method.equals("prepareStatement")
        || method.equals("prepareCall");
  }

  /**
   * A statement proxy; the proxy itself is what {@link JdbcTracing} sees, so that its connection is
   * the wrapped one.
   */
  private static Statement statement(Tracer tracer, Connection connection, Statement statement) {
    Class<? extends Statement> type =
        statement instanceof CallableStatement
            ? CallableStatement.class
            : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return proxy(
        type,
        (proxy, method, args) -> {
          String name = method.getName();
          boolean sqlArgument = args != null && args.length > 0 && args[0] instanceof String;
          if (name.equals("getConnection")) {
            return connection;
          } else if (name.equals("addBatch") && sqlArgument) {
            JdbcTracing.addBatch(proxy, (String) args[0]);
          } else if (name.equals("clearBatch")) {
            JdbcTracing.clearBatch(proxy);
          } else if (JdbcTracing.EXECUTE_METHODS.contains(name)) {
            return traced(tracer, proxy, statement, method, args, sqlArgument);
          }
          return call(statement, method, args);
        });
  }

  private static Object traced(
      Tracer tracer,
      Object proxy,
      Statement statement,
      Method method,
      Object[] args,
      boolean sqlArgument)
      throws Throwable {
    CoreSpan span =
        sqlArgument
            ? JdbcTracing.start(tracer, proxy, (String) args[0])
            : JdbcTracing.startRecorded(tracer, proxy);
    Throwable thrown = null;
    try {
      return call(statement, method, args);
    } catch (Throwable e) {
      thrown = e;
      throw e;
    } finally {
      JdbcTracing.finish(span, thrown);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    ClassLoader loader = TracedJdbc.class.getClassLoader();
    return type.cast(Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler));
  }
}

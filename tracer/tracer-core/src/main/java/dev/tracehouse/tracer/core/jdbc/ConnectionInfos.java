package dev.tracehouse.tracer.core.jdbc;

import java.lang.reflect.Method;

/**
 * The {@link DbInfo} of a statement's connection, read once per connection (URL and user from its
 * {@code DatabaseMetaData}) and cached weakly. The {@code java.sql} calls go through reflection on
 * the {@code java.sql} interfaces because this class may live in the bootstrap class loader, which
 * cannot link against {@code java.sql} (a platform module). Never throws: a connection whose
 * metadata cannot be read gets {@link DbInfo#UNKNOWN}, also cached.
 */
final class ConnectionInfos {

  private final WeakIdentityMap<DbInfo> byConnection = new WeakIdentityMap<>();

  DbInfo ofStatement(Object statement) {
    Object connection;
    try {
      connection = SqlMethods.GET_CONNECTION.invoke(statement);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return DbInfo.UNKNOWN;
    }
    return ofConnection(connection);
  }

  DbInfo ofConnection(Object connection) {
    if (connection == null) {
      return DbInfo.UNKNOWN;
    }
    DbInfo info = byConnection.get(connection);
    if (info == null) {
      info = read(connection);
      byConnection.put(connection, info);
    }
    return info;
  }

  int cachedConnections() {
    return byConnection.size();
  }

  private static DbInfo read(Object connection) {
    try {
      Object metadata = SqlMethods.GET_METADATA.invoke(connection);
      String url = (String) SqlMethods.GET_URL.invoke(metadata);
      String user = (String) SqlMethods.GET_USER_NAME.invoke(metadata);
      return DbInfo.parse(url, user);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return DbInfo.UNKNOWN;
    }
  }

  /** The interface methods, looked up once through the platform class loader. */
  private static final class SqlMethods {
    static final Method GET_CONNECTION = method("java.sql.Statement", "getConnection");
    static final Method GET_METADATA = method("java.sql.Connection", "getMetaData");
    static final Method GET_URL = method("java.sql.DatabaseMetaData", "getURL");
    static final Method GET_USER_NAME = method("java.sql.DatabaseMetaData", "getUserName");

    private static Method method(String type, String name) {
      try {
        return Class.forName(type, false, ClassLoader.getPlatformClassLoader()).getMethod(name);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("no " + type + "#" + name, e);
      }
    }
  }
}

package dev.tracehouse.tracer.core.jdbc;

/**
 * The {@link DbInfo} of a statement's connection, read once per connection (URL and user from its
 * {@code DatabaseMetaData}) and cached weakly. The {@code java.sql} calls go through reflection
 * ({@link JdbcTypes}). Never throws: a connection whose metadata cannot be read gets {@link
 * DbInfo#UNKNOWN}, also cached.
 */
final class ConnectionInfos {

  private final WeakIdentityMap<DbInfo> byConnection = new WeakIdentityMap<>();

  DbInfo ofStatement(Object statement) {
    Object connection;
    try {
      connection = JdbcTypes.GET_CONNECTION.invoke(statement);
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
      Object metadata = JdbcTypes.GET_METADATA.invoke(connection);
      String url = (String) JdbcTypes.GET_URL.invoke(metadata);
      String user = (String) JdbcTypes.GET_USER_NAME.invoke(metadata);
      return DbInfo.parse(url, user);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return DbInfo.UNKNOWN;
    }
  }
}

package dev.tracehouse.tracer.core.jdbc;

import java.lang.reflect.Method;

/**
 * The {@code java.sql} interfaces and methods the integration uses, looked up once through the
 * platform class loader: this package may live in the bootstrap class loader, which cannot link
 * against {@code java.sql} (a platform module).
 */
final class JdbcTypes {

  static final Class<?> STATEMENT = type("java.sql.Statement");
  static final Method GET_CONNECTION = method(STATEMENT, "getConnection");
  static final Method GET_METADATA = method(type("java.sql.Connection"), "getMetaData");
  static final Method GET_URL = method(type("java.sql.DatabaseMetaData"), "getURL");
  static final Method GET_USER_NAME = method(type("java.sql.DatabaseMetaData"), "getUserName");

  private JdbcTypes() {}

  /**
   * Whether {@code object} is a {@code java.sql.Statement} (the agent also instruments abstract
   * driver classes that declare execute methods without implementing the interface themselves).
   */
  static boolean isStatement(Object object) {
    return STATEMENT.isInstance(object);
  }

  private static Class<?> type(String name) {
    try {
      return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no " + name + " in the platform class loader", e);
    }
  }

  private static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no " + type.getName() + "#" + name, e);
    }
  }
}

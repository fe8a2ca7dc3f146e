package dev.tracehouse.tracer.core.http;

import java.lang.reflect.Method;

/**
 * Reads {@code java.net.http.HttpResponse#statusCode()} without linking against java.net.http: the
 * tracer classes are loaded by the bootstrap class loader, which cannot see that module's classes.
 */
final class ResponseStatus {

  private static final String RESPONSE_TYPE = "java.net.http.HttpResponse";
  private static volatile Method statusCode;

  private ResponseStatus() {}

  /** The status code, or 0 when {@code response} is null or not an {@code HttpResponse}. */
  static int of(Object response) {
    if (response == null) {
      return 0;
    }
    try {
      Method method = statusCode;
      if (method == null) {
        Class<?> type = Class.forName(RESPONSE_TYPE, false, response.getClass().getClassLoader());
        method = type.getMethod("statusCode");
        statusCode = method;
      }
      return method.getDeclaringClass().isInstance(response) ? (int) method.invoke(response) : 0;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return 0;
    }
  }
}

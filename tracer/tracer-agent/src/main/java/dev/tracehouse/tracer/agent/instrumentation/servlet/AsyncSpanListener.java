package dev.tracehouse.tracer.agent.instrumentation.servlet;

import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpServerTracing;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * The behaviour of the {@code jakarta.servlet.AsyncListener} proxy the servlet hooks add to an
 * asynchronous request: {@code onError} records the failure, {@code onTimeout} marks the span as
 * failed, {@code onComplete} finishes it with the final status, and {@code onStartAsync} (a new
 * asynchronous cycle) registers the listener again. Servlet types are reached reflectively, from
 * the request's class loader, because this class lives in the bootstrap class loader. Not API:
 * public for the servlet hooks.
 */
public final class AsyncSpanListener implements InvocationHandler {

  private static final String RESPONSE = "jakarta.servlet.http.HttpServletResponse";
  private static final String EVENT = "jakarta.servlet.AsyncEvent";
  private static final String ASYNC_CONTEXT = "jakarta.servlet.AsyncContext";
  private static final String LISTENER = "jakarta.servlet.AsyncListener";

  private final CoreSpan span;
  private final Object response;
  private final boolean routed;

  /**
   * @param response the request's {@code HttpServletResponse}, read for the final status
   * @param routed whether a web framework matched a route for the request
   */
  public AsyncSpanListener(CoreSpan span, Object response, boolean routed) {
    this.span = span;
    this.response = response;
    this.routed = routed;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    try {
      switch (method.getName()) {
        case "onComplete":
          HttpServerTracing.finish(span, status(), routed, null);
          return null;
        case "onError":
          span.setError((Throwable) call(EVENT, "getThrowable", args[0]));
          return null;
        case "onTimeout":
          span.setErrorFlag(true).setTag("error.message", "asynchronous request timed out");
          return null;
        case "onStartAsync":
          Object context = call(EVENT, "getAsyncContext", args[0]);
          Class<?> listener = type(LISTENER, context);
          type(ASYNC_CONTEXT, context).getMethod("addListener", listener).invoke(context, proxy);
          return null;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return "AsyncSpanListener{" + span + "}";
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private int status() throws ReflectiveOperationException {
    return (int) call(RESPONSE, "getStatus", response);
  }

  /** Calls the public no-argument method {@code name} of the servlet type {@code typeName}. */
  private static Object call(String typeName, String name, Object target)
      throws ReflectiveOperationException {
    return type(typeName, target).getMethod(name).invoke(target);
  }

  private static Class<?> type(String name, Object instance) throws ClassNotFoundException {
    return Class.forName(name, false, instance.getClass().getClassLoader());
  }
}

package dev.tracehouse.tracer.agent.instrumentation.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The Jakarta Servlet methods the servlet and Javalin hooks call, as method handles typed with
 * {@code Object} for every servlet type: the hooks live in the bootstrap class loader, which cannot
 * link against the servlet API, so the interfaces are resolved in the request's class loader, once
 * per request class. Not API: public for the Javalin hooks.
 */
public final class ServletApi {
  private static final String REQUEST = "jakarta.servlet.http.HttpServletRequest";
  private static final String RESPONSE = "jakarta.servlet.http.HttpServletResponse";
  private static final String ASYNC_CONTEXT = "jakarta.servlet.AsyncContext";
  private static final String ASYNC_LISTENER = "jakarta.servlet.AsyncListener";

  private static final ClassValue<ServletApi> BY_REQUEST_CLASS =
      new ClassValue<>() {
        @Override
        protected ServletApi computeValue(Class<?> requestClass) {
          try {
            return new ServletApi(requestClass.getClassLoader());
          } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                requestClass.getName() + " does not see the Jakarta Servlet API", e);
          }
        }
      };

  final Class<?> requestApi;
  final Class<?> asyncListener;
  private final MethodHandle getAttribute;
  private final MethodHandle setAttribute;
  private final MethodHandle getMethod;
  private final MethodHandle getRequestUrl;
  private final MethodHandle getRequestUri;
  private final MethodHandle isAsyncStarted;
  private final MethodHandle getAsyncContext;
  private final MethodHandle addListener;
  private final MethodHandle getStatus;

  private ServletApi(ClassLoader loader) throws ReflectiveOperationException {
    requestApi = Class.forName(REQUEST, false, loader);
    asyncListener = Class.forName(ASYNC_LISTENER, false, loader);
    Class<?> response = Class.forName(RESPONSE, false, loader);
    Class<?> asyncContext = Class.forName(ASYNC_CONTEXT, false, loader);
    getAttribute = handle(requestApi, "getAttribute", Object.class, String.class);
    setAttribute = handle(requestApi, "setAttribute", void.class, String.class, Object.class);
    getMethod = handle(requestApi, "getMethod", String.class);
    getRequestUrl = handle(requestApi, "getRequestURL", StringBuffer.class);
    getRequestUri = handle(requestApi, "getRequestURI", String.class);
    isAsyncStarted = handle(requestApi, "isAsyncStarted", boolean.class);
    getAsyncContext = handle(requestApi, "getAsyncContext", asyncContext);
    addListener = handle(asyncContext, "addListener", void.class, asyncListener);
    getStatus = handle(response, "getStatus", int.class);
  }

  /** The API as seen by {@code request}'s class. */
  public static ServletApi of(Object request) {
    return BY_REQUEST_CLASS.get(request.getClass());
  }

  /** {@code request.getAttribute(name)}. */
  public Object getAttribute(Object request, String name) throws Throwable {
    return (Object) getAttribute.invokeExact(request, name);
  }

  /** {@code request.setAttribute(name, value)}. */
  public void setAttribute(Object request, String name, Object value) throws Throwable {
    setAttribute.invokeExact(request, name, value);
  }

  /** {@code request.getMethod()}. */
  public String getMethod(Object request) throws Throwable {
    return (String) getMethod.invokeExact(request);
  }

  String getRequestUrl(Object request) throws Throwable {
    return ((StringBuffer) getRequestUrl.invokeExact(request)).toString();
  }

  String getRequestUri(Object request) throws Throwable {
    return (String) getRequestUri.invokeExact(request);
  }

  boolean isAsyncStarted(Object request) throws Throwable {
    return (boolean) isAsyncStarted.invokeExact(request);
  }

  /** {@code request.getAsyncContext().addListener(listener)}. */
  void addAsyncListener(Object request, Object listener) throws Throwable {
    Object context = (Object) getAsyncContext.invokeExact(request);
    addListener.invokeExact(context, listener);
  }

  int getStatus(Object response) throws Throwable {
    return (int) getStatus.invokeExact(response);
  }

  /**
   * {@code owner.name(parameters)}, typed with {@code Object} for the receiver and servlet types.
   */
  private static MethodHandle handle(
      Class<?> owner, String name, Class<?> returnType, Class<?>... parameters)
      throws ReflectiveOperationException {
    MethodHandle handle =
        MethodHandles.publicLookup()
            .findVirtual(owner, name, MethodType.methodType(returnType, parameters));
    Class<?>[] erased = new Class<?>[parameters.length + 1];
    erased[0] = Object.class;
    for (int i = 0; i < parameters.length; i++) {
      erased[i + 1] = erase(parameters[i]);
    }
    return handle.asType(MethodType.methodType(erase(returnType), erased));
  }

  private static Class<?> erase(Class<?> type) {
    return type.isPrimitive() || type == String.class || type == StringBuffer.class
        ? type
        : Object.class;
  }
}

package dev.tracehouse.tracer.agent.instrumentation.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;

/**
 * A servlet request's headers as the lookup that {@code HttpServerTracing#start} reads: each call
 * is one {@code getHeader(name)} on the request (case-insensitive, as servlet requests are), so the
 * propagation styles look up only the headers they need (two with the default styles when the
 * request carries no trace context) and nothing is copied into maps first. The request is passed as
 * {@code Object} and called through a method handle of its servlet API interface, because this
 * class lives in the bootstrap class loader, which cannot link against the servlet API; the hook
 * passes the interface ({@code HttpServletRequest}, resolved in the request's class loader).
 */
public final class ServletHeaders implements Function<String, String> {

  private static final MethodType GET_HEADER_TYPE =
      MethodType.methodType(String.class, String.class);

  /** {@code getHeader} of each servlet API interface seen, typed {@code (Object, String)String}. */
  private static final ClassValue<MethodHandle> GET_HEADER =
      new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> requestApi) {
          try {
            return MethodHandles.publicLookup()
                .findVirtual(requestApi, "getHeader", GET_HEADER_TYPE)
                .asType(MethodType.methodType(String.class, Object.class, String.class));
          } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                requestApi.getName() + " has no public String getHeader(String)", e);
          }
        }
      };

  private final MethodHandle getHeader;
  private final Object request;

  private ServletHeaders(MethodHandle getHeader, Object request) {
    this.getHeader = getHeader;
    this.request = request;
  }

  /**
   * The headers of {@code request}, an instance of {@code requestApi} (such as Jakarta's {@code
   * HttpServletRequest}).
   *
   * @throws IllegalArgumentException when {@code requestApi} has no public {@code String
   *     getHeader(String)} or {@code request} is not an instance of it
   */
  public static ServletHeaders of(Class<?> requestApi, Object request) {
    if (!requestApi.isInstance(request)) {
      throw new IllegalArgumentException(
          "request " + request + " is not a " + requestApi.getName());
    }
    return new ServletHeaders(GET_HEADER.get(requestApi), request);
  }

  @Override
  public String apply(String name) {
    try {
      return (String) getHeader.invokeExact(request, name);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("getHeader(" + name + ") failed", e);
    }
  }
}

package dev.tracehouse.tracer.agent.instrumentation.javalin;

import dev.tracehouse.tracer.agent.instrumentation.servlet.ServletApi;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpServerTracing;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Called at the start of {@code JavalinServletContext#update(Endpoint, Map)} (woven by {@link
 * JavalinInstrumentation}), which Javalin calls before it runs each matched handler: for the HTTP
 * endpoint (not a before/after handler) it names the request's server span after the endpoint's
 * path template and marks the request as routed. Javalin's types are reached through method handles
 * resolved in the context's class loader (this class lives in the bootstrap loader). Never throws.
 * Not API: public because Javalin calls it.
 */
public final class JavalinHooks {
  private static final ClassValue<JavalinApi> BY_CONTEXT_CLASS =
      new ClassValue<>() {
        @Override
        protected JavalinApi computeValue(Class<?> contextClass) {
          try {
            return new JavalinApi(contextClass);
          } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(contextClass + " is not Javalin 7's context", e);
          }
        }
      };

  private JavalinHooks() {}

  /** Names the server span of {@code context}'s request after {@code endpoint}'s path. */
  public static void route(Object context, Object endpoint) {
    try {
      JavalinApi javalin = BY_CONTEXT_CLASS.get(context.getClass());
      if (!javalin.isHttpEndpoint(endpoint)) {
        return;
      }
      Object request = javalin.request(context);
      ServletApi servlet = ServletApi.of(request);
      Object span = servlet.getAttribute(request, HttpServerTracing.SPAN_ATTRIBUTE);
      if (span instanceof CoreSpan) {
        String path = javalin.path(endpoint);
        HttpServerTracing.route((CoreSpan) span, servlet.getMethod(request), path);
        servlet.setAttribute(request, HttpServerTracing.ROUTE_ATTRIBUTE, path);
      }
    } catch (Throwable e) {
      // never into the application
    }
  }

  /** {@code Endpoint.method.isHttpMethod()}, {@code Endpoint.path} and {@code Context#req()}. */
  private static final class JavalinApi {
    private final MethodHandle endpointMethod;
    private final MethodHandle isHttpMethod;
    private final MethodHandle endpointPath;
    private final MethodHandle request;

    JavalinApi(Class<?> contextClass) throws ReflectiveOperationException {
      ClassLoader loader = contextClass.getClassLoader();
      Class<?> endpoint = Class.forName("io.javalin.router.Endpoint", false, loader);
      Class<?> handlerType = Class.forName("io.javalin.http.HandlerType", false, loader);
      Class<?> servletRequest =
          Class.forName("jakarta.servlet.http.HttpServletRequest", false, loader);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      endpointMethod =
          lookup
              .findGetter(endpoint, "method", handlerType)
              .asType(MethodType.methodType(Object.class, Object.class));
      isHttpMethod =
          lookup
              .findVirtual(handlerType, "isHttpMethod", MethodType.methodType(boolean.class))
              .asType(MethodType.methodType(boolean.class, Object.class));
      endpointPath =
          lookup
              .findGetter(endpoint, "path", String.class)
              .asType(MethodType.methodType(String.class, Object.class));
      request =
          lookup
              .findVirtual(contextClass, "req", MethodType.methodType(servletRequest))
              .asType(MethodType.methodType(Object.class, Object.class));
    }

    boolean isHttpEndpoint(Object endpoint) throws Throwable {
      return (boolean) isHttpMethod.invokeExact((Object) endpointMethod.invokeExact(endpoint));
    }

    String path(Object endpoint) throws Throwable {
      return (String) endpointPath.invokeExact(endpoint);
    }

    Object request(Object context) throws Throwable {
      return (Object) request.invokeExact(context);
    }
  }
}

package dev.tracehouse.tracer.agent.instrumentation.httpclient;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpClientTracing;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;

/**
 * Called by {@code HttpClientImpl#sendAsync(HttpRequest, BodyHandler, PushPromiseHandler,
 * Executor)} (woven by {@link HttpClientInstrumentation}): {@link #start} makes the client span and
 * a copy of the request carrying the propagation headers, {@link #request} puts the copy in place
 * of the request, {@link #finish} ends the span when the response future completes. {@code
 * java.net.http} types are reached through method handles (this class lives in the bootstrap
 * loader, which cannot see that module). Never throws. Not API: public because the JDK calls it.
 */
public final class HttpClientHooks {
  private HttpClientHooks() {}

  /** A started call: its span and the request to send instead of the original. */
  private record Call(CoreSpan span, Object request) {}

  /** On entry: a started call, or {@code null} (no span, or the copy failed). */
  public static Object start(Object request) {
    try {
      Api api = Api.INSTANCE;
      CoreSpan span =
          HttpClientTracing.start(
              GlobalTracer.get(), "java-http-client", api.method(request), api.uri(request));
      if (span == null) {
        return null;
      }
      try {
        return new Call(span, api.copyWithHeaders(request, HttpClientTracing.headers(span)));
      } catch (Throwable e) {
        HttpClientTracing.finish(span, 0, null);
        return null;
      }
    } catch (Throwable e) {
      return null;
    }
  }

  /** The request to send: the started call's copy, else {@code original}. */
  public static Object request(Object call, Object original) {
    return call instanceof Call ? ((Call) call).request() : original;
  }

  /** On every exit: finishes the span when the returned future completes, or now on a throw. */
  public static void finish(Object call, Object future, Throwable thrown) {
    if (!(call instanceof Call)) {
      return;
    }
    try {
      CoreSpan span = ((Call) call).span();
      if (thrown == null && future instanceof CompletableFuture) {
        ((CompletableFuture<?>) future).whenComplete(HttpClientTracing.finishOnComplete(span));
      } else {
        HttpClientTracing.finish(span, 0, thrown);
      }
    } catch (Throwable e) {
      // never into the application
    }
  }

  /** {@code HttpRequest}'s methods, resolved once in the platform class loader. */
  private static final class Api {
    static final Api INSTANCE = create();

    private final MethodHandle method;
    private final MethodHandle uri;
    private final MethodHandle newBuilder;
    private final MethodHandle setHeader;
    private final MethodHandle build;

    private Api(Class<?> request, Class<?> builder) throws ReflectiveOperationException {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      method = erased(lookup.findVirtual(request, "method", MethodType.methodType(String.class)));
      uri = erased(lookup.findVirtual(request, "uri", MethodType.methodType(URI.class)));
      newBuilder =
          erased(
              lookup.findStatic(
                  request,
                  "newBuilder",
                  MethodType.methodType(builder, request, BiPredicate.class)));
      setHeader =
          erased(
              lookup.findVirtual(
                  builder,
                  "setHeader",
                  MethodType.methodType(builder, String.class, String.class)));
      build = erased(lookup.findVirtual(builder, "build", MethodType.methodType(request)));
    }

    private static Api create() {
      try {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        return new Api(
            Class.forName("java.net.http.HttpRequest", false, platform),
            Class.forName("java.net.http.HttpRequest$Builder", false, platform));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("java.net.http is not available", e);
      }
    }

    String method(Object request) throws Throwable {
      return (String) method.invokeExact(request);
    }

    URI uri(Object request) throws Throwable {
      return (URI) uri.invokeExact(request);
    }

    /** {@code HttpRequest.newBuilder(request, all headers)} with {@code headers} set, built. */
    Object copyWithHeaders(Object request, Map<String, String> headers) throws Throwable {
      Object builder = (Object) newBuilder.invokeExact(request, HttpClientTracing.allHeaders());
      for (Map.Entry<String, String> header : headers.entrySet()) {
        builder = (Object) setHeader.invokeExact(builder, header.getKey(), header.getValue());
      }
      return (Object) build.invokeExact(builder);
    }

    /** {@code handle} with {@code java.net.http} types (receiver included) as {@code Object}. */
    private static MethodHandle erased(MethodHandle handle) {
      MethodType type = handle.type();
      for (int i = 0; i < type.parameterCount(); i++) {
        if (type.parameterType(i).getName().startsWith("java.net.http.")) {
          type = type.changeParameterType(i, Object.class);
        }
      }
      if (type.returnType().getName().startsWith("java.net.http.")) {
        type = type.changeReturnType(Object.class);
      }
      return handle.asType(type);
    }
  }
}

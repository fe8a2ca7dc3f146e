package dev.tracehouse.tracer.agent.instrumentation.servlet;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpServerTracing;
import java.lang.reflect.Proxy;

/**
 * Called on entry to and exit from {@code HttpServlet#service(HttpServletRequest,
 * HttpServletResponse)} (woven by {@link ServletInstrumentation}). Requests and responses are
 * {@code Object}s called through {@link ServletApi}: this class lives in the bootstrap class
 * loader, which cannot resolve servlet types. The outermost call per request (a request attribute
 * marks it) makes the server span. A request that went asynchronous keeps its span open until its
 * {@code AsyncContext} completes (an {@code AsyncListener} proxy defined in the servlet API's class
 * loader, handled by {@link AsyncSpanListener}). The propagation headers are read straight from the
 * request ({@link ServletHeaders}), only those the extract styles need. Never throws. Not API:
 * public because servlet classes call it.
 */
public final class ServletHooks {
  private ServletHooks() {}

  /** On entry: the request's server span, or {@code null} (an inner call, or no span). */
  public static CoreSpan enter(Object request) {
    try {
      ServletApi api = ServletApi.of(request);
      if (api.getAttribute(request, HttpServerTracing.SPAN_ATTRIBUTE) != null) {
        return null;
      }
      CoreSpan span =
          HttpServerTracing.start(
              GlobalTracer.get(),
              "jakarta-servlet",
              api.getMethod(request),
              api.getRequestUrl(request),
              api.getRequestUri(request),
              ServletHeaders.of(api.requestApi, request));
      if (span != null) {
        api.setAttribute(request, HttpServerTracing.SPAN_ATTRIBUTE, span);
      }
      return span;
    } catch (Throwable e) {
      return null;
    }
  }

  /** On every exit: finishes the span, or hands it to the request's asynchronous completion. */
  public static void exit(CoreSpan span, Object request, Object response, Throwable thrown) {
    if (span == null) {
      return;
    }
    try {
      ServletApi api = ServletApi.of(request);
      boolean routed = api.getAttribute(request, HttpServerTracing.ROUTE_ATTRIBUTE) != null;
      if (thrown == null && api.isAsyncStarted(request)) {
        api.addAsyncListener(
            request,
            Proxy.newProxyInstance(
                api.asyncListener.getClassLoader(),
                new Class<?>[] {api.asyncListener},
                new AsyncSpanListener(span, response, routed)));
        span.tracer().suspend(span);
        return;
      }
      int status = thrown != null ? 500 : api.getStatus(response);
      HttpServerTracing.finish(span, status, routed, thrown);
    } catch (Throwable e) {
      // never into the application
    }
  }
}

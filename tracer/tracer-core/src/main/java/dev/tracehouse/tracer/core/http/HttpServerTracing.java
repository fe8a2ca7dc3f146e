package dev.tracehouse.tracer.core.http;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.SpanContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Server spans for incoming HTTP requests ({@code web.request}), continuing the caller's trace from
 * its propagation headers (the configured extract styles, first valid wins). Call {@link #start}
 * when the request arrives, {@link #route} when the framework has matched a route, and {@link
 * #finish} when the response is complete (for an asynchronous request, first take the span off the
 * request thread with {@code CoreTracer#suspend}). Never throws.
 */
public final class HttpServerTracing {

  public static final String OPERATION = "web.request";

  /** Servlet request attribute holding the request's server span (for nested integrations). */
  public static final String SPAN_ATTRIBUTE = "dev.tracehouse.tracer.span";

  /** Servlet request attribute holding the route template once a web framework matched one. */
  public static final String ROUTE_ATTRIBUTE = "dev.tracehouse.tracer.route";

  /** The resource of a 404 answered without a matching route, as dd-java-agent names it. */
  public static final String NOT_FOUND_RESOURCE = "404";

  private HttpServerTracing() {}

  /**
   * Starts and activates a server span, or returns {@code null} when {@code tracer} is not a
   * tracehouse tracer (then there is nothing to finish).
   *
   * @param component the instrumented library, such as {@code jakarta-servlet}
   * @param url the request URL without query string
   * @param path the request path, used in the resource {@code <METHOD> <path>}
   * @param header looks up a request header by name, case-insensitively
   */
  public static CoreSpan start(
      Tracer tracer,
      String component,
      String method,
      String url,
      String path,
      Function<String, String> header) {
    if (!(tracer instanceof CoreTracer)) {
      return null;
    }
    try {
      SpanContext parent = ((CoreTracer) tracer).propagation().extract(header).orElse(null);
      CoreSpan span = ((CoreTracer) tracer).startActive(OPERATION, parent);
      span.setType("web")
          .setResource(HttpTags.resource(method, path))
          .setTag("span.kind", "server")
          .setTag("component", component)
          .setTag("http.method", HttpTags.method(method))
          .setTag("http.url", url);
      return span;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Like {@link #start(Tracer, String, String, String, String, Function)} with a header map. */
  public static CoreSpan start(
      Tracer tracer,
      String component,
      String method,
      String url,
      String path,
      Map<String, String> headers) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (name != null) {
              byName.put(name, value);
            }
          });
    }
    return start(tracer, component, method, url, path, byName::get);
  }

  /**
   * Names the span after the route template the web framework matched: resource {@code GET
   * /beers/{name}} instead of the raw path, and tag {@code http.route}. Blank routes are ignored.
   */
  public static void route(CoreSpan span, String method, String route) {
    if (span != null && route != null && !route.isBlank()) {
      span.setResource(HttpTags.resource(method, route)).setTag("http.route", route);
    }
  }

  /**
   * Tags the status (5xx = error) and the escaping exception, if any, and closes the span. A 404
   * answered without a matching route gets the resource {@value #NOT_FOUND_RESOURCE}, so that
   * scanners probing random paths do not create a resource per path.
   *
   * @param routed whether {@link #route} named the span (the request matched a route)
   */
  public static void finish(CoreSpan span, int status, boolean routed, Throwable error) {
    if (span != null && status == 404 && !routed) {
      span.setResource(NOT_FOUND_RESOURCE);
    }
    HttpTags.finish(span, status, error);
  }
}

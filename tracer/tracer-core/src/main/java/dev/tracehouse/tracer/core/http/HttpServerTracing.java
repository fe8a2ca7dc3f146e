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
 * when the request arrives and {@link #finish} on the same thread when it completes. Never throws.
 */
public final class HttpServerTracing {

  public static final String OPERATION = "web.request";

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

  /** Tags the status (5xx = error) and the escaping exception, if any, and closes the span. */
  public static void finish(CoreSpan span, int status, Throwable error) {
    HttpTags.finish(span, status, error);
  }
}

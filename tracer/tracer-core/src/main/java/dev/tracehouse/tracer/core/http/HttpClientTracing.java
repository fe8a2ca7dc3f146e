package dev.tracehouse.tracer.core.http;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.TracerThreads;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Client spans for outgoing HTTP calls ({@code http.request}) and the headers that carry the trace
 * to the server. The span is not activated: it may finish on another thread. Never throws.
 */
public final class HttpClientTracing {

  public static final String OPERATION = "http.request";

  private HttpClientTracing() {}

  /**
   * Starts a client span as a child of the active span, or returns {@code null} on a tracer thread
   * or when {@code tracer} is not a tracehouse tracer.
   */
  public static CoreSpan start(Tracer tracer, String component, String method, URI uri) {
    if (!(tracer instanceof CoreTracer) || TracerThreads.isInternal() || uri == null) {
      return null;
    }
    try {
      CoreSpan span = ((CoreTracer) tracer).startDetached(OPERATION);
      span.setType("http")
          .setResource(HttpTags.resource(method, uri.getRawPath()))
          .setTag("span.kind", "client")
          .setTag("component", component)
          .setTag("http.method", HttpTags.method(method))
          .setTag("http.url", HttpTags.urlWithoutQuery(uri))
          .setTag("peer.hostname", uri.getHost())
          .setTag("out.host", uri.getHost());
      if (uri.getPort() > 0) {
        span.setTag("peer.port", uri.getPort());
      }
      return span;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The headers of every configured inject style to add to the request so that the server continues
   * the trace.
   */
  public static Map<String, String> headers(CoreSpan span) {
    return span == null ? Map.of() : span.tracer().propagation().inject(span);
  }

  /** Accepts every header: for copying a request with {@code HttpRequest.newBuilder(r, filter)}. */
  public static BiPredicate<String, String> allHeaders() {
    return (name, value) -> true;
  }

  /**
   * A callback for the response future that finishes the span; the response must be a {@code
   * java.net.http.HttpResponse} (its status is read reflectively: this class is JDK-module free).
   */
  public static BiConsumer<Object, Throwable> finishOnComplete(CoreSpan span) {
    return (response, error) -> finish(span, ResponseStatus.of(response), unwrap(error));
  }

  /** Tags the status (5xx = error) and the exception, if any, and finishes the span. */
  public static void finish(CoreSpan span, int status, Throwable error) {
    HttpTags.finish(span, status, error);
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}

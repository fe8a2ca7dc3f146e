package dev.tracehouse.tracer.core.http;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Client spans for {@link HttpURLConnection} requests, by hand or from the agent's advice. Start
 * the span before the connection connects (so that the propagation headers can still be added),
 * finish it with the response status. Never throws.
 *
 * <pre>{@code
 * HttpURLConnection connection = (HttpURLConnection) url.openConnection();
 * CoreSpan span = HttpUrlConnectionTracing.start(Tracer.global(), connection);
 * try {
 *   int status = connection.getResponseCode();
 *   HttpUrlConnectionTracing.finish(span, status, null);
 * } catch (IOException e) {
 *   HttpUrlConnectionTracing.finish(span, 0, e);
 *   throw e;
 * }
 * }</pre>
 */
public final class HttpUrlConnectionTracing {

  /** The {@code component} tag, as dd-java-agent names this integration. */
  public static final String COMPONENT = "http-url-connection";

  private HttpUrlConnectionTracing() {}

  /**
   * Starts an {@code http.request} span (a child of the active span, not activated) for the request
   * {@code connection} is about to send, and sets the headers of every configured inject style on
   * it. Returns {@code null} when nothing is traced (no tracehouse tracer, a tracer thread, a URL
   * that is not a valid URI). A connection that is already connected gets a span without headers.
   */
  public static CoreSpan start(Tracer tracer, HttpURLConnection connection) {
    if (connection == null) {
      return null;
    }
    URI uri;
    try {
      uri = connection.getURL().toURI();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
    CoreSpan span = HttpClientTracing.start(tracer, COMPONENT, method(connection), uri);
    if (span != null) {
      try {
        HttpClientTracing.headers(span).forEach(connection::setRequestProperty);
      } catch (IllegalStateException alreadyConnected) {
        // The request has gone out; the span still records the call.
      }
    }
    return span;
  }

  /**
   * Tags the status (5xx = error) and the failure, if any, and finishes the span; a {@code null}
   * span is ignored.
   */
  public static void finish(CoreSpan span, int status, Throwable error) {
    HttpTags.finish(span, status, error);
  }

  /** The method the request will use: the JDK turns a GET with a request body into a POST. */
  private static String method(HttpURLConnection connection) {
    String method = connection.getRequestMethod();
    return "GET".equals(method) && connection.getDoOutput() ? "POST" : method;
  }
}

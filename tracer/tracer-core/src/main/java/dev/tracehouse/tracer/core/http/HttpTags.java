package dev.tracehouse.tracer.core.http;

import dev.tracehouse.tracer.core.CoreSpan;
import java.net.URI;
import java.util.Locale;

/** Tags and names shared by the HTTP server and client integrations. */
final class HttpTags {

  private HttpTags() {}

  /** {@code GET /beers}: the resource of an HTTP span. */
  static String resource(String method, String path) {
    String cleanPath = path == null || path.isEmpty() ? "/" : path;
    return method(method) + " " + cleanPath;
  }

  static String method(String method) {
    return method == null || method.isBlank() ? "GET" : method.toUpperCase(Locale.ROOT);
  }

  /** The URL without query string or fragment (query values may hold secrets). */
  static String urlWithoutQuery(URI uri) {
    StringBuilder url = new StringBuilder();
    if (uri.getScheme() != null) {
      url.append(uri.getScheme()).append("://");
    }
    if (uri.getRawAuthority() != null) {
      url.append(uri.getRawAuthority());
    }
    url.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    return url.toString();
  }

  /** Tags the status; a 5xx marks the span as failed. A status of 0 or less means "unknown". */
  static void status(CoreSpan span, int status) {
    if (status > 0) {
      span.setTag("http.status_code", Integer.toString(status));
      if (status >= 500) {
        span.setErrorFlag(true);
      }
    }
  }

  /** Tags the status and the exception, if any, and closes the span; a null span is ignored. */
  static void finish(CoreSpan span, int status, Throwable error) {
    if (span == null) {
      return;
    }
    try {
      HttpTags.status(span, status);
      if (error != null) {
        span.setError(error);
      }
    } finally {
      span.close();
    }
  }
}

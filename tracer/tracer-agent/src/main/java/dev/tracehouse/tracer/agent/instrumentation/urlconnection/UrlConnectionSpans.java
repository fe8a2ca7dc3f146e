package dev.tracehouse.tracer.agent.instrumentation.urlconnection;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpUrlConnectionTracing;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One span per {@link HttpURLConnection} request although the application (and the JDK itself)
 * calls {@code connect}, {@code getOutputStream}, {@code getInputStream} and {@code
 * getResponseCode} in any order and any number of times: the span starts at the first of these
 * calls and ends when the first {@code getInputStream} (which {@code getResponseCode} uses) returns
 * or when a call fails before there is a response. Only the outermost call on a thread counts (the
 * JDK's methods call each other). The state lives in a map with weak keys, because fields cannot be
 * added to the JDK's already loaded class. Not API: public for the hooks woven into the JDK.
 */
public final class UrlConnectionSpans {

  private static final Object FINISHED = new Object();
  private static final Map<HttpURLConnection, Object> STATE =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private UrlConnectionSpans() {}

  /**
   * On entry of an instrumented method: starts the span if this is the outermost call and the
   * request has not been sent yet. Returns whether this call is the outermost one. Never throws.
   */
  public static Boolean enter(HttpURLConnection connection, boolean connected) {
    int[] depth = DEPTH.get();
    if (depth[0]++ > 0) {
      return Boolean.FALSE;
    }
    try {
      if (!connected && !STATE.containsKey(connection)) {
        CoreSpan span = HttpUrlConnectionTracing.start(GlobalTracer.get(), connection);
        if (span != null) {
          STATE.put(connection, span);
        }
      }
    } catch (Throwable e) {
      // never into the application
    }
    return Boolean.TRUE;
  }

  /** On exit of {@code connect} or {@code getOutputStream}: see {@link #exit}. */
  public static void requestExit(
      Boolean outermost, HttpURLConnection connection, int status, Throwable thrown) {
    exit(outermost, connection, false, status, thrown);
  }

  /** On exit of {@code getInputStream}: see {@link #exit}. */
  public static void responseExit(
      Boolean outermost, HttpURLConnection connection, int status, Throwable thrown) {
    exit(outermost, connection, true, status, thrown);
  }

  /**
   * On exit of an instrumented method (always called after {@link #enter}). Never throws.
   *
   * @param outermost what {@link #enter} returned
   * @param response whether the method was {@code getInputStream}, after which the response is in
   * @param status the connection's response code, -1 when none was read
   * @param thrown what the method threw, or {@code null}
   */
  private static void exit(
      Boolean outermost,
      HttpURLConnection connection,
      boolean response,
      int status,
      Throwable thrown) {
    DEPTH.get()[0]--;
    if (!Boolean.TRUE.equals(outermost) || (!response && thrown == null)) {
      return;
    }
    try {
      finish(connection, status, thrown);
    } catch (Throwable e) {
      // never into the application
    }
  }

  private static void finish(HttpURLConnection connection, int status, Throwable thrown) {
    Object state = STATE.get(connection);
    if (!(state instanceof CoreSpan)) {
      return;
    }
    STATE.put(connection, FINISHED);
    // getInputStream reports a 4xx/5xx answer as an IOException: the status tells it all.
    boolean httpStatusError = thrown instanceof IOException && status >= 400;
    HttpUrlConnectionTracing.finish((CoreSpan) state, status, httpStatusError ? null : thrown);
  }
}

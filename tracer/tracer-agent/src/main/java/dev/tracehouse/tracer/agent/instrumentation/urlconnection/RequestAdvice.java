package dev.tracehouse.tracer.agent.instrumentation.urlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code connect()} and {@code getOutputStream()} of the JDK's HTTP connection: starts
 * the span before the request goes out; ends it only when the call fails.
 */
final class RequestAdvice {

  private RequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static boolean enter(
      @Advice.This HttpURLConnection connection,
      @Advice.FieldValue("connected") boolean connected) {
    return UrlConnectionSpans.enter(connection, connected);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Enter boolean outermost,
      @Advice.This HttpURLConnection connection,
      @Advice.FieldValue("responseCode") int status,
      @Advice.Thrown Throwable thrown) {
    UrlConnectionSpans.exit(outermost, connection, false, status, thrown);
  }
}

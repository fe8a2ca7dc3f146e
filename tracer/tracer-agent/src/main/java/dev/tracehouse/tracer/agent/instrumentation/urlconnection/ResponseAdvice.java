package dev.tracehouse.tracer.agent.instrumentation.urlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code getInputStream()} of the JDK's HTTP connection (also reached through {@code
 * getResponseCode()}): starts the span if no earlier call did, and ends it with the status.
 */
final class ResponseAdvice {

  private ResponseAdvice() {}

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
    UrlConnectionSpans.exit(outermost, connection, true, status, thrown);
  }
}

package dev.tracehouse.tracer.agent.instrumentation.httpclient;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.http.HttpClientTracing;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code HttpClientImpl#sendAsync(HttpRequest, BodyHandler, PushPromiseHandler,
 * Executor)}: starts the client span, replaces the request with a copy carrying the Datadog
 * headers, and finishes the span when the response future completes. Parameters are typed {@code
 * Object} because this class lives in the bootstrap class loader, which cannot see java.net.http.
 */
final class HttpClientAdvice {

  private HttpClientAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static CoreSpan enter(
      @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
          Object request) {
    HttpRequest original = (HttpRequest) request;
    CoreSpan span =
        HttpClientTracing.start(
            GlobalTracer.get(), "java-http-client", original.method(), original.uri());
    if (span == null) {
      return null;
    }
    try {
      HttpRequest.Builder copy = HttpRequest.newBuilder(original, HttpClientTracing.allHeaders());
      for (Map.Entry<String, String> header : HttpClientTracing.headers(span).entrySet()) {
        copy.setHeader(header.getKey(), header.getValue());
      }
      request = copy.build();
    } catch (RuntimeException e) {
      HttpClientTracing.finish(span, 0, null);
      return null;
    }
    return span;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Enter CoreSpan span, @Advice.Return Object future, @Advice.Thrown Throwable thrown) {
    if (span == null) {
      return;
    }
    if (thrown == null && future instanceof CompletableFuture) {
      ((CompletableFuture<?>) future).whenComplete(HttpClientTracing.finishOnComplete(span));
    } else {
      HttpClientTracing.finish(span, 0, thrown);
    }
  }
}

package dev.tracehouse.tracer.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.PropagationStyle;
import dev.tracehouse.tracer.core.SpanData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class HttpClientTracingTest {

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  @Test
  void start_createsDetachedChildOfActiveSpan() {
    try (CoreSpan parent = tracer.trace("cafe.order")) {
      CoreSpan client =
          HttpClientTracing.start(
              tracer, "java-http-client", "post", URI.create("http://taster:5001/taste?beer=ipa"));

      assertThat(tracer.activeSpan()).containsSame(parent);
      HttpClientTracing.finish(client, 201, null);
    }

    SpanData client = writer.chunks().get(0).get(1);
    assertThat(client.name()).isEqualTo("http.request");
    assertThat(client.type()).isEqualTo("http");
    assertThat(client.resource()).isEqualTo("POST /taste");
    assertThat(client.meta())
        .containsEntry("span.kind", "client")
        .containsEntry("component", "java-http-client")
        .containsEntry("http.method", "POST")
        .containsEntry("http.url", "http://taster:5001/taste")
        .containsEntry("http.status_code", "201")
        .containsEntry("peer.hostname", "taster")
        .containsEntry("out.host", "taster");
    assertThat(client.metrics()).containsEntry("peer.port", 5001.0);
    assertThat(client.parentId()).isEqualTo(writer.chunks().get(0).get(0).spanId());
  }

  @Test
  void headers_makeClientSpanTheRemoteParent() {
    CoreSpan client = HttpClientTracing.start(tracer, "c", "GET", URI.create("http://h/x"));

    Map<String, String> headers = HttpClientTracing.headers(client);
    HttpClientTracing.finish(client, 200, null);

    SpanData data = writer.spans().get(0);
    assertThat(headers)
        .containsEntry("x-datadog-parent-id", Long.toUnsignedString(data.spanId()))
        .containsEntry("x-datadog-trace-id", Long.toUnsignedString(data.traceId()))
        .containsKeys("x-datadog-sampling-priority", "x-datadog-tags")
        .containsEntry(
            "traceparent",
            String.format(
                "00-%s%016x-%016x-01", data.meta().get("_dd.p.tid"), data.traceId(), data.spanId()))
        .containsKey("tracestate");
  }

  @Test
  void headers_followConfiguredInjectStyles() {
    CoreTracer b3Only =
        InMemoryWriter.tracer(writer, List.of(PropagationStyle.B3SINGLE), List.of());
    CoreSpan client = HttpClientTracing.start(b3Only, "c", "GET", URI.create("http://h/x"));

    Map<String, String> headers = HttpClientTracing.headers(client);
    HttpClientTracing.finish(client, 200, null);

    assertThat(headers).containsOnlyKeys("b3");
    assertThat(headers.get("b3"))
        .endsWith(String.format("-%016x-1", writer.spans().get(0).spanId()));
  }

  @Test
  void finishOnComplete_readsStatusOfRealHttpResponse() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(502, -1);
          exchange.close();
        });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/menu");
      CoreSpan client = HttpClientTracing.start(tracer, "java-http-client", "GET", uri);

      HttpClient.newHttpClient()
          .sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete(HttpClientTracing.finishOnComplete(client));

      await().until(() -> writer.spans().size() == 1);
      SpanData data = writer.spans().get(0);
      assertThat(data.meta()).containsEntry("http.status_code", "502");
      assertThat(data.error()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void finishOnComplete_unwrapsFailure() {
    CoreSpan client = HttpClientTracing.start(tracer, "c", "GET", URI.create("http://h/x"));

    HttpClientTracing.finishOnComplete(client)
        .accept(null, new CompletionException(new IOException("connection refused")));

    SpanData data = writer.spans().get(0);
    assertThat(data.error()).isEqualTo(1);
    assertThat(data.meta())
        .containsEntry("error.type", "java.io.IOException")
        .doesNotContainKey("http.status_code");
  }

  @Test
  void allHeaders_acceptsEverything() {
    assertThat(HttpClientTracing.allHeaders().test("any", "value")).isTrue();
  }

  @Test
  void start_returnsNullForMissingUri() {
    assertThat(HttpClientTracing.start(tracer, "c", "GET", null)).isNull();
  }
}

package dev.tracehouse.tracer.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real {@code com.sun.net.httpserver} server that records the request headers. */
class HttpUrlConnectionTracingTest {

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);
  private final AtomicReference<Headers> received = new AtomicReference<>();
  private final AtomicReference<String> receivedMethod = new AtomicReference<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.set(exchange.getRequestHeaders());
          receivedMethod.set(exchange.getRequestMethod());
          exchange.getRequestBody().readAllBytes();
          int status = exchange.getRequestURI().getPath().equals("/fail") ? 503 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private HttpURLConnection open(String pathAndQuery) throws IOException {
    return (HttpURLConnection)
        new URL("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery)
            .openConnection();
  }

  @Test
  void start_injectsHeadersAndRecordsTheRequest() throws IOException {
    HttpURLConnection connection = open("/menu?token=secret");
    CoreSpan span;
    try (CoreSpan parent = tracer.trace("parent")) {
      span = HttpUrlConnectionTracing.start(tracer, connection);
    }
    HttpUrlConnectionTracing.finish(span, connection.getResponseCode(), null);

    SpanData client = writer.spans().get(1);
    assertThat(client.name()).isEqualTo("http.request");
    assertThat(client.resource()).isEqualTo("GET /menu");
    assertThat(client.parentId()).isEqualTo(writer.spans().get(0).spanId());
    assertThat(client.meta())
        .containsEntry("component", "http-url-connection")
        .containsEntry("span.kind", "client")
        .containsEntry("http.method", "GET")
        .containsEntry("http.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/menu")
        .containsEntry("http.status_code", "200");
    assertThat(received.get().getFirst("x-datadog-parent-id"))
        .isEqualTo(Long.toUnsignedString(client.spanId()));
    assertThat(received.get().getFirst("traceparent"))
        .endsWith(String.format("-%016x-01", client.spanId()));
  }

  @Test
  void start_namesARequestWithABodyPost_asTheJdkSendsIt() throws IOException {
    HttpURLConnection connection = open("/orders");
    connection.setDoOutput(true);
    CoreSpan span = HttpUrlConnectionTracing.start(tracer, connection);
    try (OutputStream body = connection.getOutputStream()) {
      body.write('x');
    }
    HttpUrlConnectionTracing.finish(span, connection.getResponseCode(), null);

    assertThat(receivedMethod.get()).isEqualTo("POST");
    assertThat(writer.spans().get(0).resource()).isEqualTo("POST /orders");
  }

  @Test
  void finish_marksAServerErrorAsFailed() throws IOException {
    HttpURLConnection connection = open("/fail");
    CoreSpan span = HttpUrlConnectionTracing.start(tracer, connection);
    HttpUrlConnectionTracing.finish(span, connection.getResponseCode(), null);

    SpanData client = writer.spans().get(0);
    assertThat(client.error()).isEqualTo(1);
    assertThat(client.meta()).containsEntry("http.status_code", "503");
  }

  @Test
  void start_onAConnectedConnection_tracesWithoutHeaders() throws IOException {
    HttpURLConnection connection = open("/menu");
    connection.connect();
    CoreSpan span = HttpUrlConnectionTracing.start(tracer, connection);
    HttpUrlConnectionTracing.finish(span, connection.getResponseCode(), null);

    assertThat(writer.spans()).hasSize(1);
    assertThat(received.get().containsKey("x-datadog-trace-id")).isFalse();
  }

  @Test
  void start_returnsNullWithoutAConnection() {
    assertThat(HttpUrlConnectionTracing.start(tracer, null)).isNull();
  }
}

package dev.tracehouse.tracer.core;

import com.sun.net.httpserver.HttpServer;
import dev.tracehouse.tracer.Span;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does one traced operation cost the application: start a span, make it active, set three
 * tags, close it? Compared with the OpenTelemetry Java SDK doing the same with a no-op exporter.
 * Target (issue 5): at most 300 ns and 500 bytes per span, and faster than OTel (run with {@code
 * -prof gc} for the bytes). In {@code tracehouse} our tracer's writer points at a closed port, so
 * finished traces are queued and dropped off the measured thread; in {@code tracehouseAgentUp} it
 * sends to a local agent that answers 200, so the writer thread encodes and sends while the
 * measured thread runs.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanStartFinishBenchmark {
  private static final AttributeKey<String> ORIGIN = AttributeKey.stringKey("coffee.origin");
  private static final AttributeKey<Long> CUPS = AttributeKey.longKey("coffee.cups");
  private static final AttributeKey<Boolean> DECAF = AttributeKey.booleanKey("coffee.decaf");

  private CoreTracer tracehouse;
  private HttpServer agent;
  private final byte[] agentBuffer = new byte[64 * 1024];
  private CoreTracer tracehouseAgentUp;
  private SdkTracerProvider otelProvider;
  private Tracer otel;

  @Setup
  public void setUp() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    tracehouse =
        CoreTracer.create(new TracerConfig("bench", "bench", "1", "127.0.0.1", closedPort));
    agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    agent.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            while (body.read(agentBuffer) >= 0) {
              // drain the request
            }
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    agent.start();
    tracehouseAgentUp =
        CoreTracer.create(
            new TracerConfig("bench", "bench", "1", "127.0.0.1", agent.getAddress().getPort()));
    otelProvider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new NoopExporter()))
            .build();
    otel = otelProvider.get("bench");
  }

  @TearDown
  public void tearDown() {
    tracehouse.close();
    tracehouseAgentUp.close();
    agent.stop(0);
    otelProvider.close();
  }

  @Benchmark
  public void tracehouse() {
    try (Span span = tracehouse.trace("cafe.brew")) {
      span.setTag("coffee.origin", "ethiopia");
      span.setTag("coffee.cups", 2);
      span.setTag("coffee.decaf", false);
    }
  }

  @Benchmark
  public void tracehouseAgentUp() {
    try (Span span = tracehouseAgentUp.trace("cafe.brew")) {
      span.setTag("coffee.origin", "ethiopia");
      span.setTag("coffee.cups", 2);
      span.setTag("coffee.decaf", false);
    }
  }

  @Benchmark
  public void openTelemetrySdk() {
    io.opentelemetry.api.trace.Span span = otel.spanBuilder("cafe.brew").startSpan();
    try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
      span.setAttribute(ORIGIN, "ethiopia");
      span.setAttribute(CUPS, 2L);
      span.setAttribute(DECAF, false);
    } finally {
      span.end();
    }
  }

  /** Accepts and discards every span. */
  private static final class NoopExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}

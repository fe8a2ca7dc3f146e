package dev.tracehouse.tracer.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/** A Datadog trace agent on a free port that decodes every {@code PUT /v0.4/traces} it gets. */
final class FakeIntake implements AutoCloseable {

  /** One decoded span; ids as raw 64-bit values. */
  record ReceivedSpan(
      long traceId,
      long spanId,
      long parentId,
      String name,
      String service,
      String resource,
      String type,
      long start,
      long duration,
      int error,
      Map<String, String> meta,
      Map<String, Double> metrics) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  FakeIntake() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<ReceivedSpan> spans() {
    return spans;
  }

  /** Requests that were not a well-formed {@code PUT /v0.4/traces}. */
  List<String> problems() {
    return problems;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      if (!request.equals("PUT /v0.4/traces")) {
        problems.add("unexpected " + request);
      } else {
        decode(body, exchange.getRequestHeaders().getFirst("X-Datadog-Trace-Count"));
      }
      byte[] answer =
          "{\"rate_by_service\":{\"service:,env:\":1}}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private void decode(byte[] body, String traceCount) {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      int chunks = in.unpackArrayHeader();
      if (!String.valueOf(chunks).equals(traceCount)) {
        problems.add("X-Datadog-Trace-Count " + traceCount + " but " + chunks + " chunks");
      }
      for (int c = 0; c < chunks; c++) {
        int size = in.unpackArrayHeader();
        for (int s = 0; s < size; s++) {
          spans.add(toSpan(in.unpackValue().asMapValue().map()));
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add("undecodable body: " + e);
    }
  }

  private static ReceivedSpan toSpan(Map<Value, Value> map) {
    Map<String, Value> fields = new HashMap<>();
    map.forEach((key, value) -> fields.put(key.asStringValue().asString(), value));
    Map<String, String> meta = new HashMap<>();
    fields
        .get("meta")
        .asMapValue()
        .map()
        .forEach((k, v) -> meta.put(k.asStringValue().asString(), v.asStringValue().asString()));
    Map<String, Double> metrics = new HashMap<>();
    fields
        .get("metrics")
        .asMapValue()
        .map()
        .forEach((k, v) -> metrics.put(k.asStringValue().asString(), v.asFloatValue().toDouble()));
    Value type = fields.get("type");
    return new ReceivedSpan(
        fields.get("trace_id").asIntegerValue().toLong(),
        fields.get("span_id").asIntegerValue().toLong(),
        fields.get("parent_id").asIntegerValue().toLong(),
        fields.get("name").asStringValue().asString(),
        fields.get("service").asStringValue().asString(),
        fields.get("resource").asStringValue().asString(),
        type.isNilValue() ? null : type.asStringValue().asString(),
        fields.get("start").asIntegerValue().toLong(),
        fields.get("duration").asIntegerValue().toLong(),
        fields.get("error").asIntegerValue().toInt(),
        meta,
        metrics);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

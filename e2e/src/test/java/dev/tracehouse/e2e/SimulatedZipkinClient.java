package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehouse.e2e.SentTrace.Fate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Zipkin v2 client for one service: traces of a server span and a client span, without any
 * sampling priority, so the agent samples them itself. Not thread-safe: one scheduler thread sends,
 * and the test reads {@link #sent()} afterwards.
 */
final class SimulatedZipkinClient {
  static final String SERVICE = "inventory";

  private final String url;
  private final SplittableRandom random;
  private final List<SentTrace> sent = new ArrayList<>();

  SimulatedZipkinClient(String url, long seed) {
    this.url = url;
    this.random = new SplittableRandom(seed);
  }

  /** Makes {@code traces} traces starting now and posts them in one request. */
  void sendBatch(int traces) {
    long nowMicros = System.currentTimeMillis() * 1000;
    ArrayNode spans = Http.JSON.createArrayNode();
    for (int i = 0; i < traces; i++) {
      long traceId = random.nextLong() >>> 1 | 1;
      long rootId = random.nextLong() >>> 1 | 1;
      long start = nowMicros + i;
      sent.add(new SentTrace(SentTrace.hex(traceId), Fate.NO_PRIORITY, start * 1000));
      spans.add(span(traceId, rootId, 0, start, "SERVER", "get /stock"));
      spans.add(span(traceId, rootId + 1, rootId, start + 1, "CLIENT", "select"));
    }
    try {
      Http.Reply reply = Http.post(url, "application/json", Http.JSON.writeValueAsBytes(spans));
      assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<SentTrace> sent() {
    return sent;
  }

  private static ObjectNode span(
      long traceId, long id, long parentId, long startMicros, String kind, String name) {
    ObjectNode span = Http.JSON.createObjectNode();
    span.put("traceId", String.format("%016x", traceId));
    span.put("id", String.format("%016x", id));
    if (parentId != 0) {
      span.put("parentId", String.format("%016x", parentId));
    }
    span.put("name", name);
    span.put("kind", kind);
    span.put("timestamp", startMicros);
    span.put("duration", 1500);
    span.putObject("localEndpoint").put("serviceName", SERVICE);
    return span;
  }
}

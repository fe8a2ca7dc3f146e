package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the server during continuous v0.4 ingest (issue 4, acceptance 4): after a
 * restart on the same data directory the store opens cleanly and holds every trace that was
 * answered more than the flush interval (1 s, the default) plus a margin before the kill. The
 * sender is paced (10 requests of 90 spans a second) so that the store's other commit trigger, a
 * full row group of 32,768 spans, never fires: only the flush interval makes the traces durable.
 */
class ServerCrashIT {
  private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
  private static final Duration MARGIN = Duration.ofSeconds(3);
  private static final int TRACES_PER_REQUEST = 30;
  private static final long REQUEST_EVERY_NANOS = 100_000_000L;
  private static final int SPANS_PER_TRACE = 3;
  private static final long FIRST_TRACE = 0x0c7a5400000000L;

  /** Traces {@code first} to {@code first + TRACES_PER_REQUEST - 1}, answered 200 at a time. */
  private record Answered(long first, long answeredNanos) {}

  @Test
  void kill9DuringIngest_keepsEveryTraceAnsweredBeforeTheLastFlush() throws Exception {
    List<Answered> answered = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean killed = new AtomicBoolean();
    Path runDir;
    long killedAt;
    try (ServerProcess server = ServerProcess.start(Map.of())) {
      runDir = server.runDir;
      Thread sender = new Thread(() -> send(server, answered, killed), "crash-it-sender");
      sender.start();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> answeredBefore(answered, System.nanoTime() - settle()).size() >= 20);
      JsonNode intake = Http.get(server.web("/api/agent/status")).json().path("intake");
      assertThat(intake.path("datadog").path("spansDropped").asLong())
          .as("nothing may be dropped, or an answered trace need not be stored: %s", intake)
          .isZero();

      killed.set(true);
      killedAt = System.nanoTime();
      server.kill();
      sender.join(Duration.ofSeconds(30).toMillis());
    }

    List<Answered> acknowledged = answeredBefore(answered, killedAt - settle());
    assertThat(acknowledged).as("requests answered before the cutoff").hasSizeGreaterThan(19);
    try (ServerProcess restarted = ServerProcess.start(runDir, Map.of())) {
      JsonNode store = Http.get(restarted.web("/api/agent/status")).json().path("store");
      assertThat(store.path("health").path("ok").asBoolean()).as(store.toString()).isTrue();
      for (Answered a : sample(acknowledged)) {
        for (long trace : new long[] {a.first(), a.first() + TRACES_PER_REQUEST - 1}) {
          Http.Reply reply =
              Http.get(restarted.web("/api/traces/" + String.format("%016x", trace)));
          assertThat(reply.status())
              .as(
                  "trace %x answered %d ms before the kill: %s",
                  trace, (killedAt - a.answeredNanos()) / 1_000_000, restarted.logs())
              .isEqualTo(200);
          assertThat(reply.json().path("spans")).hasSize(SPANS_PER_TRACE);
        }
      }
    }
  }

  private static long settle() {
    return FLUSH_INTERVAL.plus(MARGIN).toNanos();
  }

  private static List<Answered> answeredBefore(List<Answered> answered, long nanos) {
    synchronized (answered) {
      return answered.stream().filter(a -> a.answeredNanos() - nanos < 0).toList();
    }
  }

  /**
   * The last 20 requests before the cutoff (the ones at risk) and about 40 spread over the rest.
   */
  private static List<Answered> sample(List<Answered> acknowledged) {
    int recent = Math.max(0, acknowledged.size() - 20);
    List<Answered> sample = new ArrayList<>(acknowledged.subList(recent, acknowledged.size()));
    for (int i = 0; i < recent; i += Math.max(1, recent / 40)) {
      sample.add(acknowledged.get(i));
    }
    return sample;
  }

  /** PUTs a request of new traces every 100 ms until the server is killed. */
  private static void send(ServerProcess server, List<Answered> answered, AtomicBoolean killed) {
    long next = System.nanoTime();
    for (long first = FIRST_TRACE; !killed.get(); first += TRACES_PER_REQUEST) {
      LockSupport.parkNanos(next - System.nanoTime());
      next += REQUEST_EVERY_NANOS;
      byte[] body = payload(first);
      Http.Reply reply;
      try {
        reply = Http.put(server.intake("/v0.4/traces"), "application/json", body);
      } catch (AssertionError e) {
        if (killed.get()) {
          return;
        }
        throw e;
      }
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      answered.add(new Answered(first, System.nanoTime()));
    }
  }

  /**
   * {@link #TRACES_PER_REQUEST} user-kept traces (root + 2 children) from trace id {@code first}.
   */
  private static byte[] payload(long first) {
    ArrayNode traces = Http.JSON.createArrayNode();
    long now = System.currentTimeMillis() * 1_000_000L;
    for (long t = first; t < first + TRACES_PER_REQUEST; t++) {
      ArrayNode trace = traces.addArray();
      for (int s = 0; s < SPANS_PER_TRACE; s++) {
        ObjectNode span = trace.addObject();
        span.put("trace_id", t);
        span.put("span_id", t * 4 + s + 1);
        span.put("parent_id", s == 0 ? 0 : t * 4 + 1);
        span.put("service", "crash-it");
        span.put("name", s == 0 ? "web.request" : "db.query");
        span.put("resource", "GET /orders/" + (t % 17));
        span.put("type", s == 0 ? "web" : "sql");
        span.put("start", now + s * 1000L);
        span.put("duration", 2_000_000L);
        span.put("error", 0);
        span.putObject("meta").put("marker", Long.toHexString(t));
        if (s == 0) {
          span.putObject("metrics").put("_sampling_priority_v1", 2);
        }
      }
    }
    return traces.toString().getBytes(StandardCharsets.UTF_8);
  }
}

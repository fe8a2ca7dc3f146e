package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.e2e.SentTrace.Fate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Head sampling as a Datadog tracer does it, for one service: each new trace is decided with the
 * rate the agent last returned ({@code rate_by_service} key {@code service:<s>,env:<e>}, else
 * {@code service:,env:}, else 1), keeping it when the Knuth hash of its trace id is below {@code
 * rate * 2^64}; the root then carries {@code _sampling_priority_v1} 1 (and {@code _dd.p.dm} -1) or
 * 0, and {@code _dd.agent_psr} = the rate. Every chunk, kept or not, goes to {@code /v0.4/traces}
 * (the agent's {@code /info} says {@code client_drop_p0s: false}). One trace in 1,000 is kept by
 * the user (priority 2), one in 1,000 dropped by the user (-1); one in 100 has an error span. Not
 * thread-safe: one scheduler thread sends, and the test reads {@link #sent()} afterwards.
 */
final class SimulatedDatadogClient {
  static final String SERVICE = "checkout";
  static final String ENV = "e2e";
  private static final String OWN_KEY = "service:" + SERVICE + ",env:" + ENV;
  private static final String DEFAULT_KEY = "service:,env:";
  private static final long KNUTH_FACTOR = 1111111111111111111L;

  private final String url;
  private final SplittableRandom random;
  private final List<SentTrace> sent = new ArrayList<>();
  private double rate = 1;
  private long count;

  SimulatedDatadogClient(String url, long seed) {
    this.url = url;
    this.random = new SplittableRandom(seed);
  }

  /** Makes {@code traces} traces of two spans starting now, sends them, reads the new rates. */
  void sendBatch(int traces) {
    long now = System.currentTimeMillis() * 1_000_000L;
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(traces);
      for (int i = 0; i < traces; i++) {
        writeTrace(p, now + i * 1000L);
      }
      Http.Reply reply = Http.put(url, "application/msgpack", p.toByteArray());
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      var rates = reply.json().path("rate_by_service");
      rate = rates.path(OWN_KEY).asDouble(rates.path(DEFAULT_KEY).asDouble(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rate the last answer gave this client's service. */
  double rate() {
    return rate;
  }

  List<SentTrace> sent() {
    return sent;
  }

  private void writeTrace(MessageBufferPacker p, long start) throws IOException {
    long n = count++;
    long traceId = nonZero();
    long rootId = nonZero();
    boolean error = n % 100 == 50 || n % 2000 == 500;
    Fate fate;
    int priority;
    if (n % 1000 == 0) {
      fate = Fate.USER_KEPT;
      priority = 2;
    } else if (n % 1000 == 500) {
      fate = Fate.USER_DROPPED;
      priority = -1;
    } else {
      boolean keep = keeps(traceId, rate);
      fate = keep ? Fate.CLIENT_KEPT : error ? Fate.DROPPED_ERROR : Fate.DROPPED;
      priority = keep ? 1 : 0;
    }
    sent.add(new SentTrace(SentTrace.hex(traceId), fate, start));
    Map<String, String> rootMeta = new LinkedHashMap<>();
    rootMeta.put("env", ENV);
    rootMeta.put("span.kind", "server");
    Map<String, Double> rootMetrics = new LinkedHashMap<>();
    rootMetrics.put("_sampling_priority_v1", (double) priority);
    if (priority == 1 || priority == 2) {
      rootMeta.put("_dd.p.dm", priority == 1 ? "-1" : "-4");
    }
    if (priority == 0 || priority == 1) {
      rootMetrics.put("_dd.agent_psr", rate);
    }
    Map<String, String> childMeta =
        error ? Map.of("env", ENV, "error.type", "TimeoutException") : Map.of("env", ENV);
    p.packArrayHeader(2);
    writeSpan(p, traceId, rootId, 0, start, false, rootMeta, rootMetrics);
    writeSpan(p, traceId, nonZero(), rootId, start + 1000, error, childMeta, Map.of());
  }

  private static void writeSpan(
      MessageBufferPacker p,
      long traceId,
      long spanId,
      long parentId,
      long start,
      boolean error,
      Map<String, String> meta,
      Map<String, Double> metrics)
      throws IOException {
    boolean root = parentId == 0;
    p.packMapHeader(12);
    p.packString("service").packString(SERVICE);
    p.packString("name").packString(root ? "web.request" : "cache.get");
    p.packString("resource").packString(root ? "GET /checkout" : "GET cart");
    p.packString("type").packString(root ? "web" : "cache");
    p.packString("trace_id").packLong(traceId);
    p.packString("span_id").packLong(spanId);
    p.packString("parent_id").packLong(parentId);
    p.packString("start").packLong(start);
    p.packString("duration").packLong(root ? 2_000_000 : 1_000_000);
    p.packString("error").packInt(error ? 1 : 0);
    p.packString("meta").packMapHeader(meta.size());
    for (Map.Entry<String, String> e : meta.entrySet()) {
      p.packString(e.getKey()).packString(e.getValue());
    }
    p.packString("metrics").packMapHeader(metrics.size());
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      p.packString(e.getKey()).packDouble(e.getValue());
    }
  }

  /** A random id in [1, 2^63), as dd-java-agent makes them. */
  private long nonZero() {
    long id;
    do {
      id = random.nextLong() >>> 1;
    } while (id == 0);
    return id;
  }

  /** The tracers' rule: keep iff (id * 1111111111111111111) mod 2^64 < rate * 2^64, unsigned. */
  static boolean keeps(long traceId, double rate) {
    if (rate >= 1) {
      return true;
    }
    if (!(rate > 0)) {
      return false;
    }
    double scaled = rate * 0x1p64;
    long threshold = scaled >= 0x1p63 ? (long) (scaled - 0x1p63) + Long.MIN_VALUE : (long) scaled;
    return Long.compareUnsigned(traceId * KNUTH_FACTOR, threshold) < 0;
  }
}

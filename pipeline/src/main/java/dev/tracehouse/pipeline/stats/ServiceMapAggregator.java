package dev.tracehouse.pipeline.stats;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.Span;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Service-map edges computed at ingest ({@code spec/apm-model.md} section 6, items 1-2): for each
 * span whose parent span belongs to another service, one call on the edge parent service → span
 * service, weighted like stats hits ({@code 1/_sample_rate} of the chunk root), an error when the
 * child span is one, and the child's duration in a latency sketch; counted in 10 s buckets by the
 * child's end time, flushed like {@link StatsConcentrator}. Nodes are the services of the stats.
 *
 * <p>A parent may arrive in another chunk, before or after its child (dd-trace-js sends a server
 * span in its own chunk). The last {@code recentSpans} spans seen are remembered as (trace id, span
 * id) → service, and up to {@code recentSpans} children whose parent is not seen yet wait for it; a
 * child whose parent arrives after it has been pushed out (or never) gives no edge and is counted
 * in {@link #unresolvedCalls()}. Inferred peer services (item 3) are not derived. Thread-safe.
 */
public final class ServiceMapAggregator {
  /** Default number of remembered spans (and of waiting children). */
  public static final int DEFAULT_RECENT_SPANS = 100_000;

  /** Cap on children waiting for one parent. */
  static final int MAX_WAITING_PER_PARENT = 1_000;

  /** Chunks up to this size are scanned for a parent before the memory of recent spans. */
  private static final int IN_CHUNK_SCAN = 32;

  /** Cap on distinct edges per bucket. */
  static final int MAX_EDGES_PER_BUCKET = 10_000;

  record EdgeKey(String env, String caller, String callee) {}

  private record SpanRef(long traceLow, long spanId) {}

  private record Call(
      String service, String env, boolean error, long duration, long end, double weight) {}

  private final BucketWindow<Map<EdgeKey, EdgeAggregate>> window;
  private final Map<SpanRef, String> recent;
  private final Map<SpanRef, List<Call>> waiting;
  private long unresolvedCalls;

  public ServiceMapAggregator(Clock clock) {
    this(clock, DEFAULT_RECENT_SPANS);
  }

  /**
   * @param clock decides which buckets are open
   * @param recentSpans how many spans to remember for parents in other chunks, at least 1
   */
  public ServiceMapAggregator(Clock clock, int recentSpans) {
    Objects.requireNonNull(clock, "clock");
    if (recentSpans < 1) {
      throw new IllegalArgumentException("recentSpans must be at least 1, got " + recentSpans);
    }
    this.window = new BucketWindow<>(clock, StatsConcentrator.BUCKET_NANOS, HashMap::new);
    this.recent = new Bounded<>(recentSpans, evicted -> {});
    this.waiting = new Bounded<>(recentSpans, evicted -> unresolvedCalls += evicted.size());
  }

  /** Records the calls of one chunk (all its spans: edges do not need stats eligibility). */
  public void add(List<Span> chunk) {
    Objects.requireNonNull(chunk, "chunk");
    if (chunk.isEmpty()) {
      return;
    }
    Span root = StatsKeys.root(chunk);
    double weight = StatsKeys.weight(root);
    String env = StatsKeys.chunkTag(chunk, root, "env");
    // Parents in the chunk (most of them) are found before taking the lock request threads share.
    String[] callers = new String[chunk.size()];
    for (int i = 0; i < callers.length; i++) {
      callers[i] = callerInChunk(chunk, chunk.get(i));
    }
    synchronized (this) {
      for (Span span : chunk) {
        recent.put(new SpanRef(span.traceId().low(), span.spanId()), span.service());
      }
      for (int i = 0; i < callers.length; i++) {
        Span span = chunk.get(i);
        if (span.parentId() != 0) {
          SpanRef parent = new SpanRef(span.traceId().low(), span.parentId());
          String caller = callers[i] != null ? callers[i] : recent.get(parent);
          Call call =
              new Call(span.service(), env, span.error(), span.duration(), span.end(), weight);
          if (caller == null) {
            wait(parent, call);
          } else {
            record(caller, call);
          }
        }
        if (!waiting.isEmpty()) {
          List<Call> children = waiting.remove(new SpanRef(span.traceId().low(), span.spanId()));
          if (children != null) {
            children.forEach(child -> record(span.service(), child));
          }
        }
      }
    }
  }

  /**
   * The service of the span's parent when it is in the chunk (scanned from the end, the last span
   * with the id winning as in the memory of recent spans); null for a root, a parent elsewhere, or
   * a chunk too large to scan.
   */
  private static String callerInChunk(List<Span> chunk, Span span) {
    if (span.parentId() == 0 || chunk.size() > IN_CHUNK_SCAN) {
      return null;
    }
    long traceLow = span.traceId().low();
    for (int i = chunk.size() - 1; i >= 0; i--) {
      Span candidate = chunk.get(i);
      if (candidate.spanId() == span.parentId() && candidate.traceId().low() == traceLow) {
        return candidate.service();
      }
    }
    return null;
  }

  /** Removes and returns the closed buckets, oldest first (all of them when {@code force}). */
  public synchronized List<ServiceMapBucket> flush(boolean force) {
    List<ServiceMapBucket> out = new ArrayList<>();
    for (Map.Entry<Long, Map<EdgeKey, EdgeAggregate>> bucket : window.flush(force)) {
      List<ServiceEdge> edges = new ArrayList<>();
      bucket.getValue().forEach((key, edge) -> edges.add(edge.toEdge(key)));
      out.add(new ServiceMapBucket(bucket.getKey(), window.size(), edges));
    }
    return out;
  }

  /**
   * Calls that gave no edge: the child waited for a parent that did not come before the child was
   * pushed out of the waiting list (or found it full), or its bucket had the maximum of edges.
   */
  public synchronized long unresolvedCalls() {
    return unresolvedCalls;
  }

  private void wait(SpanRef parent, Call call) {
    List<Call> calls = waiting.computeIfAbsent(parent, p -> new ArrayList<>());
    if (calls.size() < MAX_WAITING_PER_PARENT) {
      calls.add(call);
    } else {
      unresolvedCalls++;
    }
  }

  private void record(String caller, Call call) {
    if (caller.equals(call.service())) {
      return;
    }
    Map<EdgeKey, EdgeAggregate> edges = window.bucketFor(call.end());
    EdgeKey key = new EdgeKey(call.env(), caller, call.service());
    EdgeAggregate edge = edges.get(key);
    if (edge == null) {
      if (edges.size() >= MAX_EDGES_PER_BUCKET) {
        unresolvedCalls++;
        return;
      }
      edge = new EdgeAggregate();
      edges.put(key, edge);
    }
    edge.add(call.duration(), call.error(), call.weight());
  }

  /** An insertion-ordered map that drops its eldest entry beyond {@code capacity}. */
  private static final class Bounded<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int capacity;
    private final transient Consumer<V> onEvict;

    Bounded(int capacity, Consumer<V> onEvict) {
      this.capacity = capacity;
      this.onEvict = onEvict;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      if (size() > capacity) {
        onEvict.accept(eldest.getValue());
        return true;
      }
      return false;
    }
  }
}

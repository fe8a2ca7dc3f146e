package dev.tracehouse.bench.spans;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates realistic spans for store benchmarks, the cardinalities of issue 4: 20 services, 500
 * resources (25 per service, each with a fixed operation and span kind, see {@link
 * ServiceResources}), 10 tags per span (8 meta, 2 metrics), random 64-bit trace and span ids,
 * 128-bit trace ids whose high half carries the start second (as Datadog tracers make them).
 *
 * <p>A trace has 10 spans: an entry {@code servlet.request} in a random service A; A calls two
 * downstream services over HTTP (an {@code http.request} client span in A whose child is the
 * callee's {@code servlet.request}), the first callee queries PostgreSQL and the second Redis; A
 * itself runs a query, a Redis command and a Kafka produce. So 3 spans per trace are service
 * entries (the ones stats count), 5 are HTTP spans. HTTP statuses: 2 % 500 (an error, which the
 * calling client span shares), 3 % 404, else 200; other spans fail 0.5 % of the time and have no
 * status. Start times advance by {@code 1e9 / spansPerSecond} per span from a fixed epoch, so a run
 * simulates that ingest rate. Deterministic for a given seed.
 */
public final class RealisticSpans {

  /** Spans per generated trace. */
  public static final int SPANS_PER_TRACE = 10;

  private static final long EPOCH_NANOS = 1_795_600_000_000_000_000L;

  private final SplittableRandom random;
  private final long nanosPerSpan;
  private long spanIndex;

  /**
   * @param seed the random seed
   * @param spansPerSecond the simulated ingest rate that spaces start times
   */
  public RealisticSpans(long seed, long spansPerSecond) {
    if (spansPerSecond < 1 || spansPerSecond > 1_000_000_000L) {
      throw new IllegalArgumentException("spansPerSecond must be 1..1e9, got " + spansPerSecond);
    }
    this.random = new SplittableRandom(seed);
    this.nanosPerSpan = 1_000_000_000L / spansPerSecond;
  }

  /** The next {@code traces} traces, {@link #SPANS_PER_TRACE} spans each. */
  public List<Span> traces(int traces) {
    List<Span> spans = new ArrayList<>(traces * SPANS_PER_TRACE);
    for (int t = 0; t < traces; t++) {
      addTrace(spans);
    }
    return spans;
  }

  private void addTrace(List<Span> out) {
    long start = EPOCH_NANOS + spanIndex * nanosPerSpan;
    TraceId traceId = new TraceId((start / 1_000_000_000L) << 32, random.nextLong());
    Trace trace = new Trace(traceId, start, out);
    int a = random.nextInt(ServiceResources.SERVICES);
    long root = trace.add(a, ServiceResources.server(random), 0, httpStatus());
    for (int call = 0; call < 2; call++) {
      int slot = ServiceResources.client(random);
      int callee = ServiceResources.callee(a, slot);
      int status = httpStatus();
      long client = trace.add(a, slot, root, status);
      long entry = trace.add(callee, ServiceResources.server(random), client, status);
      trace.add(
          callee,
          call == 0 ? ServiceResources.sql(random) : ServiceResources.redis(random),
          entry,
          0);
    }
    trace.add(a, ServiceResources.sql(random), root, 0);
    trace.add(a, ServiceResources.redis(random), root, 0);
    trace.add(a, ServiceResources.kafka(random), root, 0);
    spanIndex += SPANS_PER_TRACE;
  }

  private int httpStatus() {
    int draw = random.nextInt(100);
    return draw < 2 ? 500 : draw < 5 ? 404 : 200;
  }

  /** The spans of one trace, added in order with start times one span interval apart. */
  private final class Trace {
    private final TraceId traceId;
    private final long start;
    private final List<Span> out;
    private int index;

    Trace(TraceId traceId, long start, List<Span> out) {
      this.traceId = traceId;
      this.start = start;
      this.out = out;
    }

    /** Adds a span of resource {@code slot} of {@code service}; returns its id. */
    long add(int service, int slot, long parentId, int httpStatus) {
      long spanId = nonZero();
      ServiceResources.Resource resource = ServiceResources.of(service, slot);
      boolean error = resource.http() ? httpStatus == 500 : random.nextInt(200) == 0;
      long duration = (long) (Math.exp(13 + 1.5 * random.nextDouble() * random.nextDouble() * 4));
      out.add(
          new Span(
              traceId,
              spanId,
              parentId,
              resource.service(),
              resource.operationName(),
              resource.name(),
              resource.type(),
              start + index++ * nanosPerSpan,
              duration,
              error,
              resource.meta(httpStatus, random),
              Map.of(
                  "_sampling_priority_v1", 1.0, "thread.id", (double) (30 + random.nextInt(400)))));
      return spanId;
    }
  }

  private long nonZero() {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }
}

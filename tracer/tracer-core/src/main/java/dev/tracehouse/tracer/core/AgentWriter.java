package dev.tracehouse.tracer.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues finished chunks and encodes and sends them from one daemon thread. Application threads
 * only add to a lock-free queue and never wait: the writer drains the queue every {@link
 * #FLUSH_INTERVAL_NANOS} (1 s, as dd-java-agent flushes), or as soon as a full batch of {@link
 * #MAX_BATCH} chunks is queued (the application thread that queues the {@code MAX_BATCH}-th chunk
 * wakes it: one {@code unpark} per batch), and at once while batches come out full. Few, large
 * payloads keep the writer's fixed cost per send (the HTTP exchange, the answer's rates) small per
 * trace. The queue is bounded: when it is full, chunks are dropped and counted. A send that fails
 * in a way that may pass later (agent unreachable or timing out, 404, 408, 429, 5xx) is retried up
 * to {@link #MAX_ATTEMPTS} times in all, waiting {@link #FIRST_BACKOFF_NANOS} and then twice as
 * long before each retry; then (or at once for any other answer) the batch is dropped and counted,
 * and the writer pauses for {@link #FAILURE_PAUSE_NANOS}. A batch is encoded once for all its
 * attempts. After a batch is dropped, the agent counts as failing until a send succeeds: what is
 * queued is dropped at once, the queue takes at most {@link #MAX_BATCH} chunks (the next attempt's
 * batch) until then, and the next batch is encoded and sent only when the agent's port accepts a
 * TCP connection (else it is dropped at once, without encoding, HTTP request or retries), so an
 * agent that is down or slow costs the application no more than counting the drops, and the spans
 * it cannot take are not kept alive for seconds. The final flush on {@link #close()} does not retry
 * and stops sending at the first failure. Dropped chunks of priority &lt;= 0 are reported to the
 * agent in the next payload's {@code Datadog-Client-Dropped-P0-Traces}/{@code -Spans} headers.
 * Every successful answer goes to a listener (the sampler reads {@code rate_by_service} from it).
 *
 * <p>Chunks go to {@code /v0.4/traces}; with v0.5 enabled, the writer first asks the agent's {@code
 * /info} (on its own thread, before the first send) and uses {@code /v0.5/traces} if the agent
 * lists it. An agent that cannot be reached is asked again before the next send; one that answers
 * 404 on {@code /v0.5/traces} later is asked again too.
 */
final class AgentWriter implements TraceWriter {

  static final int QUEUE_CAPACITY = 1024;
  static final int MAX_BATCH = 128;
  static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final long FAILURE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final int MAX_ATTEMPTS = 3;
  static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long JOIN_MILLIS = 5000;
  private static final int HTTP_NOT_FOUND = 404;
  private static final int HTTP_REQUEST_TIMEOUT = 408;
  private static final int HTTP_TOO_MANY_REQUESTS = 429;
  private static final int HTTP_SERVER_ERROR = 500;
  private static final Logger LOG = Logger.getLogger(AgentWriter.class.getName());

  private final AgentClient client;
  private final boolean v05Enabled;
  private final Consumer<String> onAnswer;
  private final int capacity;
  private final long flushIntervalNanos;
  private final Queue<List<CoreSpan>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder droppedP0Traces = new LongAdder();
  private final LongAdder droppedP0Spans = new LongAdder();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final MsgPackOutput body = new MsgPackOutput();
  private final V05Encoder v05 = new V05Encoder();
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean failing;
  private TraceEndpoint endpoint;

  /**
   * A writer whose thread is not started yet ({@link #startThread()}).
   *
   * @param v05Enabled whether to use {@code /v0.5/traces} when the agent's {@code /info} lists it
   */
  AgentWriter(AgentClient client, boolean v05Enabled, Consumer<String> onAnswer, int capacity) {
    this(client, v05Enabled, onAnswer, capacity, FLUSH_INTERVAL_NANOS);
  }

  /**
   * Like the four-argument constructor, with another flush interval than {@link
   * #FLUSH_INTERVAL_NANOS}.
   */
  AgentWriter(
      AgentClient client,
      boolean v05Enabled,
      Consumer<String> onAnswer,
      int capacity,
      long flushIntervalNanos) {
    this.client = client;
    this.v05Enabled = v05Enabled;
    this.onAnswer = onAnswer;
    this.capacity = capacity;
    this.flushIntervalNanos = flushIntervalNanos;
    this.thread = new Thread(this::run, "tracehouse-writer");
    thread.setDaemon(true);
  }

  /**
   * Starts a writer that sends to the agent in {@code config}.
   *
   * @param onAnswer receives the body of every successful answer, on the writer thread
   */
  static AgentWriter start(TracerConfig config, Consumer<String> onAnswer) {
    AgentWriter writer =
        new AgentWriter(
            new AgentClient(config.agentHost(), config.agentPort()),
            config.traceAgentV05(),
            onAnswer,
            QUEUE_CAPACITY);
    writer.startThread();
    return writer;
  }

  void startThread() {
    thread.start();
  }

  @Override
  public void write(List<CoreSpan> chunk) {
    if (closed || !reserveSlot()) {
      drop(chunk);
      return;
    }
    queue.offer(chunk);
  }

  /** Chunks the agent accepted. */
  long sentTraces() {
    return sent.get();
  }

  /** Chunks dropped: queue full, agent unreachable or answering an error, or writer closed. */
  long droppedTraces() {
    return dropped.sum();
  }

  /** Dropped priority &lt;= 0 chunks not yet reported to the agent. */
  DroppedP0 unreportedDroppedP0() {
    return new DroppedP0(droppedP0Traces.sum(), droppedP0Spans.sum());
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean reserveSlot() {
    int limit = failing ? Math.min(MAX_BATCH, capacity) : capacity;
    int current;
    do {
      current = queued.get();
      if (current >= limit) {
        return false;
      }
    } while (!queued.compareAndSet(current, current + 1));
    if (current + 1 == MAX_BATCH && !failing) {
      LockSupport.unpark(thread);
    }
    return true;
  }

  private void run() {
    TracerThreads.markInternal();
    while (!closed) {
      long pause = sendNextBatch();
      if (failing) {
        sleep(pause);
      } else if (pause > 0) {
        LockSupport.parkNanos(this, pause); // a full batch queued ends it early
      }
    }
    boolean agentUp = true;
    for (List<List<CoreSpan>> batch = drain(); !batch.isEmpty(); batch = drain()) {
      if (agentUp) {
        TraceEndpoint target = endpoint();
        Attempt attempt = encode(batch, target);
        if (attempt == null) {
          attempt = send(target, batch.size());
        }
        agentUp = attempt.sent();
        if (!agentUp) {
          failed(batch, attempt);
        }
      } else {
        batch.forEach(this::drop);
      }
    }
  }

  /**
   * Sends what is queued, up to {@link #MAX_BATCH} chunks, with retries; returns how long the
   * writer thread should then wait (0: send the next batch at once).
   */
  long sendNextBatch() {
    List<List<CoreSpan>> batch = drain();
    if (batch.isEmpty()) {
      return flushIntervalNanos;
    }
    if (failing && !client.acceptsConnections()) {
      failed(batch, new Attempt(false, true, TraceEndpoint.V04, "the agent's port is closed"));
      dropQueued();
      return FAILURE_PAUSE_NANOS;
    }
    if (!sendWithRetries(batch)) {
      failing = true;
      dropQueued();
      return FAILURE_PAUSE_NANOS;
    }
    failing = false;
    return batch.size() < MAX_BATCH ? flushIntervalNanos : 0;
  }

  private void dropQueued() {
    for (List<List<CoreSpan>> queuedBatch = drain();
        !queuedBatch.isEmpty();
        queuedBatch = drain()) {
      queuedBatch.forEach(this::drop);
    }
  }

  private List<List<CoreSpan>> drain() {
    List<List<CoreSpan>> batch = new ArrayList<>();
    List<CoreSpan> chunk;
    while (batch.size() < MAX_BATCH && (chunk = queue.poll()) != null) {
      queued.decrementAndGet();
      batch.add(chunk);
    }
    return batch;
  }

  /** Sends the batch, retrying with backoff; false when it was dropped in the end. */
  private boolean sendWithRetries(List<List<CoreSpan>> batch) {
    long backoff = FIRST_BACKOFF_NANOS;
    TraceEndpoint encodedFor = null;
    for (int attempt = 1; ; attempt++) {
      TraceEndpoint target = endpoint();
      Attempt result = null;
      if (target != encodedFor) {
        result = encode(batch, target);
        encodedFor = target;
      }
      if (result == null) {
        result = send(target, batch.size());
      }
      if (result.sent()) {
        return true;
      }
      if (!result.retryable() || attempt == MAX_ATTEMPTS || closed) {
        failed(batch, result);
        return false;
      }
      sleep(backoff);
      backoff *= 2;
    }
  }

  /** Waits {@code nanos} even when a full batch wakes the writer meanwhile; ends when closed. */
  private void sleep(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0 && !closed; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
    }
  }

  /** Encodes the batch into the body; returns the failed attempt when it cannot, else null. */
  private Attempt encode(List<List<CoreSpan>> batch, TraceEndpoint target) {
    try {
      body.reset();
      if (target == TraceEndpoint.V05) {
        v05.encode(batch, body);
      } else {
        V04Encoder.encode(batch, body);
      }
      return null;
    } catch (RuntimeException e) {
      return new Attempt(false, false, target, "could not encode: " + e);
    }
  }

  /** Sends the body last encoded, of {@code traceCount} chunks, to {@code target}. */
  private Attempt send(TraceEndpoint target, int traceCount) {
    try {
      DroppedP0 reported = unreportedDroppedP0();
      AgentClient.Response response = client.send(target, body, traceCount, reported);
      int status = response.status();
      if (response.ok()) {
        sent.addAndGet(traceCount);
        droppedP0Traces.add(-reported.traces());
        droppedP0Spans.add(-reported.spans());
        onAnswer.accept(response.body());
        return Attempt.SENT;
      }
      if (status == HTTP_NOT_FOUND) {
        endpoint = null;
      }
      boolean retryable =
          status == HTTP_NOT_FOUND
              || status == HTTP_REQUEST_TIMEOUT
              || status == HTTP_TOO_MANY_REQUESTS
              || status >= HTTP_SERVER_ERROR;
      return new Attempt(false, retryable, target, "the agent answered HTTP " + status);
    } catch (Exception e) {
      return new Attempt(false, true, target, e.toString());
    }
  }

  /**
   * The endpoint to send to: v0.4 unless v0.5 is enabled, then the one the agent's {@code /info}
   * offers (v0.4 for this send when the agent cannot be reached; it is asked again next time).
   */
  private TraceEndpoint endpoint() {
    if (endpoint == null && !v05Enabled) {
      endpoint = TraceEndpoint.V04;
    } else if (endpoint == null) {
      try {
        AgentClient.Response info = client.info();
        endpoint = info.ok() ? TraceEndpoint.fromInfo(info.body()) : TraceEndpoint.V04;
        LOG.log(Level.INFO, "tracehouse: sending traces to {0}", client.url(endpoint.path()));
      } catch (IOException | RuntimeException e) {
        return TraceEndpoint.V04; // not reachable now: asked again before the next send
      }
    }
    return endpoint;
  }

  private void failed(List<List<CoreSpan>> batch, Attempt attempt) {
    batch.forEach(this::drop);
    Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
    LOG.log(
        level,
        "tracehouse: dropped {0} trace(s), could not send to {1}: {2}",
        new Object[] {batch.size(), client.url(attempt.target().path()), attempt.reason()});
  }

  private void drop(List<CoreSpan> chunk) {
    dropped.increment();
    if (!chunk.isEmpty() && chunk.get(0).trace().samplingPriority() <= 0) {
      droppedP0Traces.increment();
      droppedP0Spans.add(chunk.size());
    }
  }

  /** How one send went. */
  private record Attempt(boolean sent, boolean retryable, TraceEndpoint target, String reason) {
    static final Attempt SENT = new Attempt(true, false, null, null);
  }
}

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
 * only add to a lock-free queue and never wait or wake the writer: it drains the queue every {@link
 * #FLUSH_INTERVAL_NANOS} (at once while batches come out full). The queue is bounded: when it is
 * full, or the agent is down, slow or answers an error, chunks are dropped and counted; after a
 * failed send the writer pauses for {@link #FAILURE_PAUSE_NANOS} instead of retrying in a loop, and
 * the final flush on {@link #close()} stops sending at the first failure. Every successful answer
 * goes to a listener (the sampler reads {@code rate_by_service} from it).
 *
 * <p>Chunks go to {@code /v0.4/traces}; with v0.5 enabled, the writer first asks the agent's {@code
 * /info} (on its own thread, before the first send) and uses {@code /v0.5/traces} if the agent
 * lists it. An agent that cannot be reached is asked again before the next send; one that answers
 * 404 on {@code /v0.5/traces} later is asked again too.
 */
final class AgentWriter implements TraceWriter {

  static final int QUEUE_CAPACITY = 1024;
  static final int MAX_BATCH = 128;
  static final long FLUSH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  static final long FAILURE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long JOIN_MILLIS = 5000;
  private static final int HTTP_NOT_FOUND = 404;
  private static final Logger LOG = Logger.getLogger(AgentWriter.class.getName());

  private final AgentClient client;
  private final boolean v05Enabled;
  private final Consumer<String> onAnswer;
  private final int capacity;
  private final Queue<List<CoreSpan>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final LongAdder dropped = new LongAdder();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final MsgPackOutput body = new MsgPackOutput();
  private final V05Encoder v05 = new V05Encoder();
  private final Thread thread;
  private volatile boolean closed;
  private TraceEndpoint endpoint;

  /**
   * A writer whose thread is not started yet ({@link #startThread()}).
   *
   * @param v05Enabled whether to use {@code /v0.5/traces} when the agent's {@code /info} lists it
   */
  AgentWriter(AgentClient client, boolean v05Enabled, Consumer<String> onAnswer, int capacity) {
    this.client = client;
    this.v05Enabled = v05Enabled;
    this.onAnswer = onAnswer;
    this.capacity = capacity;
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
      dropped.increment();
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
    int current;
    do {
      current = queued.get();
      if (current >= capacity) {
        return false;
      }
    } while (!queued.compareAndSet(current, current + 1));
    return true;
  }

  private void run() {
    TracerThreads.markInternal();
    while (!closed) {
      List<List<CoreSpan>> batch = drain();
      if (batch.isEmpty()) {
        LockSupport.parkNanos(this, FLUSH_INTERVAL_NANOS);
      } else if (!send(batch)) {
        LockSupport.parkNanos(this, FAILURE_PAUSE_NANOS);
      } else if (batch.size() < MAX_BATCH) {
        LockSupport.parkNanos(this, FLUSH_INTERVAL_NANOS);
      }
    }
    boolean agentUp = true;
    for (List<List<CoreSpan>> batch = drain(); !batch.isEmpty(); batch = drain()) {
      if (agentUp) {
        agentUp = send(batch);
      } else {
        dropped.add(batch.size());
      }
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

  private boolean send(List<List<CoreSpan>> batch) {
    TraceEndpoint target = endpoint();
    try {
      body.reset();
      if (target == TraceEndpoint.V05) {
        v05.encode(batch, body);
      } else {
        V04Encoder.encode(batch, body);
      }
      AgentClient.Response response = client.send(target, body, batch.size());
      if (response.ok()) {
        sent.addAndGet(batch.size());
        onAnswer.accept(response.body());
        return true;
      }
      if (response.status() == HTTP_NOT_FOUND) {
        endpoint = null;
      }
      failed(batch.size(), target, "the agent answered HTTP " + response.status());
    } catch (Exception e) {
      failed(batch.size(), target, e.toString());
    }
    return false;
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

  private void failed(int chunks, TraceEndpoint target, String reason) {
    dropped.add(chunks);
    Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
    LOG.log(
        level,
        "tracehouse: dropped {0} trace(s), could not send to {1}: {2}",
        new Object[] {chunks, client.url(target.path()), reason});
  }
}

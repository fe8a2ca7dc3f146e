package dev.tracehouse.tracer.core;

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
 */
final class AgentWriter implements TraceWriter {

  static final int QUEUE_CAPACITY = 1024;
  static final int MAX_BATCH = 128;
  static final long FLUSH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  static final long FAILURE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long JOIN_MILLIS = 5000;
  private static final Logger LOG = Logger.getLogger(AgentWriter.class.getName());

  private final AgentClient client;
  private final Consumer<String> onAnswer;
  private final int capacity;
  private final Queue<List<CoreSpan>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final LongAdder dropped = new LongAdder();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final MsgPackOutput body = new MsgPackOutput();
  private final Thread thread;
  private volatile boolean closed;

  AgentWriter(AgentClient client, Consumer<String> onAnswer, int capacity) {
    this.client = client;
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
            new AgentClient(config.agentHost(), config.agentPort()), onAnswer, QUEUE_CAPACITY);
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
    try {
      body.reset();
      V04Encoder.encode(batch, body);
      AgentClient.Response response = client.send(body, batch.size());
      if (response.ok()) {
        sent.addAndGet(batch.size());
        onAnswer.accept(response.body());
        return true;
      }
      failed(batch.size(), "the agent answered HTTP " + response.status());
    } catch (Exception e) {
      failed(batch.size(), e.toString());
    }
    return false;
  }

  private void failed(int chunks, String reason) {
    dropped.add(chunks);
    Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
    LOG.log(
        level,
        "tracehouse: dropped {0} trace(s), could not send to {1}: {2}",
        new Object[] {chunks, client.url(), reason});
  }
}

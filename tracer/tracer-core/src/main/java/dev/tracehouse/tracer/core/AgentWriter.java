package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues finished chunks and sends them from one daemon thread. The queue is bounded: when it is
 * full, or the agent is down, slow or answers an error, chunks are dropped and counted. Application
 * threads only ever {@code offer} to the queue.
 */
final class AgentWriter implements TraceWriter {

  static final int QUEUE_CAPACITY = 1024;
  static final int MAX_BATCH = 128;
  private static final long JOIN_MILLIS = 5000;
  private static final Logger LOG = Logger.getLogger(AgentWriter.class.getName());

  private final AgentClient client;
  private final BlockingQueue<List<SpanData>> queue;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final Thread thread;
  private volatile boolean closed;

  AgentWriter(AgentClient client, int capacity) {
    this.client = client;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "tracehouse-writer");
    thread.setDaemon(true);
  }

  static AgentWriter start(TracerConfig config) {
    AgentWriter writer =
        new AgentWriter(new AgentClient(config.agentHost(), config.agentPort()), QUEUE_CAPACITY);
    writer.startThread();
    return writer;
  }

  void startThread() {
    thread.start();
  }

  @Override
  public void write(List<SpanData> chunk) {
    if (closed || !queue.offer(chunk)) {
      dropped.incrementAndGet();
    }
  }

  /** Chunks the agent accepted. */
  long sentTraces() {
    return sent.get();
  }

  /** Chunks dropped: queue full, agent unreachable or answering an error, or writer closed. */
  long droppedTraces() {
    return dropped.get();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    TracerThreads.markInternal();
    while (!closed) {
      try {
        List<SpanData> first = queue.poll(1, TimeUnit.SECONDS);
        if (first != null) {
          List<List<SpanData>> batch = new ArrayList<>();
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
          send(batch);
        }
      } catch (InterruptedException e) {
        // close() interrupts: fall through to the final flush
      }
    }
    List<List<SpanData>> rest = new ArrayList<>();
    queue.drainTo(rest);
    for (int from = 0; from < rest.size(); from += MAX_BATCH) {
      send(rest.subList(from, Math.min(rest.size(), from + MAX_BATCH)));
    }
  }

  private void send(List<List<SpanData>> batch) {
    try {
      int status = client.send(V04Encoder.encode(batch), batch.size());
      if (status >= 200 && status < 300) {
        sent.addAndGet(batch.size());
        return;
      }
      failed(batch.size(), "the agent answered HTTP " + status);
    } catch (Exception e) {
      failed(batch.size(), e.toString());
    }
  }

  private void failed(int chunks, String reason) {
    dropped.addAndGet(chunks);
    Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
    LOG.log(
        level,
        "tracehouse: dropped {0} trace(s), could not send to {1}: {2}",
        new Object[] {chunks, client.url(), reason});
  }
}

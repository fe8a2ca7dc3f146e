package dev.tracehouse.bench.load;

import com.sun.management.OperatingSystemMXBean;
import dev.tracehouse.bench.payload.V04Payload;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends pre-encoded Datadog v0.4 payloads to {@code PUT http://127.0.0.1:<port>/v0.4/traces} from
 * several threads for a bounded time and prints sent spans/s, response codes and latency
 * percentiles, and its own CPU time per span answered (the share of a shared machine it took from
 * the server). Every request carries trace ids no other request uses and current start times. Each
 * thread keeps one connection ({@link LoopbackHttpClient}) and writes the payload from its array.
 *
 * <p>Usage: {@code IntakeLoadGenerator port=8126 threads=4 seconds=60 priority=2 chunks=100
 * spans=10 rate=0}. Loopback only; {@code seconds} is capped at 120. With {@code rate=N} the
 * requests are due at a fixed pace that offers N spans per second over all threads (a request that
 * is late because every thread was busy is sent at once), so a rate the server can sustain is shown
 * by every payload being accepted; {@code rate=0} sends as fast as answers come back.
 */
public final class IntakeLoadGenerator {
  private static final int MAX_SECONDS = 120;

  private final LoadOptions options;
  private final V04Payload payload;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong spansAnswered200 = new AtomicLong();

  private IntakeLoadGenerator(LoadOptions options) {
    this.options = options;
    this.payload =
        V04Payload.build(options.chunks(), options.spansPerChunk(), true, options.priority());
  }

  public static void main(String[] args) throws InterruptedException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args, MAX_SECONDS);
    } catch (IllegalArgumentException e) {
      System.err.println("IntakeLoadGenerator: " + e.getMessage());
      System.exit(2);
      return;
    }
    new IntakeLoadGenerator(options).run();
  }

  private void run() throws InterruptedException {
    System.out.printf(
        "load: %d threads, %d s, %d chunks x %d spans = %d B per request, priority %d, port %d,"
            + " rate %d spans/s (0 = closed loop)%n",
        options.threads(),
        options.seconds(),
        options.chunks(),
        options.spansPerChunk(),
        payload.bytes().length,
        options.priority(),
        options.port(),
        options.rate());
    long start = System.nanoTime();
    long deadline = start + options.seconds() * 1_000_000_000L;
    List<Sender> senders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      Sender sender = new Sender(start, deadline);
      senders.add(sender);
      Thread t = new Thread(sender, "load-" + i);
      threads.add(t);
      t.start();
    }
    long lastSpans = 0;
    long lastAt = start;
    while (System.nanoTime() < deadline) {
      Thread.sleep(Math.max(1, Math.min(5_000, (deadline - System.nanoTime()) / 1_000_000)));
      long now = System.nanoTime();
      long spans = spansAnswered200.get();
      System.out.printf(
          "t=%5.1fs  %,10.0f spans/s answered 200%n",
          (now - start) / 1e9, (spans - lastSpans) / ((now - lastAt) / 1e9));
      lastSpans = spans;
      lastAt = now;
    }
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(30).toMillis());
      if (t.isAlive()) {
        t.interrupt();
      }
    }
    report(senders, (System.nanoTime() - start) / 1e9);
  }

  private void report(List<Sender> senders, double seconds) {
    Map<String, Long> codes = new TreeMap<>();
    LatencyRecorder latencies = new LatencyRecorder();
    long requests = 0;
    for (Sender s : senders) {
      s.codes.forEach((k, v) -> codes.merge(k, v, Long::sum));
      latencies.addAll(s.latencies);
      requests += s.latencies.count();
    }
    System.out.printf(
        "total: %,d requests, %,d spans answered 200 in %.1f s = %,.0f spans/s%n",
        requests, spansAnswered200.get(), seconds, spansAnswered200.get() / seconds);
    System.out.println("responses: " + codes);
    System.out.println("latency ms: " + latencies.summary());
    long cpuNanos =
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    System.out.printf(
        "generator process CPU: %.1f s = %.2f µs per span answered 200%n",
        cpuNanos / 1e9, spansAnswered200.get() == 0 ? 0 : cpuNanos / 1e3 / spansAnswered200.get());
  }

  /** One client thread: patches its own copy of the payload and sends it until the deadline. */
  private final class Sender implements Runnable {
    private final long start;
    private final long deadline;
    private final byte[] body = new byte[payload.bytes().length];
    private final String[] headers = {
      "Content-Type: application/msgpack",
      "X-Datadog-Trace-Count: " + options.chunks(),
      "Datadog-Meta-Lang: java"
    };
    private final Map<String, Long> codes = new TreeMap<>();
    private final LatencyRecorder latencies = new LatencyRecorder();

    Sender(long start, long deadline) {
      this.start = start;
      this.deadline = deadline;
    }

    @Override
    public void run() {
      try (LoopbackHttpClient client = new LoopbackHttpClient(options.port())) {
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
          long n = sequence.incrementAndGet();
          if (!awaitTurn(n)) {
            break;
          }
          payload.withIds(body, n, System.currentTimeMillis() * 1_000_000L);
          long sentAt = System.nanoTime();
          String code;
          try {
            int status = client.put("/v0.4/traces", headers, body);
            code = Integer.toString(status);
            if (status == 200) {
              spansAnswered200.addAndGet(payload.spans());
            }
          } catch (IOException e) {
            code = e.getClass().getSimpleName();
          }
          latencies.record(System.nanoTime() - sentAt);
          codes.merge(code, 1L, Long::sum);
        }
      }
    }

    /** Waits until request {@code n} (from 1) is due at the offered rate; false past the end. */
    private boolean awaitTurn(long n) {
      if (options.rate() == 0) {
        return true;
      }
      long due = start + (long) ((n - 1) * (double) payload.spans() / options.rate() * 1e9);
      if (due >= deadline) {
        return false;
      }
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      return true;
    }
  }
}

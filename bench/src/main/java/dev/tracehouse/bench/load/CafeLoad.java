package dev.tracehouse.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP load on the cafe from N threads, each with one request in flight, cycling through the
 * workshop's endpoints (list, lookup by name, and the pairing that calls the taster).
 *
 * <p>Closed loop ({@code rate} 0): every thread sends its next request as soon as the previous one
 * answered, so the cafe runs saturated and throughput is the measure. Open loop ({@code rate} &gt;
 * 0): request {@code i} is due at {@code start + i / rate}; the threads take the due times in turn
 * and wait for them, and latency is measured from the due time (a request that could not be sent on
 * time because every thread was busy counts its wait), so the percentiles at a fixed offered rate
 * compare fairly.
 */
final class CafeLoad {
  private static final List<String> PATHS =
      List.of("/beers", "/beers/ipa", "/donuts/glazed", "/pair/beer?name=ipa");

  /** What one measured run produced. */
  record Result(long requests, long failures, double seconds, LatencyRecorder latencies) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private CafeLoad() {}

  /**
   * Sends load for {@code duration}.
   *
   * @param rate requests per second over all threads, or 0 for closed-loop load
   */
  static Result run(int port, int threads, int rate, Duration duration)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long start = System.nanoTime();
    Schedule schedule = new Schedule(start, start + duration.toNanos(), rate);
    List<Worker> workers = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(client, port, i, schedule);
      workers.add(worker);
      Thread thread = new Thread(worker, "cafe-load-" + i);
      running.add(thread);
      thread.start();
    }
    for (Thread thread : running) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    LatencyRecorder latencies = new LatencyRecorder();
    long failures = 0;
    for (Worker worker : workers) {
      latencies.addAll(worker.latencies);
      failures += worker.failures;
    }
    return new Result(latencies.count(), failures, seconds, latencies);
  }

  /** When the next request is due: now (closed loop) or the next slot of a fixed rate. */
  private static final class Schedule {
    private static final long DONE = -1;
    private final long start;
    private final long deadline;
    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong();

    Schedule(long start, long deadline, int rate) {
      this.start = start;
      this.deadline = deadline;
      this.intervalNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
    }

    /** Waits for the next due time and returns it, or {@link #DONE} past the deadline. */
    long awaitNext() {
      if (intervalNanos == 0) {
        long now = System.nanoTime();
        return now < deadline ? now : DONE;
      }
      long due = start + next.getAndIncrement() * intervalNanos;
      if (due >= deadline) {
        return DONE;
      }
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      return due;
    }
  }

  /** One client thread. */
  private static final class Worker implements Runnable {
    private final HttpClient client;
    private final String base;
    private final Schedule schedule;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private int next;
    private long failures;

    Worker(HttpClient client, int port, int first, Schedule schedule) {
      this.client = client;
      this.base = "http://127.0.0.1:" + port;
      this.next = first;
      this.schedule = schedule;
    }

    @Override
    public void run() {
      for (long due = schedule.awaitNext(); due != Schedule.DONE; due = schedule.awaitNext()) {
        String path = PATHS.get(next++ % PATHS.size());
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
        try {
          int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status != 200) {
            failures++;
          }
        } catch (IOException e) {
          failures++;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        latencies.record(System.nanoTime() - due);
      }
    }
  }
}

package dev.tracehouse.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed-loop HTTP load on the cafe: N threads, each with one request in flight, cycling through
 * the workshop's endpoints (list, lookup by name, and the pairing that calls the taster).
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

  static Result run(int port, int threads, Duration duration) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Worker> workers = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(client, port, i, deadline);
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

  /** One client thread. */
  private static final class Worker implements Runnable {
    private final HttpClient client;
    private final String base;
    private final long deadline;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private int next;
    private long failures;

    Worker(HttpClient client, int port, int first, long deadline) {
      this.client = client;
      this.base = "http://127.0.0.1:" + port;
      this.next = first;
      this.deadline = deadline;
    }

    @Override
    public void run() {
      while (System.nanoTime() < deadline) {
        String path = PATHS.get(next++ % PATHS.size());
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
        long sent = System.nanoTime();
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
        latencies.record(System.nanoTime() - sent);
      }
    }
  }
}

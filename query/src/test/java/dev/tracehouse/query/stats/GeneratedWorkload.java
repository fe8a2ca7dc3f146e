package dev.tracehouse.query.stats;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * A seeded hour of traffic: {@code web} (entry operations {@code servlet.request} on three
 * resources with weights 1, 2 and 4, and {@code kafka.consume}; plus measured {@code
 * postgres.query} spans that are not requests) and {@code api} (weights 1 and 8); calls from {@code
 * web}'s {@code GET /b} to {@code api}, from {@code POST /c} to {@code postgres} and from {@code
 * api}'s {@code List} to {@code postgres}, so that each edge has one weight (2, 4, 8); a little
 * {@code staging} traffic. Durations are log-normal around 20 ms; 5 % errors, three times slower.
 * Durations within 3 % of an Apdex threshold (or four times it) are moved 4 % above it, so that a
 * sketch's 1 % bins classify every request as the exact values do.
 */
final class GeneratedWorkload {

  /** 2023-11-14T22:00:00Z, a whole hour. */
  static final long T0_MS = 1_700_006_400_000L;

  static final long HOUR_MS = 3_600_000L;
  static final long T0_NS = T0_MS * 1_000_000;

  static final Duration WEB_APDEX = Duration.ofMillis(25);

  /** web's Apdex threshold is 25 ms; api keeps the default 500 ms. */
  static final StatsConfig CONFIG =
      new StatsConfig(StatsConfig.DEFAULT_APDEX_THRESHOLD, Map.of("web", WEB_APDEX), false);

  private static final long[] THRESHOLDS = {25_000_000L, 500_000_000L};

  private GeneratedWorkload() {}

  static Workload generate(long seed) {
    Random random = new Random(seed);
    Workload w = new Workload();
    String[] webResources = {"GET /a", "GET /b", "POST /c"};
    double[] webWeights = {1, 2, 4};
    for (int i = 0; i < 6000; i++) {
      int r = random.nextInt(3);
      Workload.Request request =
          request(random, "prod", "web", "servlet.request", webResources[r], webWeights[r], true);
      w.requests.add(request);
      if (r == 1 && random.nextDouble() < 0.8) {
        w.calls.add(call(random, request, "api", 0.3, 0.03));
      }
      if (r == 2 && random.nextDouble() < 0.9) {
        w.calls.add(call(random, request, "postgres", 0.1, 0));
        w.requests.add(
            request(random, "prod", "web", "postgres.query", "SELECT ?", request.weight(), false));
      }
    }
    for (int i = 0; i < 500; i++) {
      w.requests.add(request(random, "prod", "web", "kafka.consume", "orders", 1, true));
    }
    for (int i = 0; i < 300; i++) {
      w.requests.add(request(random, "staging", "web", "servlet.request", "GET /a", 1, true));
    }
    for (int i = 0; i < 3000; i++) {
      boolean list = random.nextInt(4) == 0;
      Workload.Request request =
          request(random, "prod", "api", "grpc.server", list ? "List" : "Get", list ? 8 : 1, true);
      w.requests.add(request);
      if (list) {
        w.calls.add(call(random, request, "postgres", 0.2, 0));
      }
    }
    return w;
  }

  private static Workload.Request request(
      Random random,
      String env,
      String service,
      String operation,
      String resource,
      double weight,
      boolean topLevel) {
    boolean error = random.nextDouble() < 0.05;
    double millis = Math.exp(Math.log(20) + random.nextGaussian()) * (error ? 3 : 1);
    long end = T0_NS + (long) (random.nextDouble() * HOUR_MS * 1_000_000);
    return new Workload.Request(
        env,
        service,
        operation,
        resource,
        end,
        awayFromThresholds((long) (millis * 1_000_000) + 1),
        error,
        weight,
        topLevel);
  }

  private static Workload.Call call(
      Random random, Workload.Request parent, String callee, double share, double errorRate) {
    long duration = Math.max(1, (long) (parent.duration() * share * (0.5 + random.nextDouble())));
    return new Workload.Call(
        parent.env(),
        parent.service(),
        callee,
        parent.endNs(),
        duration,
        random.nextDouble() < errorRate,
        parent.weight());
  }

  private static long awayFromThresholds(long nanos) {
    for (long t : THRESHOLDS) {
      for (long edge : new long[] {t, 4 * t}) {
        if (Math.abs((double) nanos / edge - 1) < 0.03) {
          return (long) (edge * 1.04);
        }
      }
    }
    return nanos;
  }
}

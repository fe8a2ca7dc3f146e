package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Learns the traffic of each (service, env) and computes the rates the trace endpoint returns as
 * {@code rate_by_service}, aiming at {@code targetTps} kept traces per second in total (the agent's
 * {@code DD_APM_MAX_TPS}, default 10). Thread-safe.
 *
 * <p>Chunks with an automatic priority (0 or 1) are counted, the client's choice is kept as-is
 * (keep iff priority 1). User priorities (2 and -1) are neither counted nor overridden. Chunks
 * without a priority have a sampler of their own ({@link NoPrioritySampler}), as in the agent, so
 * they do not move these rates. Each chunk weighs {@code 1 / (_sample_rate * _dd1.sr.rapre)} (only
 * a client that pre-samples sets these) plus the per-chunk share of the traces the client said it
 * dropped ({@code Datadog-Client-Dropped-P0-Traces}); {@code _dd.agent_psr} is not used as a weight
 * because clients send their priority-0 chunks too, so those are already counted.
 */
public final class PrioritySampler {
  /** The key of the default rate in {@link #rateByService()}. */
  public static final String DEFAULT_KEY = "service:,env:";

  private static final int MAX_SIGNATURES = 5000;

  private final Clock clock;
  private final RateTracker tracker;

  /**
   * @param clock the time source (inject a fixed or simulated clock in tests)
   * @param targetTps the kept traces per second to aim at, {@code >= 0}
   */
  public PrioritySampler(Clock clock, double targetTps) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!(targetTps >= 0) || Double.isInfinite(targetTps)) {
      throw new IllegalArgumentException("targetTps must be >= 0, got " + targetTps);
    }
    this.tracker = new RateTracker(targetTps, MAX_SIGNATURES);
  }

  /**
   * The rates to return to clients: {@code "service:<s>,env:<e>"} for every (service, env) with
   * recent traffic, then {@value #DEFAULT_KEY} for the others. Sorted by key, default last.
   */
  public synchronized Map<String, Double> rateByService() {
    long now = clock.instant().getEpochSecond();
    Map<String, Double> result = new LinkedHashMap<>(new TreeMap<>(tracker.rates(now)));
    result.put(DEFAULT_KEY, tracker.defaultRate());
    return result;
  }

  /** The current rate for one service and env (the default rate when it has none yet). */
  public synchronized double rate(String service, String env) {
    return tracker.rate(clock.instant().getEpochSecond(), key(service, env));
  }

  /**
   * Counts a chunk that carries a priority and returns the client's decision.
   *
   * @param droppedWeight this chunk's share of the priority-0 traces the client dropped itself
   */
  boolean sampleWithPriority(Chunk chunk, double droppedWeight) {
    if (chunk.priority < 0 || chunk.priority > 1) {
      return chunk.priority > 0;
    }
    String signature = signature(chunk);
    double weight = weight(chunk.root) + droppedWeight;
    synchronized (this) {
      tracker.count(now(), signature, weight);
    }
    return chunk.priority > 0;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private String signature(Chunk chunk) {
    return key(chunk.root.service(), chunk.env);
  }

  static String key(String service, String env) {
    return "service:"
        + Objects.requireNonNullElse(service, "")
        + ",env:"
        + Objects.requireNonNullElse(env, "");
  }

  /** {@code 1 / (_sample_rate * _dd1.sr.rapre)}, ignoring values outside (0, 1]. */
  static double weight(Span root) {
    return 1 / (validRate(root, "_sample_rate") * validRate(root, "_dd1.sr.rapre"));
  }

  private static double validRate(Span span, String key) {
    Double rate = span.metrics().get(key);
    return rate == null || !(rate > 0) || rate > 1 ? 1 : rate;
  }
}

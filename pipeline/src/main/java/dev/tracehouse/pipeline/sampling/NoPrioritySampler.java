package dev.tracehouse.pipeline.sampling;

import java.time.Clock;
import java.util.Objects;

/**
 * Samples the chunks that arrive without a sampling priority (OTLP, Zipkin, old tracers), like the
 * Datadog agent's no-priority sampler: its own rates per (service, env), aiming at the same {@code
 * DD_APM_MAX_TPS} as {@link PrioritySampler}, so this traffic neither reads nor moves the rates
 * Datadog clients get back in {@code rate_by_service}. A chunk is kept when the deterministic
 * {@link RateCheck} on its trace id passes its signature's rate, so the chunks of one trace are
 * kept or dropped together. Each chunk weighs as in {@link PrioritySampler#weight}. Thread-safe.
 */
final class NoPrioritySampler {
  private static final int MAX_SIGNATURES = 5000;

  private final Clock clock;
  private final RateTracker tracker;

  /**
   * @param clock the time source
   * @param targetTps the kept traces per second to aim at, {@code >= 0}
   */
  NoPrioritySampler(Clock clock, double targetTps) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!(targetTps >= 0) || Double.isInfinite(targetTps)) {
      throw new IllegalArgumentException("targetTps must be >= 0, got " + targetTps);
    }
    this.tracker = new RateTracker(targetTps, MAX_SIGNATURES);
  }

  /** Counts a chunk without a priority and decides it with its signature's rate. */
  boolean sample(Chunk chunk) {
    String signature = PrioritySampler.key(chunk.root.service(), chunk.env);
    double weight = PrioritySampler.weight(chunk.root);
    double rate;
    synchronized (this) {
      long now = clock.instant().getEpochSecond();
      tracker.count(now, signature, weight);
      rate = tracker.rate(now, signature);
    }
    return RateCheck.keep(chunk.traceIdLow(), rate);
  }

  /** The current rate for one service and env (the default rate when it has none yet). */
  synchronized double rate(String service, String env) {
    return tracker.rate(clock.instant().getEpochSecond(), PrioritySampler.key(service, env));
  }
}

package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Keeps chunks with an error span that the priority decision dropped, aiming at {@code targetTps}
 * such chunks per second ({@code DD_APM_ERROR_TPS}, default 10; 0 disables it). Like the agent's
 * errors sampler it spreads the target over error signatures (env, root service and name, and the
 * service, name and {@code error.type} of each error span) with the same rate engine as {@link
 * PrioritySampler}, and decides with the deterministic {@link RateCheck} on the trace id, so the
 * chunks of one trace are kept together. Kept roots get metric {@code _dd.errors_sr} = the rate.
 * Thread-safe.
 */
public final class ErrorSampler {
  static final String RATE_KEY = "_dd.errors_sr";
  private static final int MAX_SIGNATURES = 200;

  private final Clock clock;
  private final RateTracker tracker;
  private final boolean enabled;

  /**
   * @param clock the time source
   * @param targetTps error chunks to keep per second, {@code >= 0}; 0 turns the sampler off
   */
  public ErrorSampler(Clock clock, double targetTps) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!(targetTps >= 0) || Double.isInfinite(targetTps)) {
      throw new IllegalArgumentException("error targetTps must be >= 0, got " + targetTps);
    }
    this.tracker = new RateTracker(targetTps, MAX_SIGNATURES);
    this.enabled = targetTps > 0;
  }

  /** Counts a dropped chunk that has an error span; the rate it passed when kept, else empty. */
  OptionalDouble sample(Chunk chunk) {
    if (!enabled || !chunk.hasError) {
      return OptionalDouble.empty();
    }
    String signature = signature(chunk);
    double weight = PrioritySampler.weight(chunk.root);
    double rate;
    synchronized (this) {
      long now = clock.instant().getEpochSecond();
      tracker.count(now, signature, weight);
      rate = tracker.rate(now, signature);
    }
    return RateCheck.keep(chunk.traceIdLow(), rate)
        ? OptionalDouble.of(rate)
        : OptionalDouble.empty();
  }

  private static String signature(Chunk chunk) {
    TreeSet<String> errors = new TreeSet<>();
    for (Span s : chunk.spans) {
      if (s.error()) {
        errors.add(
            s.service() + '\u0000' + s.name() + '\u0000' + s.meta().getOrDefault("error.type", ""));
      }
    }
    return chunk.env
        + '\u0000'
        + chunk.root.service()
        + '\u0000'
        + chunk.root.name()
        + '\u0000'
        + errors;
  }
}

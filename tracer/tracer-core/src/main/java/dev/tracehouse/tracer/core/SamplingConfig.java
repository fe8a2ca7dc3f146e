package dev.tracehouse.tracer.core;

import java.util.List;

/**
 * How new traces are sampled: user rules first ({@code DD_TRACE_SAMPLING_RULES}, then {@code
 * DD_TRACE_SAMPLE_RATE} as a rule that matches everything), kept traces capped by {@code
 * DD_TRACE_RATE_LIMIT} per second; traces no rule matches follow the agent's {@code
 * rate_by_service}.
 *
 * @param rules user rules in order; the first match decides
 * @param sampleRate the global rate, or {@code null} when unset
 * @param rateLimit at most this many traces per second are kept by rules
 */
public record SamplingConfig(List<SamplingRule> rules, Double sampleRate, int rateLimit) {

  public static final int DEFAULT_RATE_LIMIT = 100;

  /** No rules and no global rate: the agent's rates decide. */
  public static final SamplingConfig AGENT_RATES =
      new SamplingConfig(List.of(), null, DEFAULT_RATE_LIMIT);

  public SamplingConfig {
    rules = List.copyOf(rules);
    if (sampleRate != null && !(sampleRate >= 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("sampleRate must be within 0..1: " + sampleRate);
    }
    if (rateLimit < 1) {
      throw new IllegalArgumentException("rateLimit must be at least 1: " + rateLimit);
    }
  }
}

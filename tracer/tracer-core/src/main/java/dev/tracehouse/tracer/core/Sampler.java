package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides whether a new trace is kept, as dd-java-agent does: the first user rule that matches the
 * local root decides (priority 2 and decision maker {@code -3} when its rate and the rate limit let
 * the trace in, else -1); without a matching rule the agent's rate for the root's service and env
 * decides (1 or 0, {@code -1}; {@code -0} before the agent answered). The rate check is
 * deterministic on the trace id (Knuth's multiplicative hash), so every service that samples the
 * same trace at the same rate agrees.
 */
final class Sampler {

  /** Knuth's factor for the deterministic rate check, as Datadog samplers use it. */
  private static final long KNUTH_FACTOR = 1111111111111111111L;

  private static final double TWO_TO_64 = 18446744073709551616.0;
  private static final Logger LOG = Logger.getLogger(Sampler.class.getName());

  private final List<RuleMatcher> rules;
  private final RateLimiter limiter;
  private volatile AgentRates agentRates = AgentRates.DEFAULT;

  /**
   * The last agent-rate decision, shared by traces that get the same one (records are immutable).
   */
  private volatile SamplingDecision lastByAgentRate;

  Sampler(SamplingConfig config, TimeSource time) {
    List<RuleMatcher> compiled = new ArrayList<>();
    config.rules().forEach(rule -> compiled.add(new RuleMatcher(rule)));
    if (config.sampleRate() != null) {
      compiled.add(RuleMatcher.everything(config.sampleRate()));
    }
    this.rules = List.copyOf(compiled);
    this.limiter = new RateLimiter(config.rateLimit(), time);
  }

  /** The decision for a trace whose local root is {@code root} (open or finished). */
  SamplingDecision decide(CoreSpan root, long traceIdLow) {
    synchronized (root) {
      for (RuleMatcher rule : rules) {
        if (rule.matches(root)) {
          return byRule(rule, traceIdLow);
        }
      }
      AgentRates rates = agentRates;
      double rate = rates.rate(root.service(), root.tracer().envOf(root));
      return byAgentRate(keeps(traceIdLow, rate), rate, rates.fromAgent());
    }
  }

  private SamplingDecision byAgentRate(boolean keep, double rate, boolean fromAgent) {
    SamplingDecision last = lastByAgentRate;
    if (last != null
        && last.kept() == keep
        && last.agentRate() == rate
        && (last.knuthRate() != null) == fromAgent) {
      return last;
    }
    SamplingDecision decision = SamplingDecision.byAgentRate(keep, rate, fromAgent);
    lastByAgentRate = decision;
    return decision;
  }

  /** Takes the rates from an agent's answer to a trace request; other answers are ignored. */
  void onAgentResponse(String body) {
    try {
      AgentRates rates = AgentRates.parse(body);
      if (rates != null) {
        agentRates = rates;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "tracehouse: unreadable agent answer ignored: {0}", e.getMessage());
    }
  }

  /** Keep iff {@code traceIdLow * KNUTH_FACTOR mod 2^64 < rate * 2^64} (unsigned). */
  static boolean keeps(long traceIdLow, double rate) {
    if (rate >= 1) {
      return true;
    }
    if (rate <= 0) {
      return false;
    }
    long hash = traceIdLow * KNUTH_FACTOR;
    double unsigned = (hash >>> 1) * 2.0 + (hash & 1);
    return unsigned < rate * TWO_TO_64;
  }

  private SamplingDecision byRule(RuleMatcher rule, long traceIdLow) {
    if (!keeps(traceIdLow, rule.rate())) {
      return SamplingDecision.byRule(false, rule.rate(), Double.NaN);
    }
    boolean allowed = limiter.tryAcquire();
    return SamplingDecision.byRule(allowed, rule.rate(), limiter.effectiveRate());
  }
}

package dev.tracehouse.tracer.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sampling decision of one trace, made once at its local root (or received from upstream) and
 * overridden only by a manual keep or drop. The rates are what the encoder writes on the local root
 * ({@code _dd.agent_psr}, {@code _dd.rule_psr}, {@code _dd.limit_psr}); NaN means absent.
 *
 * @param priority {@code _sampling_priority_v1}: -1 user drop, 0 auto drop, 1 auto keep, 2 user
 *     keep
 * @param decisionMaker {@code _dd.p.dm}, or {@code null}: written only for kept traces
 * @param knuthRate {@code _dd.p.ksr}, the rate a rule or the agent's rates applied, or {@code null}
 */
record SamplingDecision(
    int priority,
    String decisionMaker,
    double agentRate,
    double ruleRate,
    double limitRate,
    String knuthRate) {

  static final String DEFAULT_MECHANISM = "-0";
  static final String AGENT_RATE_MECHANISM = "-1";
  static final String RULE_MECHANISM = "-3";
  static final String MANUAL_MECHANISM = "-4";

  /**
   * Kept or dropped by the agent's rate for the trace's service and env ({@code -1}), or by the
   * default rate 1 before the agent sent any rates ({@code -0}, no {@code _dd.p.ksr}).
   */
  static SamplingDecision byAgentRate(boolean keep, double rate, boolean fromAgent) {
    String mechanism = fromAgent ? AGENT_RATE_MECHANISM : DEFAULT_MECHANISM;
    return new SamplingDecision(
        keep ? 1 : 0,
        keep ? mechanism : null,
        rate,
        Double.NaN,
        Double.NaN,
        fromAgent ? formatRate(rate) : null);
  }

  /**
   * Kept (priority 2, {@code -3}) or dropped (-1) by a user rule; {@code limitRate} is the rate
   * limiter's effective rate when the rule's rate let the trace in, NaN when the rule dropped it.
   */
  static SamplingDecision byRule(boolean keep, double rate, double limitRate) {
    return new SamplingDecision(
        keep ? 2 : -1, keep ? RULE_MECHANISM : null, Double.NaN, rate, limitRate, formatRate(rate));
  }

  /** A manual keep (2, {@code -4}) or drop (-1); the rates of an earlier decision stay. */
  static SamplingDecision manual(boolean keep, SamplingDecision earlier) {
    int priority = keep ? 2 : -1;
    String mechanism = keep ? MANUAL_MECHANISM : null;
    if (earlier == null) {
      return new SamplingDecision(priority, mechanism, Double.NaN, Double.NaN, Double.NaN, null);
    }
    return new SamplingDecision(
        priority,
        mechanism,
        earlier.agentRate,
        earlier.ruleRate,
        earlier.limitRate,
        earlier.knuthRate);
  }

  /** The decision an upstream service propagated. */
  static SamplingDecision upstream(int priority, String decisionMaker) {
    return new SamplingDecision(priority, decisionMaker, Double.NaN, Double.NaN, Double.NaN, null);
  }

  boolean kept() {
    return priority > 0;
  }

  /** Up to 6 decimals without trailing zeros, as Datadog tracers write {@code _dd.p.ksr}. */
  static String formatRate(double rate) {
    return BigDecimal.valueOf(rate)
        .setScale(6, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}

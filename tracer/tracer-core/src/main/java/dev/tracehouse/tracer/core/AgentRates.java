package dev.tracehouse.tracer.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's {@code rate_by_service} answer, {@code {"service:<s>,env:<e>": rate, ...,
 * "service:,env:": fallback}}: looked up case-insensitively by service and env, falling back to the
 * {@code service:,env:} rate, then to 1. Immutable; the writer thread replaces it after every
 * answer.
 */
final class AgentRates {

  /** Before any answer: keep everything. */
  static final AgentRates DEFAULT = new AgentRates(Map.of(), 1, false);

  private static final String FALLBACK_KEY = "service:,env:";

  private final Map<String, Map<String, Double>> byEnvThenService;
  private final double fallback;
  private final boolean fromAgent;

  private AgentRates(
      Map<String, Map<String, Double>> byEnvThenService, double fallback, boolean fromAgent) {
    this.byEnvThenService = byEnvThenService;
    this.fallback = fallback;
    this.fromAgent = fromAgent;
  }

  /**
   * The rates in an agent's JSON answer, or {@code null} when it carries no {@code rate_by_service}
   * object. Keys that are not {@code service:<s>,env:<e>} and values that are not numbers are
   * skipped; rates are clamped to 0..1.
   *
   * @throws IllegalArgumentException when {@code body} is not JSON
   */
  static AgentRates parse(String body) {
    if (!(Json.parse(body) instanceof Map<?, ?> answer)
        || !(answer.get("rate_by_service") instanceof Map<?, ?> rates)) {
      return null;
    }
    Map<String, Map<String, Double>> byEnv = new HashMap<>();
    double fallback = 1;
    for (Map.Entry<?, ?> entry : rates.entrySet()) {
      String key = ((String) entry.getKey()).toLowerCase(Locale.ROOT);
      if (!(entry.getValue() instanceof Double value)) {
        continue;
      }
      double rate = Math.max(0, Math.min(1, value));
      int comma = key.indexOf(",env:");
      if (key.equals(FALLBACK_KEY)) {
        fallback = rate;
      } else if (key.startsWith("service:") && comma >= 0) {
        byEnv
            .computeIfAbsent(key.substring(comma + 5), env -> new HashMap<>())
            .put(key.substring(8, comma), rate);
      }
    }
    return new AgentRates(byEnv, fallback, true);
  }

  /** The rate for a trace whose local root has this service and env ({@code ""} when unset). */
  double rate(String service, String env) {
    Map<String, Double> byService = byEnvThenService.get(env.toLowerCase(Locale.ROOT));
    Double rate = byService == null ? null : byService.get(service.toLowerCase(Locale.ROOT));
    return rate == null ? fallback : rate;
  }

  /** Whether these rates came from the agent (decision maker {@code -1}) or are the default. */
  boolean fromAgent() {
    return fromAgent;
  }
}

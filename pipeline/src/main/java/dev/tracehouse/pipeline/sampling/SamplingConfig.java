package dev.tracehouse.pipeline.sampling;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the agent-side samplers. {@link #from(Map)} reads them from values keyed by the
 * Datadog agent's environment variable names; the server decides where the values come from.
 *
 * @param targetTps kept traces per second the priority sampler aims at ({@code DD_APM_MAX_TPS})
 * @param errorTps error chunks per second the error sampler keeps, 0 = off ({@code
 *     DD_APM_ERROR_TPS})
 * @param rareEnabled whether the rare sampler starts on ({@code DD_APM_ENABLE_RARE_SAMPLER})
 * @param rareTps rare chunks kept per second at most
 * @param rareCooldown how long a combination the rare sampler kept stays "seen"
 * @param maxEps analyzed spans kept per second at most, USER_KEEP excepted ({@code DD_APM_MAX_EPS})
 * @param analyzedSpans fixed extraction rates ({@code DD_APM_ANALYZED_SPANS})
 * @param defaultEnv env of chunks that carry none ({@code DD_ENV} of the agent)
 */
public record SamplingConfig(
    double targetTps,
    double errorTps,
    boolean rareEnabled,
    double rareTps,
    Duration rareCooldown,
    double maxEps,
    AnalyzedSpanRules analyzedSpans,
    String defaultEnv) {

  public SamplingConfig {
    require("DD_APM_MAX_TPS", targetTps, targetTps >= 0, ">= 0");
    require("DD_APM_ERROR_TPS", errorTps, errorTps >= 0, ">= 0");
    require("rare sampler tps", rareTps, rareTps > 0, "> 0");
    require("DD_APM_MAX_EPS", maxEps, maxEps > 0, "> 0");
    Objects.requireNonNull(rareCooldown, "rareCooldown");
    Objects.requireNonNull(analyzedSpans, "analyzedSpans");
    defaultEnv = Objects.requireNonNullElse(defaultEnv, "");
  }

  /** The Datadog agent's defaults: 10 TPS, 10 error TPS, rare off (5 TPS, 5 min), 200 EPS. */
  public static SamplingConfig defaults() {
    return new SamplingConfig(
        10, 10, false, 5, Duration.ofMinutes(5), 200, AnalyzedSpanRules.none(), "");
  }

  /**
   * The defaults overridden by the given values, keyed {@code DD_APM_MAX_TPS}, {@code
   * DD_APM_ERROR_TPS}, {@code DD_APM_ENABLE_RARE_SAMPLER}, {@code DD_APM_MAX_EPS}, {@code
   * DD_APM_ANALYZED_SPANS}, {@code DD_ENV}; other keys are ignored.
   *
   * @throws IllegalArgumentException naming the key and the value that is not valid
   */
  public static SamplingConfig from(Map<String, String> values) {
    SamplingConfig d = defaults();
    return new SamplingConfig(
        number(values, "DD_APM_MAX_TPS", d.targetTps()),
        number(values, "DD_APM_ERROR_TPS", d.errorTps()),
        bool(values, "DD_APM_ENABLE_RARE_SAMPLER", d.rareEnabled()),
        d.rareTps(),
        d.rareCooldown(),
        number(values, "DD_APM_MAX_EPS", d.maxEps()),
        AnalyzedSpanRules.parse(values.get("DD_APM_ANALYZED_SPANS")),
        values.getOrDefault("DD_ENV", d.defaultEnv()));
  }

  private static double number(Map<String, String> values, String key, double fallback) {
    String text = values.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not a number: '" + text + "'", e);
    }
  }

  private static boolean bool(Map<String, String> values, String key, boolean fallback) {
    String text = values.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException(key + ": not a boolean: '" + text + "'");
    }
  }

  private static void require(String key, double value, boolean inRange, String range) {
    if (!inRange || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          key + ": must be a finite number " + range + ", got " + value);
    }
  }
}

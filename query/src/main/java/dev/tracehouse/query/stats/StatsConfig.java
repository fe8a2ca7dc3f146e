package dev.tracehouse.query.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How service statistics are computed: the Apdex threshold per service ({@code spec/apm-model.md}
 * section 4.3). The server reads it from the settings under {@value #PREFIX}.
 *
 * @param apdexThreshold T for services without their own
 * @param serviceThresholds T per service name
 * @param errorsAsFrustrated whether error requests count as frustrated whatever their duration
 */
public record StatsConfig(
    Duration apdexThreshold, Map<String, Duration> serviceThresholds, boolean errorsAsFrustrated) {

  /** Where the settings live; the keys below are relative to it. */
  public static final String PREFIX = "query.stats.";

  /** T for every service without its own, default {@code 500ms}. */
  public static final String APDEX_THRESHOLD = "apdex.threshold";

  /** T per service: {@code cafe=250ms,taster=100ms}; default none. */
  public static final String SERVICE_THRESHOLDS = "apdex.service-thresholds";

  /** {@code true} or {@code false} (default). */
  public static final String ERRORS_AS_FRUSTRATED = "apdex.errors-as-frustrated";

  /** The spec's default T. */
  public static final Duration DEFAULT_APDEX_THRESHOLD = Duration.ofMillis(500);

  private static final Set<String> KEYS =
      Set.of(APDEX_THRESHOLD, SERVICE_THRESHOLDS, ERRORS_AS_FRUSTRATED);

  public StatsConfig {
    Objects.requireNonNull(apdexThreshold, "apdexThreshold");
    serviceThresholds = Map.copyOf(serviceThresholds);
  }

  /** T = 500 ms for every service, errors judged by their duration. */
  public static StatsConfig defaults() {
    return new StatsConfig(DEFAULT_APDEX_THRESHOLD, Map.of(), false);
  }

  /**
   * Reads the settings (keys without {@value #PREFIX}); absent keys keep their defaults.
   *
   * @throws IllegalArgumentException naming the full key and the value when one is unknown or bad
   */
  public static StatsConfig fromOptions(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown setting " + PREFIX + key);
      }
    }
    Duration threshold =
        options.containsKey(APDEX_THRESHOLD)
            ? Durations.parse(PREFIX + APDEX_THRESHOLD, options.get(APDEX_THRESHOLD))
            : DEFAULT_APDEX_THRESHOLD;
    return new StatsConfig(
        threshold,
        thresholds(options.getOrDefault(SERVICE_THRESHOLDS, "")),
        bool(options.getOrDefault(ERRORS_AS_FRUSTRATED, "false")));
  }

  /** The Apdex rule of {@code service}. */
  ApdexThreshold apdexFor(String service) {
    Duration t = serviceThresholds.getOrDefault(service, apdexThreshold);
    return new ApdexThreshold(t.toNanos(), errorsAsFrustrated);
  }

  private static Map<String, Duration> thresholds(String text) {
    Map<String, Duration> out = new LinkedHashMap<>();
    String key = PREFIX + SERVICE_THRESHOLDS;
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String service = eq < 0 ? "" : entry.substring(0, eq).strip();
      if (service.isEmpty()) {
        throw new IllegalArgumentException(
            key + ": expected service=duration pairs separated by commas, got '" + entry + "'");
      }
      out.put(service, Durations.parse(key + " (" + service + ")", entry.substring(eq + 1)));
    }
    return out;
  }

  private static boolean bool(String text) {
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              PREFIX + ERRORS_AS_FRUSTRATED + ": expected true or false, got '" + text + "'");
    };
  }
}

package dev.tracehouse.pipeline.sampling;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The legacy App Analytics extraction rates of {@code DD_APM_ANALYZED_SPANS}: {@code
 * service|operation=rate[,service|operation=rate...]} ({@code spec/apm-model.md} section 8).
 * Lookups ignore case. Immutable.
 */
public final class AnalyzedSpanRules {
  /** The configuration key, named in parse errors. */
  public static final String KEY = "DD_APM_ANALYZED_SPANS";

  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
  private static final AnalyzedSpanRules NONE = new AnalyzedSpanRules(Map.of());
  private final Map<String, Double> rates;

  private AnalyzedSpanRules(Map<String, Double> rates) {
    this.rates = Map.copyOf(rates);
  }

  /** No rules: only spans carrying {@code _dd1.sr.eausr} are analyzed. */
  public static AnalyzedSpanRules none() {
    return NONE;
  }

  /**
   * Parses the configuration value; {@code null} or blank gives {@link #none()}.
   *
   * @throws IllegalArgumentException naming the key and the first malformed token; one bad token
   *     rejects the whole value
   */
  public static AnalyzedSpanRules parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    Map<String, Double> rates = new HashMap<>();
    for (String raw : value.split(",", -1)) {
      String token = raw.strip();
      String[] nameAndRate = token.split("=", -1);
      String[] serviceAndOp = nameAndRate[0].split("\\|", -1);
      if (nameAndRate.length != 2 || serviceAndOp.length != 2) {
        throw malformed(token, "expected service|operation=rate");
      }
      String service = serviceAndOp[0].strip();
      String operation = serviceAndOp[1].strip();
      if (service.isEmpty() || operation.isEmpty()) {
        throw malformed(token, "service and operation must not be empty");
      }
      rates.put(key(service, operation), parseRate(token, nameAndRate[1].strip()));
    }
    return new AnalyzedSpanRules(rates);
  }

  /** The extraction rate configured for a service and operation, ignoring case. */
  public OptionalDouble rate(String service, String operation) {
    Double rate = rates.get(key(service, operation));
    return rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate);
  }

  public boolean isEmpty() {
    return rates.isEmpty();
  }

  private static double parseRate(String token, String text) {
    if (!DECIMAL.matcher(text).matches()) {
      throw malformed(token, "rate '" + text + "' is not a decimal number");
    }
    double rate = Double.parseDouble(text);
    if (!(rate >= 0 && rate <= 1)) {
      throw malformed(token, "rate must be between 0 and 1");
    }
    return rate;
  }

  private static String key(String service, String operation) {
    return (service + '|' + operation).toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException malformed(String token, String why) {
    return new IllegalArgumentException(KEY + ": malformed token '" + token + "': " + why);
  }
}

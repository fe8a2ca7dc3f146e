package dev.tracehouse.query.stats;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written as a number and a unit: {@code 500ms}, {@code 0.5s}, {@code 5m}. Units:
 * {@code ns}, {@code us} (or {@code µs}), {@code ms}, {@code s}, {@code m}, {@code h}, {@code d},
 * {@code w}.
 */
public final class Durations {

  private static final Pattern TEXT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h|d|w)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L,
          "d", 86_400_000_000_000L,
          "w", 604_800_000_000_000L);

  private static final long MAX_NANOS = 365 * 86_400_000_000_000L;

  private Durations() {}

  /**
   * The positive duration {@code text} stands for, rounded down to whole nanoseconds.
   *
   * @param name the parameter or setting, named in the error
   * @throws IllegalArgumentException naming {@code name} and the text when it is not a positive
   *     duration of at most a year
   */
  public static Duration parse(String name, String text) {
    Matcher m = text == null ? null : TEXT.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          name + ": expected a duration such as 500ms, 10s or 5m, got '" + text + "'");
    }
    BigDecimal nanos =
        new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2))));
    if (nanos.compareTo(BigDecimal.ONE) < 0 || nanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
      throw new IllegalArgumentException(
          name + ": must be between 1ns and 365d, got '" + text + "'");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}

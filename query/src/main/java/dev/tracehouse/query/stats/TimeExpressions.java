package dev.tracehouse.query.stats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code from}/{@code to} forms of {@code spec/search-syntax.md} section 3: epoch
 * milliseconds ({@code 1577883600000}), ISO-8601 with an offset ({@code 2020-01-01T13:00:00Z},
 * {@code 2020-01-01T14:00:00+01:00}), {@code now}, or {@code now-<n><unit>} with unit {@code s m h
 * d w} ({@code now-15m}).
 */
public final class TimeExpressions {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
  private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d{1,9})([smhdw]))?");

  private TimeExpressions() {}

  /**
   * Milliseconds since the epoch.
   *
   * @param name the parameter ({@code from}, {@code to}), named in the error
   * @param now the instant {@code now} stands for
   * @throws IllegalArgumentException naming the parameter and the text when it is none of the forms
   */
  public static long parse(String name, String text, Instant now) {
    String t = text == null ? "" : text.strip();
    if (DIGITS.matcher(t).matches()) {
      return Long.parseLong(t);
    }
    Matcher relative = RELATIVE.matcher(t);
    if (relative.matches()) {
      long back =
          relative.group(1) == null
              ? 0
              : Long.parseLong(relative.group(1)) * unitMillis(relative.group(2));
      return now.toEpochMilli() - back;
    }
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          name
              + ": expected epoch milliseconds, an ISO-8601 time with offset"
              + " (2020-01-01T13:00:00Z) or now-<n><s|m|h|d|w>, got '"
              + text
              + "'");
    }
  }

  private static long unitMillis(String unit) {
    return switch (unit) {
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> 604_800_000L;
    };
  }
}

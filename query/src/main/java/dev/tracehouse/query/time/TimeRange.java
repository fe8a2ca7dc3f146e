package dev.tracehouse.query.time;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search window ({@code spec/search-syntax.md} section 3, API forms): {@code from} inclusive,
 * {@code to} exclusive, each given as epoch milliseconds, ISO-8601 with an offset, {@code now} or
 * {@code now-<n><unit>} with units {@code s m h d w}. The default window is {@code now-15m} to
 * {@code now}.
 *
 * @param fromMs the first millisecond of the window, since the epoch
 * @param toMs the first millisecond after it
 */
public record TimeRange(long fromMs, long toMs) {

  /** The default start when {@code from} is absent. */
  public static final String DEFAULT_FROM = "now-15m";

  /** The largest millisecond whose nanosecond value fits a {@code long}. */
  private static final long MAX_MS = Long.MAX_VALUE / 1_000_000;

  private static final Pattern EPOCH_MS = Pattern.compile("[0-9]{1,19}");
  private static final Pattern NOW_MINUS = Pattern.compile("now(?:-([0-9]{1,9})([smhdw]))?");
  private static final Map<String, Duration> UNITS =
      Map.of(
          "s", Duration.ofSeconds(1),
          "m", Duration.ofMinutes(1),
          "h", Duration.ofHours(1),
          "d", Duration.ofDays(1),
          "w", Duration.ofDays(7));

  public TimeRange {
    if (fromMs > toMs) {
      throw new IllegalArgumentException("from (" + fromMs + " ms) is after to (" + toMs + " ms)");
    }
  }

  /**
   * The window of the API parameters; a null or blank value takes its default.
   *
   * @throws IllegalArgumentException naming {@code from} or {@code to} and the bad value
   */
  public static TimeRange parse(String from, String to, Clock clock) {
    long now = clock.millis();
    long fromMs = instant("from", blank(from) ? DEFAULT_FROM : from.strip(), now);
    long toMs = instant("to", blank(to) ? "now" : to.strip(), now);
    return new TimeRange(fromMs, toMs);
  }

  /** The start in nanoseconds since the epoch. */
  public long fromNs() {
    return fromMs * 1_000_000;
  }

  /** The end (exclusive) in nanoseconds since the epoch. */
  public long toNs() {
    return toMs * 1_000_000;
  }

  private static long instant(String name, String text, long now) {
    long ms;
    Matcher relative = NOW_MINUS.matcher(text);
    if (EPOCH_MS.matcher(text).matches()) {
      try {
        ms = Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        ms = Long.MAX_VALUE;
      }
    } else if (relative.matches()) {
      ms =
          relative.group(1) == null
              ? now
              : now - Long.parseLong(relative.group(1)) * UNITS.get(relative.group(2)).toMillis();
    } else {
      try {
        ms = OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException e) {
        throw bad(name, text);
      }
    }
    if (ms < 0 || ms > MAX_MS) {
      throw new IllegalArgumentException(
          name + ": '" + text + "' is outside 1970-01-01 to 2262-04-11");
    }
    return ms;
  }

  private static IllegalArgumentException bad(String name, String text) {
    String shown = text.length() <= 80 ? text : text.substring(0, 80) + "…";
    return new IllegalArgumentException(
        name
            + ": expected epoch milliseconds, ISO-8601 with an offset"
            + " (2020-01-01T13:00:00Z), now or now-<n><s|m|h|d|w>, got '"
            + shown
            + "'");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

package dev.tracehouse.store;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long and how much a store keeps: data older than {@code maxAge} is deleted, and when the
 * store holds more than {@code maxBytes} its oldest data is deleted first. Stores that enforce it
 * say how in their README (what "age" and "bytes" mean there).
 *
 * @param maxAge the age after which data is deleted, positive
 * @param maxBytes the byte budget, positive
 */
public record Retention(Duration maxAge, long maxBytes) {

  /** The property holding {@link #maxAge()}, e.g. {@code 7d}, {@code 12h}, {@code PT30M}. */
  public static final String MAX_AGE = "store.retention.max-age";

  /** The property holding {@link #maxBytes()}, e.g. {@code 10GB}, {@code 512MB}, {@code 4096}. */
  public static final String MAX_BYTES = "store.retention.max-bytes";

  /** Seven days and 10 GiB. */
  public static final Retention DEFAULT = new Retention(Duration.ofDays(7), 10L << 30);

  private static final Pattern AMOUNT =
      Pattern.compile("(\\d{1,18})\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);

  public Retention {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isZero() || maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
  }

  /**
   * Reads the two settings. An age is a whole number with a unit ({@code ms}, {@code s}, {@code m},
   * {@code h}, {@code d}) or an ISO-8601 duration ({@code P7D}); a size is a whole number of bytes,
   * optionally with a binary unit ({@code KB}/{@code KiB} = 1024, {@code MB}, {@code GB}, {@code
   * TB}).
   *
   * @throws IllegalArgumentException naming the key and the bad value
   */
  public static Retention parse(String maxAge, String maxBytes) {
    return new Retention(age(maxAge), bytes(maxBytes));
  }

  private static Duration age(String raw) {
    String text = raw == null ? "" : raw.trim();
    if (text.regionMatches(true, 0, "P", 0, 1)) {
      try {
        return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), MAX_AGE, raw);
      } catch (DateTimeParseException e) {
        throw bad(MAX_AGE, raw, "an ISO-8601 duration such as P7D");
      }
    }
    Matcher m = AMOUNT.matcher(text);
    if (!m.matches()) {
      throw bad(MAX_AGE, raw, "a whole number with a unit ms, s, m, h or d (e.g. 7d)");
    }
    long n = Long.parseLong(m.group(1));
    try {
      Duration age =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw bad(MAX_AGE, raw, "a unit ms, s, m, h or d (e.g. 7d)");
          };
      return positive(age, MAX_AGE, raw);
    } catch (ArithmeticException e) {
      throw bad(MAX_AGE, raw, "a duration that fits in 292 billion years");
    }
  }

  private static long bytes(String raw) {
    Matcher m = AMOUNT.matcher(raw == null ? "" : raw.trim());
    if (!m.matches()) {
      throw bad(MAX_BYTES, raw, "a whole number of bytes, optionally with KB, MB, GB or TB");
    }
    int shift =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "", "b" -> 0;
          case "kb", "kib" -> 10;
          case "mb", "mib" -> 20;
          case "gb", "gib" -> 30;
          case "tb", "tib" -> 40;
          default -> throw bad(MAX_BYTES, raw, "a unit B, KB, MB, GB or TB (e.g. 10GB)");
        };
    long n = Long.parseLong(m.group(1));
    if (n < 1 || n > Long.MAX_VALUE >> shift) {
      throw bad(MAX_BYTES, raw, "a positive size below 8 EiB");
    }
    return n << shift;
  }

  private static Duration positive(Duration age, String key, String raw) {
    if (age.isZero() || age.isNegative()) {
      throw bad(key, raw, "a positive duration");
    }
    return age;
  }

  private static IllegalArgumentException bad(String key, String raw, String expected) {
    return new IllegalArgumentException(key + ": expected " + expected + ", got '" + raw + "'");
  }
}

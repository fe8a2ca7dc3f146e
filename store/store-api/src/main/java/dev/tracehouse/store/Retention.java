package dev.tracehouse.store;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long and how much a store keeps: data older than {@code maxAge} is deleted, and when the
 * store holds more than {@code maxBytes} its oldest data is deleted first. Spans that the
 * pipeline's retention filters did not index (meta {@value #INDEXED_BY} present and empty) are kept
 * only for {@code liveWindow}, unless a span of their trace is indexed ({@code spec/apm-model.md}
 * section 9, ADR 014); spans without the key were not through the filters and keep the full
 * retention. Stores that enforce it say how in their README (what "age" and "bytes" mean there).
 *
 * @param maxAge the age after which data is deleted, positive
 * @param maxBytes the byte budget, positive
 * @param liveWindow how long spans that are not indexed are kept, positive
 */
public record Retention(Duration maxAge, long maxBytes, Duration liveWindow) {

  /** The property holding {@link #maxAge()}, e.g. {@code 7d}, {@code 12h}, {@code PT30M}. */
  public static final String MAX_AGE = "store.retention.max-age";

  /** The property holding {@link #maxBytes()}, e.g. {@code 10GB}, {@code 512MB}, {@code 4096}. */
  public static final String MAX_BYTES = "store.retention.max-bytes";

  /** The property holding {@link #liveWindow()}, e.g. {@code 15m}. */
  public static final String LIVE_WINDOW = "store.retention.live-window";

  /**
   * The span meta key naming the retention filter that indexed a span; empty when no filter did
   * (the span is kept for the live window only).
   */
  public static final String INDEXED_BY = "_dd.retention_filter";

  /** The live window of {@code spec/apm-model.md} section 9. */
  public static final Duration DEFAULT_LIVE_WINDOW = Duration.ofMinutes(15);

  /** Seven days, 10 GiB, a live window of 15 minutes. */
  public static final Retention DEFAULT = new Retention(Duration.ofDays(7), 10L << 30);

  private static final Pattern AMOUNT =
      Pattern.compile("(\\d{1,18})\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);

  public Retention {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(liveWindow, "liveWindow");
    if (maxAge.isZero() || maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    if (liveWindow.isZero() || liveWindow.isNegative()) {
      throw new IllegalArgumentException("liveWindow must be positive, got " + liveWindow);
    }
  }

  /** Limits with the default live window. */
  public Retention(Duration maxAge, long maxBytes) {
    this(maxAge, maxBytes, DEFAULT_LIVE_WINDOW);
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
    return new Retention(duration(MAX_AGE, maxAge), bytes(maxBytes));
  }

  /**
   * Reads the three settings; the live window is a duration like the age.
   *
   * @throws IllegalArgumentException naming the key and the bad value
   */
  public static Retention parse(String maxAge, String maxBytes, String liveWindow) {
    return new Retention(
        duration(MAX_AGE, maxAge), bytes(maxBytes), duration(LIVE_WINDOW, liveWindow));
  }

  private static Duration duration(String key, String raw) {
    String text = raw == null ? "" : raw.trim();
    if (text.regionMatches(true, 0, "P", 0, 1)) {
      try {
        return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), key, raw);
      } catch (DateTimeParseException e) {
        throw bad(key, raw, "an ISO-8601 duration such as P7D");
      }
    }
    Matcher m = AMOUNT.matcher(text);
    if (!m.matches()) {
      throw bad(key, raw, "a whole number with a unit ms, s, m, h or d (e.g. 7d)");
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
            default -> throw bad(key, raw, "a unit ms, s, m, h or d (e.g. 7d)");
          };
      return positive(age, key, raw);
    } catch (ArithmeticException e) {
      throw bad(key, raw, "a duration that fits in 292 billion years");
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

package dev.tracehouse.model;

import java.util.Locale;

/**
 * A 128-bit trace id. Datadog clients send the low 64 bits as {@code trace_id} and the high 64 bits
 * as the {@code _dd.p.tid} tag; a trace id without a known high half has {@code high == 0}.
 *
 * @param high the high 64 bits (0 when unknown)
 * @param low the low 64 bits, as sent in {@code trace_id}; read as unsigned
 */
public record TraceId(long high, long low) implements Comparable<TraceId> {

  /** A trace id made only of its low 64 bits, the form every Datadog client sends. */
  public static TraceId ofLow(long low) {
    return new TraceId(0, low);
  }

  /**
   * Parses a trace id from 32 hex digits (128-bit), 1 to 16 hex digits (low half only), or, when
   * {@code decimal} form is used, an unsigned decimal of up to 20 digits (what {@code
   * x-datadog-trace-id} carries).
   *
   * @throws IllegalArgumentException naming the bad value when it is none of these
   */
  public static TraceId parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("trace id is empty");
    }
    try {
      if (text.length() == 32) {
        return new TraceId(
            Long.parseUnsignedLong(text.substring(0, 16), 16),
            Long.parseUnsignedLong(text.substring(16), 16));
      }
      if (text.length() <= 16) {
        return ofLow(Long.parseUnsignedLong(text, 16));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a trace id: '" + text + "'", e);
    }
    throw new IllegalArgumentException(
        "not a trace id: '" + text + "' (expected 16 or 32 hex digits)");
  }

  /** The id as 32 lower-case hex digits. */
  public String toHex() {
    return hex16(high) + hex16(low);
  }

  /** The low 64 bits as an unsigned decimal, the form of {@code x-datadog-trace-id}. */
  public String lowDecimal() {
    return Long.toUnsignedString(low);
  }

  /** 16 lower-case hex digits, zero-padded. */
  public static String hex16(long value) {
    String s = Long.toHexString(value);
    return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
  }

  @Override
  public int compareTo(TraceId o) {
    int c = Long.compareUnsigned(high, o.high);
    return c != 0 ? c : Long.compareUnsigned(low, o.low);
  }

  @Override
  public String toString() {
    return toHex().toLowerCase(Locale.ROOT);
  }
}

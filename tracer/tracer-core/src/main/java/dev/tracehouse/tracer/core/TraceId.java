package dev.tracehouse.tracer.core;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A 128-bit trace id. Datadog's wire format carries {@code low} as {@code trace_id} and {@code
 * high} as the 16-hex-digit trace tag {@code _dd.p.tid}; {@code high} is 0 for 64-bit ids.
 */
record TraceId(long high, long low) {

  /** A new id like Datadog's: high = start second in the upper 32 bits, low = random non-zero. */
  static TraceId generate(long epochSeconds) {
    return new TraceId(epochSeconds << 32, randomNonZero());
  }

  /** A random id that is never 0 (0 means "no parent" on the wire). */
  static long randomNonZero() {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong();
    } while (id == 0);
    return id;
  }

  /** {@code value} as 16 lower-case hex digits. */
  static String hex(long value) {
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }
}

package dev.tracehouse.tracer.core;

/** Fixed-width hexadecimal ids as propagation headers carry them. */
final class Hex {

  private Hex() {}

  /** {@code value} as 16 lower-case hex digits. */
  static String of(long value) {
    return TraceId.hex(value);
  }

  /**
   * Whether {@code text} is exactly {@code length} hex digits (lower case only unless {@code
   * upperAllowed}).
   */
  static boolean isHex(String text, int length, boolean upperAllowed) {
    if (text == null || text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (!digit && !(upperAllowed && c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** The value of up to 16 hex digits already checked with {@link #isHex}. */
  static long parse(String digits) {
    return Long.parseUnsignedLong(digits, 16);
  }
}

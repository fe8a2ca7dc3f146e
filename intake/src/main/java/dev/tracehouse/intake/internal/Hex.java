package dev.tracehouse.intake.internal;

import java.util.function.Supplier;

/** Not API: strict hex decoding (either case). */
public final class Hex {
  private Hex() {}

  /**
   * @param onError the exception to throw for an odd length or a non-hex character
   */
  public static <E extends RuntimeException> byte[] decode(String text, Supplier<E> onError) {
    if (text.length() % 2 != 0) {
      throw onError.get();
    }
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int high = digit(text.charAt(2 * i));
      int low = digit(text.charAt(2 * i + 1));
      if (high < 0 || low < 0) {
        throw onError.get();
      }
      out[i] = (byte) (high << 4 | low);
    }
    return out;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** The big-endian value of {@code length} bytes starting at {@code from}. */
  public static long toLong(byte[] bytes, int from, int length) {
    long value = 0;
    for (int i = from; i < from + length; i++) {
      value = value << 8 | (bytes[i] & 0xFF);
    }
    return value;
  }
}

package dev.tracehouse.store.duckdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Writes span tags as the UTF-8 bytes of a JSON object, the form of the {@code meta} and {@code
 * metrics} columns, into one reused buffer: a replacement for a JSON library generator per span
 * (see RATIONALE.md), one per thread that encodes {@link SpanRows}. Non-finite metrics are written
 * as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which {@link TagsJson}
 * reads back as numbers. Not thread-safe.
 */
final class TagsJsonWriter {

  private static final byte[] EMPTY = {'{', '}'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final double MAX_EXACT_LONG = 0x1p53;
  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  private byte[] buf = new byte[1024];
  private String[] keys = new String[16];
  private int len;

  /**
   * {@code meta} without the keys in {@code left}, as a JSON object of strings with its keys in
   * {@link String#compareTo} order: the same keys give the same layout in every process (a map's
   * iteration order may change between runs), which ZSTD compresses better (ADR 017).
   */
  byte[] meta(Map<String, String> meta, Set<String> left) {
    int n = 0;
    for (String key : meta.keySet()) {
      if (!left.contains(key)) {
        if (n == keys.length) {
          keys = Arrays.copyOf(keys, n * 2);
        }
        keys[n++] = key;
      }
    }
    if (n == 0) {
      return EMPTY;
    }
    Arrays.sort(keys, 0, n);
    len = 0;
    put('{');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        put(',');
      }
      string(keys[i]);
      put(':');
      string(meta.get(keys[i]));
    }
    put('}');
    Arrays.fill(keys, 0, n, null);
    return Arrays.copyOf(buf, len);
  }

  /** {@code metrics} as a JSON object of numbers (non-finite ones as strings). */
  byte[] metrics(Map<String, Double> metrics) {
    if (metrics.isEmpty()) {
      return EMPTY;
    }
    len = 0;
    put('{');
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      if (len > 1) {
        put(',');
      }
      string(e.getKey());
      put(':');
      number(e.getValue());
    }
    put('}');
    return Arrays.copyOf(buf, len);
  }

  private void number(double value) {
    if (!Double.isFinite(value)) {
      string(Double.toString(value));
    } else if (value == Math.rint(value)
        && Math.abs(value) < MAX_EXACT_LONG
        && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO) {
      ascii(Long.toString((long) value));
    } else {
      ascii(Double.toString(value));
    }
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** {@code s} as a JSON string: quotes, escapes for {@code "}, {@code \} and controls, UTF-8. */
  private void string(String s) {
    ensure(s.length() * 6 + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else if (c < 0x80) {
        escape(c);
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | c >> 6);
        buf[len++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | cp >> 18);
        buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
        buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
        buf[len++] = (byte) (0x80 | cp & 0x3f);
      } else {
        char bmp = Character.isSurrogate(c) ? '\ufffd' : c;
        buf[len++] = (byte) (0xe0 | bmp >> 12);
        buf[len++] = (byte) (0x80 | bmp >> 6 & 0x3f);
        buf[len++] = (byte) (0x80 | bmp & 0x3f);
      }
    }
    buf[len++] = '"';
  }

  private void escape(char c) {
    buf[len++] = '\\';
    switch (c) {
      case '"' -> buf[len++] = '"';
      case '\\' -> buf[len++] = '\\';
      case '\n' -> buf[len++] = 'n';
      case '\r' -> buf[len++] = 'r';
      case '\t' -> buf[len++] = 't';
      default -> {
        buf[len++] = 'u';
        buf[len++] = '0';
        buf[len++] = '0';
        buf[len++] = HEX[c >> 4];
        buf[len++] = HEX[c & 0xf];
      }
    }
  }

  private void put(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}

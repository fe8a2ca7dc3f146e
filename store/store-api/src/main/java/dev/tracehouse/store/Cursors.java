package dev.tracehouse.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The text form of search cursors: {@code kind:n1:n2:...} in base64url without padding. Decoding
 * checks everything and fails with an {@link IllegalArgumentException} whose message starts with
 * {@code cursor:}.
 */
final class Cursors {

  private static final int MAX_LENGTH = 512;

  private Cursors() {}

  static String encode(String kind, long... values) {
    StringBuilder text = new StringBuilder(kind);
    for (long v : values) {
      text.append(':').append(v);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code count} numbers of a cursor of {@code kind}. */
  static long[] decode(String cursor, String kind, int count) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw invalid("expected a cursor returned by a previous page");
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("not a cursor returned by a previous page (bad encoding)");
    }
    String[] parts = text.split(":", -1);
    if (parts.length != count + 1 || !parts[0].equals(kind)) {
      throw invalid("not a cursor for this search and sort order");
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      try {
        values[i] = Long.parseLong(parts[i + 1]);
      } catch (NumberFormatException e) {
        throw invalid("not a cursor returned by a previous page (bad value)");
      }
    }
    return values;
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("cursor: " + why);
  }
}

package dev.tracehouse.intake.otlp;

import com.fasterxml.jackson.core.JsonToken;
import dev.tracehouse.intake.internal.JsonCursor;
import java.nio.ByteBuffer;

/**
 * Counts, in an OTLP/JSON request, the elements of every array under a given key (e.g. all {@code
 * logRecords}), validating that the body is one JSON object.
 */
final class OtlpJsonCounter {
  private OtlpJsonCounter() {}

  /**
   * @param arrayKey the normalised key (lower case, no underscores) of the arrays to count
   */
  static long count(byte[] body, String arrayKey) {
    JsonCursor c = JsonCursor.over(ByteBuffer.wrap(body));
    c.next();
    if (!c.startObject("request")) {
      throw c.error("request: expected an object, got null");
    }
    long count = object(c, arrayKey);
    c.expectEnd();
    return count;
  }

  private static long object(JsonCursor c, String arrayKey) {
    long count = 0;
    while (c.nextField()) {
      if (c.key().equals(arrayKey) && c.token() == JsonToken.START_ARRAY) {
        while (c.nextElement()) {
          count++;
          c.skipValue();
        }
      } else {
        count += value(c, arrayKey);
      }
    }
    return count;
  }

  private static long value(JsonCursor c, String arrayKey) {
    if (c.token() == JsonToken.START_OBJECT) {
      return object(c, arrayKey);
    }
    long count = 0;
    if (c.token() == JsonToken.START_ARRAY) {
      while (c.nextElement()) {
        count += value(c, arrayKey);
      }
    }
    return count;
  }
}

package dev.tracehouse.tracer.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of {@code redis.raw_command}: the parts separated by spaces, each part cut to {@value
 * #MAX_PART} characters and the whole to {@value #MAX_LENGTH}, a cut marked by {@code ...} (how the
 * trace agent's quantizer recognises a truncated command).
 */
final class RawCommand {

  static final int MAX_PART = 100;
  static final int MAX_LENGTH = 1000;

  private static final String CUT = "...";

  private RawCommand() {}

  static String format(List<byte[]> parts) {
    StringBuilder text = new StringBuilder();
    for (byte[] raw : parts) {
      String part = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
      if (part.length() > MAX_PART) {
        part = part.substring(0, MAX_PART) + CUT;
      }
      int separator = text.length() == 0 ? 0 : 1;
      if (text.length() + separator + part.length() > MAX_LENGTH) {
        return text.append(separator == 0 ? "" : " ").append(CUT).toString();
      }
      text.append(separator == 0 ? "" : " ").append(part);
    }
    return text.toString();
  }
}

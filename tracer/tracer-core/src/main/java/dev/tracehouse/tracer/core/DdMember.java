package dev.tracehouse.tracer.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of the {@code dd=} tracestate member: {@code key:value} pairs separated by {@code ;}.
 */
final class DdMember {

  private DdMember() {}

  /** The pairs of {@code value} (null gives none); pairs without {@code :} are skipped. */
  static Map<String, String> parse(String value) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (value == null) {
      return pairs;
    }
    for (String pair : value.split(";")) {
      int colon = pair.indexOf(':');
      if (colon > 0) {
        pairs.put(pair.substring(0, colon), pair.substring(colon + 1));
      }
    }
    return pairs;
  }
}

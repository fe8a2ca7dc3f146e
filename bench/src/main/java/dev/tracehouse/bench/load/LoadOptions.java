package dev.tracehouse.bench.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * The load generator's {@code key=value} arguments.
 *
 * @param port the Datadog intake port on 127.0.0.1
 * @param threads client threads, each with one request in flight
 * @param seconds how long to send
 * @param priority the chunks' {@code _sampling_priority_v1}: 1 auto keep, 2 user keep
 * @param chunks traces per request
 * @param spansPerChunk spans per trace
 */
record LoadOptions(
    int port, int threads, int seconds, int priority, int chunks, int spansPerChunk) {

  static LoadOptions parse(String[] args, int maxSeconds) {
    Map<String, String> given = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
      }
      given.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    LoadOptions o =
        new LoadOptions(
            number(given, "port", 8126, 1, 65535),
            number(given, "threads", 4, 1, 64),
            number(given, "seconds", 60, 1, maxSeconds),
            number(given, "priority", 2, -1, 2),
            number(given, "chunks", 100, 1, 256),
            number(given, "spans", 10, 1, 1000));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + given.keySet());
    }
    return o;
  }

  private static int number(Map<String, String> given, String key, int dflt, int min, int max) {
    String v = given.remove(key);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be a whole number " + min + ".." + max + ", got '" + v + "'");
  }
}

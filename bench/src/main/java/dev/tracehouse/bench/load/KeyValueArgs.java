package dev.tracehouse.bench.load;

import java.util.Map;
import java.util.TreeMap;

/** The {@code key=value} command-line arguments of the bench tools, validated one key at a time. */
final class KeyValueArgs {
  private final Map<String, String> given = new TreeMap<>();

  KeyValueArgs(String[] args) {
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
      }
      given.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
  }

  int number(String key, int dflt, int min, int max) {
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

  boolean flag(String key, boolean dflt) {
    String v = given.remove(key);
    if (v == null) {
      return dflt;
    }
    switch (v.trim()) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }
  }

  String text(String key, String dflt) {
    String v = given.remove(key);
    if (v != null && v.isBlank()) {
      throw new IllegalArgumentException(key + " must not be blank");
    }
    return v == null ? dflt : v.trim();
  }

  /** Fails when an argument was given that no {@code number}/{@code text} call asked for. */
  void requireAllUsed() {
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + given.keySet());
    }
  }
}

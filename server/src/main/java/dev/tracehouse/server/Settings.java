package dev.tracehouse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracehouse.store.Retention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's settings, resolved in order: built-in defaults, then {@code tracehouse.yaml}, then
 * environment variables. Property {@code store.duckdb.path} is env {@code STORE_DUCKDB_PATH}. Only
 * known keys are accepted; a bad key or value fails start-up with a message naming it. Every value
 * is one text; {@link RetentionFiltersSetting#KEY} may be a YAML list, kept as its JSON text.
 */
final class Settings {

  /** Every key the server understands, with its default ("" = derived or unset). */
  static final Map<String, String> DEFAULTS = defaults();

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("intake.host", "127.0.0.1");
    d.put("intake.datadog.port", "8126");
    d.put("intake.otlp.port", "4318");
    d.put("intake.zipkin.port", "9411");
    d.put("intake.max-payload-bytes", "26214400");
    d.put("web.host", "127.0.0.1");
    d.put("web.port", "8080");
    d.put("store.type", "duckdb");
    d.put("data.dir", "data");
    d.put("store.duckdb.path", "");
    d.put("store.duckdb.flush-interval-ms", "1000");
    d.put("store.duckdb.queue-capacity", "");
    d.put("store.memory.max-spans", "");
    d.put("store.memory.max-stats-rows", "");
    d.put(Retention.MAX_AGE, "7d");
    d.put(Retention.MAX_BYTES, "10GB");
    d.put(Retention.LIVE_WINDOW, "15m");
    d.put(RetentionFiltersSetting.KEY, "");
    d.put("query.stats.apdex.threshold", "500ms");
    d.put("query.stats.apdex.service-thresholds", "");
    d.put("query.stats.apdex.errors-as-frustrated", "false");
    return Map.copyOf(d);
  }

  /**
   * Loads settings.
   *
   * @param yaml the YAML file to read, or null when there is none
   * @param env the environment (normally {@link System#getenv()})
   */
  static Settings load(Path yaml, Map<String, String> env) {
    Map<String, String> values = new TreeMap<>(DEFAULTS);
    if (yaml != null) {
      values.putAll(readYaml(yaml));
    }
    for (String key : DEFAULTS.keySet()) {
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) {
        values.put(key, fromEnv.trim());
      }
    }
    return new Settings(values);
  }

  /** The environment variable that overrides {@code key}. */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  String string(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalStateException("no such setting: " + key);
    }
    return v;
  }

  int port(String key) {
    long v = number(key);
    if (v < 0 || v > 65535) {
      throw bad(key, "a port between 0 and 65535");
    }
    return (int) v;
  }

  long positive(String key) {
    long v = number(key);
    if (v <= 0) {
      throw bad(key, "a positive number");
    }
    return v;
  }

  /** The settings under {@code prefix}, with the prefix removed and empty values left out. */
  Map<String, String> under(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && !v.isEmpty()) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  /**
   * The store's retention limits ({@code store.retention.*}).
   *
   * @throws IllegalArgumentException naming the key, its env variable and the bad value
   */
  Retention retention() {
    try {
      return Retention.parse(
          string(Retention.MAX_AGE), string(Retention.MAX_BYTES), string(Retention.LIVE_WINDOW));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage()
              + " (env "
              + envName(Retention.MAX_AGE)
              + " / "
              + envName(Retention.MAX_BYTES)
              + " / "
              + envName(Retention.LIVE_WINDOW)
              + ")",
          e);
    }
  }

  private long number(String key) {
    try {
      return Long.parseLong(string(key));
    } catch (NumberFormatException e) {
      throw bad(key, "a whole number");
    }
  }

  private IllegalArgumentException bad(String key, String expected) {
    return new IllegalArgumentException(
        "setting "
            + key
            + " (env "
            + envName(key)
            + ") must be "
            + expected
            + ", got '"
            + values.get(key)
            + "'");
  }

  private static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> flat = new TreeMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new IllegalArgumentException(file + ": expected a mapping of settings at the top");
      }
      flatten("", root, flat, file);
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      if (key.equals(RetentionFiltersSetting.KEY) && e.getValue().isArray()) {
        out.put(key, e.getValue().toString()); // read by RetentionFiltersSetting
      } else if (e.getValue().isObject()) {
        flatten(key + ".", e.getValue(), out, file);
      } else if (!DEFAULTS.containsKey(key)) {
        throw new IllegalArgumentException(
            file + ": unknown setting '" + key + "'; known: " + new TreeMap<>(DEFAULTS).keySet());
      } else if (!e.getValue().isValueNode()) {
        throw new IllegalArgumentException(file + ": setting '" + key + "' must be a single value");
      } else {
        out.put(key, e.getValue().asText());
      }
    }
  }
}

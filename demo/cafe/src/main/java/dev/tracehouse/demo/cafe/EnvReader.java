package dev.tracehouse.demo.cafe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** Reads typed values from environment variables; errors name the variable and its value. */
final class EnvReader {

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  String text(String key, String defaultValue) {
    String value = env.getOrDefault(key, defaultValue).trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(key + " must not be blank");
    }
    return value;
  }

  int port(String key, int defaultValue) {
    int port = integer(key, defaultValue);
    if (port < 1 || port > 65_535) {
      throw invalid(key, "a port in 1..65535");
    }
    return port;
  }

  int positiveInt(String key, int defaultValue) {
    int value = integer(key, defaultValue);
    if (value < 1) {
      throw invalid(key, "a positive number");
    }
    return value;
  }

  URI url(String key, String defaultValue) {
    String value = text(key, defaultValue);
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw invalid(key, "an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(key, "an http(s) URL");
    }
  }

  private int integer(String key, int defaultValue) {
    String value = env.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "a number");
    }
  }

  private IllegalArgumentException invalid(String key, String expected) {
    return new IllegalArgumentException(
        key + " must be " + expected + ", got '" + env.get(key) + "'");
  }
}

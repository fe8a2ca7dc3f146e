package dev.tracehouse.tracer.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one setting at a time from a system property ({@code dd.trace.agent.port}) or, when the
 * property is unset or blank, the environment variable named after it ({@code
 * DD_TRACE_AGENT_PORT}). An invalid value is reported once to {@code problems}, naming both keys
 * and the value, and the fallback is used: reading never throws.
 */
final class ConfigSource {

  private final Function<String, String> properties;
  private final Function<String, String> environment;
  private final Consumer<String> problems;

  ConfigSource(
      Function<String, String> properties,
      Function<String, String> environment,
      Consumer<String> problems) {
    this.properties = properties;
    this.environment = environment;
    this.problems = problems;
  }

  static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** The trimmed value, property first; blank counts as unset ({@code null}). */
  String raw(String property) {
    String value = properties.apply(property);
    if (value == null || value.isBlank()) {
      value = environment.apply(envName(property));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  String text(String property, String fallback) {
    String value = raw(property);
    return value == null ? fallback : value;
  }

  int integer(String property, int min, int max, int fallback) {
    String value = raw(property);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    report(property, value, "an integer " + min + ".." + max, "using " + fallback);
    return fallback;
  }

  /** A number within 0..1, or {@code null} when unset or invalid. */
  Double rate(String property) {
    String value = raw(property);
    if (value == null) {
      return null;
    }
    try {
      double rate = Double.parseDouble(value);
      if (rate >= 0 && rate <= 1) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    report(property, value, "a number 0..1", "ignored");
    return null;
  }

  /** {@code true}/{@code false} (any case) or {@code 1}/{@code 0}. */
  boolean bool(String property, boolean fallback) {
    String value = raw(property);
    if (value == null) {
      return fallback;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
        return false;
      default:
        report(property, value, "true or false", "using " + fallback);
        return fallback;
    }
  }

  /** {@code key:value} pairs separated by commas or spaces; bad entries are reported, skipped. */
  Map<String, String> tags(String property) {
    String value = raw(property);
    Map<String, String> tags = new LinkedHashMap<>();
    if (value == null) {
      return tags;
    }
    for (String entry : value.split("[,\\s]+")) {
      int colon = entry.indexOf(':');
      if (colon > 0 && colon < entry.length() - 1) {
        tags.put(entry.substring(0, colon), entry.substring(colon + 1));
      } else if (!entry.isEmpty()) {
        report(property, entry, "key:value", "entry ignored");
      }
    }
    return tags;
  }

  /** An {@code http://host[:port]} URL, or {@code null} when unset or invalid. */
  URI httpUrl(String property) {
    String value = raw(property);
    if (value == null) {
      return null;
    }
    try {
      URI url = new URI(value);
      if ("http".equalsIgnoreCase(url.getScheme()) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    report(property, value, "http://host:port", "ignored");
    return null;
  }

  /**
   * A comma-separated style list; {@code none} means no styles. Each unknown name is reported and
   * ignored; when nothing valid remains, {@code fallback}.
   */
  List<PropagationStyle> styles(String property, List<PropagationStyle> fallback) {
    String value = raw(property);
    if (value == null) {
      return fallback;
    }
    List<PropagationStyle> styles = new ArrayList<>();
    boolean none = false;
    for (String name : value.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      if (name.trim().equalsIgnoreCase("none")) {
        none = true;
        continue;
      }
      PropagationStyle.named(name)
          .ifPresentOrElse(
              style -> {
                if (!styles.contains(style)) {
                  styles.add(style);
                }
              },
              () ->
                  report(
                      property,
                      name.trim(),
                      "datadog, tracecontext, b3multi, b3 or none",
                      "style ignored"));
    }
    return styles.isEmpty() && !none ? fallback : styles;
  }

  /** Reports a problem that is not about the shape of a single value (a bad JSON rule, ...). */
  void report(String message) {
    problems.accept(message);
  }

  private void report(String property, String value, String expected, String consequence) {
    problems.accept(
        "tracehouse: invalid "
            + property
            + " / "
            + envName(property)
            + " = '"
            + value
            + "' (expected "
            + expected
            + "), "
            + consequence);
  }
}

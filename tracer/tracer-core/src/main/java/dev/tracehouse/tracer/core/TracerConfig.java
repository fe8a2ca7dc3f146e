package dev.tracehouse.tracer.core;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The tracer's settings, read once from system properties ({@code dd.service}, ...) and environment
 * variables ({@code DD_SERVICE}, ...); a system property wins over the environment variable. An
 * invalid value is reported (key and value) and replaced by the default.
 *
 * @param service service name of every span ({@code DD_SERVICE})
 * @param env deployment environment, or {@code null} ({@code DD_ENV})
 * @param version application version, or {@code null} ({@code DD_VERSION})
 * @param agentHost host of the trace agent ({@code DD_AGENT_HOST})
 * @param agentPort port of the trace agent ({@code DD_TRACE_AGENT_PORT})
 */
public record TracerConfig(
    String service, String env, String version, String agentHost, int agentPort) {

  public static final String DEFAULT_SERVICE = "unnamed-java-app";
  public static final String DEFAULT_AGENT_HOST = "localhost";
  public static final int DEFAULT_AGENT_PORT = 8126;

  private static final Logger LOG = Logger.getLogger(TracerConfig.class.getName());

  public TracerConfig {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(agentHost, "agentHost");
    if (agentPort < 1 || agentPort > 65535) {
      throw new IllegalArgumentException("agentPort out of range 1..65535: " + agentPort);
    }
  }

  /** Reads the real system properties and environment; problems are logged as warnings. */
  public static TracerConfig fromEnvironment() {
    return from(System::getProperty, System::getenv, LOG::warning);
  }

  /**
   * Reads the settings from the given sources.
   *
   * @param properties looks up a system property such as {@code dd.agent.host}
   * @param environment looks up an environment variable such as {@code DD_AGENT_HOST}
   * @param problems receives one message per invalid value
   */
  public static TracerConfig from(
      Function<String, String> properties,
      Function<String, String> environment,
      Consumer<String> problems) {
    Source source = new Source(properties, environment, problems);
    return new TracerConfig(
        source.text("dd.service", DEFAULT_SERVICE),
        source.text("dd.env", null),
        source.text("dd.version", null),
        source.text("dd.agent.host", DEFAULT_AGENT_HOST),
        source.port("dd.trace.agent.port", DEFAULT_AGENT_PORT));
  }

  private record Source(
      Function<String, String> properties,
      Function<String, String> environment,
      Consumer<String> problems) {

    /** The raw value of a key, property first, then the env var named after it; blank = unset. */
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

    int port(String property, int fallback) {
      String value = raw(property);
      if (value == null) {
        return fallback;
      }
      try {
        int port = Integer.parseInt(value);
        if (port >= 1 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.accept(
          "tracehouse: invalid "
              + property
              + " / "
              + envName(property)
              + " = '"
              + value
              + "' (expected a port 1..65535), using "
              + fallback);
      return fallback;
    }

    static String envName(String property) {
      return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
  }
}

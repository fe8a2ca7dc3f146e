package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;
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
 * @param injectStyles header styles written on outgoing calls ({@code
 *     DD_TRACE_PROPAGATION_STYLE_INJECT}, else {@code DD_TRACE_PROPAGATION_STYLE})
 * @param extractStyles header styles read from incoming calls, first valid wins ({@code
 *     DD_TRACE_PROPAGATION_STYLE_EXTRACT}, else {@code DD_TRACE_PROPAGATION_STYLE})
 */
public record TracerConfig(
    String service,
    String env,
    String version,
    String agentHost,
    int agentPort,
    List<PropagationStyle> injectStyles,
    List<PropagationStyle> extractStyles) {

  public static final String DEFAULT_SERVICE = "unnamed-java-app";
  public static final String DEFAULT_AGENT_HOST = "localhost";
  public static final int DEFAULT_AGENT_PORT = 8126;

  /** dd-java-agent's default for both directions. */
  public static final List<PropagationStyle> DEFAULT_STYLES =
      List.of(PropagationStyle.DATADOG, PropagationStyle.TRACECONTEXT);

  static final String STYLE = "dd.trace.propagation.style";

  private static final Logger LOG = Logger.getLogger(TracerConfig.class.getName());

  public TracerConfig {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(agentHost, "agentHost");
    if (agentPort < 1 || agentPort > 65535) {
      throw new IllegalArgumentException("agentPort out of range 1..65535: " + agentPort);
    }
    injectStyles = List.copyOf(injectStyles);
    extractStyles = List.copyOf(extractStyles);
  }

  /** Settings with the default propagation styles. */
  public TracerConfig(String service, String env, String version, String agentHost, int agentPort) {
    this(service, env, version, agentHost, agentPort, DEFAULT_STYLES, DEFAULT_STYLES);
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
    List<PropagationStyle> styles = source.styles(STYLE, DEFAULT_STYLES);
    return new TracerConfig(
        source.text("dd.service", DEFAULT_SERVICE),
        source.text("dd.env", null),
        source.text("dd.version", null),
        source.text("dd.agent.host", DEFAULT_AGENT_HOST),
        source.port("dd.trace.agent.port", DEFAULT_AGENT_PORT),
        source.styles(STYLE + ".inject", styles),
        source.styles(STYLE + ".extract", styles));
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
                    problems.accept(
                        "tracehouse: invalid style '"
                            + name.trim()
                            + "' in "
                            + property
                            + " / "
                            + envName(property)
                            + " (expected datadog, tracecontext, b3multi, b3 or none), ignored"));
      }
      return styles.isEmpty() && !none ? fallback : styles;
    }

    static String envName(String property) {
      return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
  }
}

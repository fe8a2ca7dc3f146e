package dev.tracehouse.tracer.core;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The tracer's settings, read once from system properties ({@code dd.service}, ...) and environment
 * variables ({@code DD_SERVICE}, ...); a system property wins over the environment variable, as in
 * dd-java-agent. An invalid value is reported (key and value) and replaced by the default.
 *
 * @param service service name of every span ({@code DD_SERVICE})
 * @param env deployment environment, or {@code null} ({@code DD_ENV})
 * @param version application version, or {@code null} ({@code DD_VERSION})
 * @param agentHost host of the trace agent ({@code DD_AGENT_HOST}, or from {@code
 *     DD_TRACE_AGENT_URL})
 * @param agentPort port of the trace agent ({@code DD_TRACE_AGENT_PORT}, or from {@code
 *     DD_TRACE_AGENT_URL})
 * @param tags meta added to every span that has no tag of that name ({@code DD_TAGS})
 * @param injectStyles header styles written on outgoing calls ({@code
 *     DD_TRACE_PROPAGATION_STYLE_INJECT}, else {@code DD_TRACE_PROPAGATION_STYLE})
 * @param extractStyles header styles read from incoming calls, first valid wins ({@code
 *     DD_TRACE_PROPAGATION_STYLE_EXTRACT}, else {@code DD_TRACE_PROPAGATION_STYLE})
 * @param sampling rules, global rate and rate limit ({@code DD_TRACE_SAMPLING_RULES}, {@code
 *     DD_TRACE_SAMPLE_RATE}, {@code DD_TRACE_RATE_LIMIT})
 * @param logsInjection whether the active span's ids go into the logging MDC ({@code
 *     DD_LOGS_INJECTION})
 * @param traceId128Logging whether a 128-bit trace id is logged as 32 hex digits instead of the
 *     decimal low 64 bits ({@code DD_TRACE_128_BIT_TRACEID_LOGGING_ENABLED})
 * @param partialFlushMinSpans finished spans of a trace that is still open that are sent early once
 *     there are this many; 0 turns partial flush off ({@code DD_TRACE_PARTIAL_FLUSH_MIN_SPANS})
 * @param traceAgentV05 whether the writer uses {@code /v0.5/traces} when the agent's {@code /info}
 *     lists it ({@code DD_TRACE_AGENT_V0_5_ENABLED}, off by default as in dd-java-agent)
 */
public record TracerConfig(
    String service,
    String env,
    String version,
    String agentHost,
    int agentPort,
    Map<String, String> tags,
    List<PropagationStyle> injectStyles,
    List<PropagationStyle> extractStyles,
    SamplingConfig sampling,
    boolean logsInjection,
    boolean traceId128Logging,
    int partialFlushMinSpans,
    boolean traceAgentV05) {

  public static final String DEFAULT_SERVICE = "unnamed-java-app";
  public static final String DEFAULT_AGENT_HOST = "localhost";
  public static final int DEFAULT_AGENT_PORT = 8126;
  public static final int DEFAULT_PARTIAL_FLUSH_MIN_SPANS = 1000;

  /** dd-java-agent's default for both directions. */
  public static final List<PropagationStyle> DEFAULT_STYLES =
      List.of(PropagationStyle.DATADOG, PropagationStyle.TRACECONTEXT);

  static final String STYLE = "dd.trace.propagation.style";

  public TracerConfig {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(agentHost, "agentHost");
    Objects.requireNonNull(sampling, "sampling");
    if (agentPort < 1 || agentPort > 65535) {
      throw new IllegalArgumentException("agentPort out of range 1..65535: " + agentPort);
    }
    if (partialFlushMinSpans < 0) {
      throw new IllegalArgumentException("partialFlushMinSpans < 0: " + partialFlushMinSpans);
    }
    tags = Map.copyOf(tags);
    injectStyles = List.copyOf(injectStyles);
    extractStyles = List.copyOf(extractStyles);
  }

  /** Settings with the given propagation styles and every other setting at its default. */
  public TracerConfig(
      String service,
      String env,
      String version,
      String agentHost,
      int agentPort,
      List<PropagationStyle> injectStyles,
      List<PropagationStyle> extractStyles) {
    this(
        service,
        env,
        version,
        agentHost,
        agentPort,
        Map.of(),
        injectStyles,
        extractStyles,
        SamplingConfig.AGENT_RATES,
        true,
        true,
        DEFAULT_PARTIAL_FLUSH_MIN_SPANS,
        false);
  }

  /** Settings with every other setting at its default. */
  public TracerConfig(String service, String env, String version, String agentHost, int agentPort) {
    this(service, env, version, agentHost, agentPort, DEFAULT_STYLES, DEFAULT_STYLES);
  }

  /** A copy with other sampling settings. */
  public TracerConfig withSampling(SamplingConfig newSampling) {
    return new TracerConfig(
        service,
        env,
        version,
        agentHost,
        agentPort,
        tags,
        injectStyles,
        extractStyles,
        newSampling,
        logsInjection,
        traceId128Logging,
        partialFlushMinSpans,
        traceAgentV05);
  }

  /** A copy with another partial-flush threshold. */
  public TracerConfig withPartialFlushMinSpans(int minSpans) {
    return new TracerConfig(
        service,
        env,
        version,
        agentHost,
        agentPort,
        tags,
        injectStyles,
        extractStyles,
        sampling,
        logsInjection,
        traceId128Logging,
        minSpans,
        traceAgentV05);
  }

  /** Reads the real system properties and environment; problems go to standard error. */
  public static TracerConfig fromEnvironment() {
    return from(System::getProperty, System::getenv, System.err::println);
  }

  /**
   * One {@code true}/{@code false} setting of an integration, read like every other setting (system
   * property, then environment variable; an invalid value is reported to standard error and {@code
   * fallback} is used).
   */
  public static boolean flag(String property, boolean fallback) {
    return new ConfigSource(System::getProperty, System::getenv, System.err::println)
        .bool(property, fallback);
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
    ConfigSource source = new ConfigSource(properties, environment, problems);
    List<PropagationStyle> styles = source.styles(STYLE, DEFAULT_STYLES);
    URI agentUrl = source.httpUrl("dd.trace.agent.url");
    String host = source.text("dd.agent.host", DEFAULT_AGENT_HOST);
    int port = source.integer("dd.trace.agent.port", 1, 65535, DEFAULT_AGENT_PORT);
    if (agentUrl != null) {
      host = agentUrl.getHost();
      port = agentUrl.getPort() > 0 ? agentUrl.getPort() : DEFAULT_AGENT_PORT;
    }
    return new TracerConfig(
        source.text("dd.service", DEFAULT_SERVICE),
        source.text("dd.env", null),
        source.text("dd.version", null),
        host,
        port,
        source.tags("dd.tags"),
        source.styles(STYLE + ".inject", styles),
        source.styles(STYLE + ".extract", styles),
        sampling(source),
        source.bool("dd.logs.injection", true),
        source.bool("dd.trace.128.bit.traceid.logging.enabled", true),
        source.integer(
            "dd.trace.partial.flush.min.spans",
            0,
            Integer.MAX_VALUE,
            DEFAULT_PARTIAL_FLUSH_MIN_SPANS),
        source.bool("dd.trace.agent.v0.5.enabled", false));
  }

  private static SamplingConfig sampling(ConfigSource source) {
    String rulesKey = "dd.trace.sampling.rules";
    String rulesJson = source.raw(rulesKey);
    List<SamplingRule> rules =
        rulesJson == null
            ? List.of()
            : SamplingRules.parse(
                rulesJson, rulesKey + " / " + ConfigSource.envName(rulesKey), source::report);
    return new SamplingConfig(
        rules,
        source.rate("dd.trace.sample.rate"),
        source.integer(
            "dd.trace.rate.limit", 1, Integer.MAX_VALUE, SamplingConfig.DEFAULT_RATE_LIMIT));
  }
}

package dev.tracehouse.tracer.core;

import static dev.tracehouse.tracer.core.PropagationStyle.B3MULTI;
import static dev.tracehouse.tracer.core.PropagationStyle.B3SINGLE;
import static dev.tracehouse.tracer.core.PropagationStyle.DATADOG;
import static dev.tracehouse.tracer.core.PropagationStyle.TRACECONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracerConfigTest {

  private final List<String> problems = new ArrayList<>();

  private TracerConfig read(Map<String, String> properties, Map<String, String> environment) {
    return TracerConfig.from(properties::get, environment::get, problems::add);
  }

  @Test
  void from_usesDefaultsWhenNothingIsSet() {
    TracerConfig config = read(Map.of(), Map.of());

    assertThat(config)
        .isEqualTo(new TracerConfig("unnamed-java-app", null, null, "localhost", 8126));
    assertThat(problems).isEmpty();
  }

  @Test
  void from_readsEnvironmentVariables() {
    TracerConfig config =
        read(
            Map.of(),
            Map.of(
                "DD_SERVICE", "cafe",
                "DD_ENV", "workshop",
                "DD_VERSION", "1.2.3",
                "DD_AGENT_HOST", "intake",
                "DD_TRACE_AGENT_PORT", "9126"));

    assertThat(config).isEqualTo(new TracerConfig("cafe", "workshop", "1.2.3", "intake", 9126));
  }

  @Test
  void from_prefersSystemPropertyOverEnvironment() {
    TracerConfig config =
        read(
            Map.of("dd.service", "taster", "dd.trace.agent.port", "7000"),
            Map.of("DD_SERVICE", "cafe", "DD_TRACE_AGENT_PORT", "9126"));

    assertThat(config.service()).isEqualTo("taster");
    assertThat(config.agentPort()).isEqualTo(7000);
  }

  @Test
  void from_reportsNonNumericPortAndUsesDefault() {
    TracerConfig config = read(Map.of(), Map.of("DD_TRACE_AGENT_PORT", "eighty"));

    assertThat(config.agentPort()).isEqualTo(8126);
    assertThat(problems)
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("DD_TRACE_AGENT_PORT", "'eighty'", "8126");
  }

  @Test
  void from_reportsOutOfRangePort() {
    TracerConfig config = read(Map.of("dd.trace.agent.port", "70000"), Map.of());

    assertThat(config.agentPort()).isEqualTo(8126);
    assertThat(problems).singleElement().asString().contains("dd.trace.agent.port", "70000");
  }

  @Test
  void from_treatsBlankAsUnset() {
    TracerConfig config = read(Map.of("dd.service", " "), Map.of("DD_AGENT_HOST", ""));

    assertThat(config.service()).isEqualTo("unnamed-java-app");
    assertThat(config.agentHost()).isEqualTo("localhost");
  }

  @Test
  void from_defaultsToDatadogAndTracecontextBothWays() {
    TracerConfig config = read(Map.of(), Map.of());

    assertThat(config.injectStyles()).containsExactly(DATADOG, TRACECONTEXT);
    assertThat(config.extractStyles()).containsExactly(DATADOG, TRACECONTEXT);
  }

  @Test
  void from_readsStyleListForBothDirections() {
    TracerConfig config =
        read(Map.of(), Map.of("DD_TRACE_PROPAGATION_STYLE", " B3multi , tracecontext,b3,b3multi"));

    assertThat(config.injectStyles()).containsExactly(B3MULTI, TRACECONTEXT, B3SINGLE);
    assertThat(config.extractStyles()).isEqualTo(config.injectStyles());
    assertThat(problems).isEmpty();
  }

  @Test
  void from_letsInjectAndExtractVariantsOverrideTheGeneralStyle() {
    TracerConfig config =
        read(
            Map.of("dd.trace.propagation.style.extract", "b3 single header"),
            Map.of(
                "DD_TRACE_PROPAGATION_STYLE", "tracecontext",
                "DD_TRACE_PROPAGATION_STYLE_INJECT", "datadog,b3single",
                "DD_TRACE_PROPAGATION_STYLE_EXTRACT", "datadog"));

    assertThat(config.injectStyles()).containsExactly(DATADOG, B3SINGLE);
    assertThat(config.extractStyles()).containsExactly(B3SINGLE);
  }

  @Test
  void from_acceptsNoneForNoPropagation() {
    TracerConfig config = read(Map.of(), Map.of("DD_TRACE_PROPAGATION_STYLE_INJECT", "none"));

    assertThat(config.injectStyles()).isEmpty();
    assertThat(config.extractStyles()).containsExactly(DATADOG, TRACECONTEXT);
  }

  @Test
  void from_reportsEachInvalidStyleOnceAndIgnoresIt() {
    TracerConfig config =
        read(Map.of(), Map.of("DD_TRACE_PROPAGATION_STYLE", "jaeger,tracecontext,,x-ray"));

    assertThat(config.injectStyles()).containsExactly(TRACECONTEXT);
    assertThat(config.extractStyles()).containsExactly(TRACECONTEXT);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("DD_TRACE_PROPAGATION_STYLE", "'jaeger'");
    assertThat(problems.get(1)).contains("'x-ray'");
  }

  @Test
  void from_usesGeneralStylesWhenAVariantHasNoValidName() {
    TracerConfig config =
        read(
            Map.of(),
            Map.of(
                "DD_TRACE_PROPAGATION_STYLE", "b3multi",
                "DD_TRACE_PROPAGATION_STYLE_EXTRACT", "bogus"));

    assertThat(config.extractStyles()).containsExactly(B3MULTI);
    assertThat(problems).singleElement().asString().contains("DD_TRACE_PROPAGATION_STYLE_EXTRACT");
  }

  @Test
  void from_readsEverySettingAsSystemPropertyOrEnvironmentVariable() {
    Map<String, String> settings =
        Map.of(
            "dd.tags", "team:coffee, region:eu team2:beans",
            "dd.trace.sample.rate", "0.25",
            "dd.trace.sampling.rules", "[{\"service\": \"cafe\", \"sample_rate\": 0.5}]",
            "dd.trace.rate.limit", "7",
            "dd.logs.injection", "false",
            "dd.trace.128.bit.traceid.logging.enabled", "0",
            "dd.trace.partial.flush.min.spans", "50",
            "dd.trace.agent.v0.5.enabled", "true");
    Map<String, String> environment = new java.util.HashMap<>();
    settings.forEach((key, value) -> environment.put(ConfigSource.envName(key), value));

    for (TracerConfig config : List.of(read(settings, Map.of()), read(Map.of(), environment))) {
      assertThat(config.tags())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("team", "coffee", "region", "eu", "team2", "beans"));
      assertThat(config.sampling())
          .isEqualTo(
              new SamplingConfig(
                  List.of(new SamplingRule("cafe", null, null, Map.of(), 0.5)), 0.25, 7));
      assertThat(config.logsInjection()).isFalse();
      assertThat(config.traceId128Logging()).isFalse();
      assertThat(config.partialFlushMinSpans()).isEqualTo(50);
      assertThat(config.traceAgentV05()).isTrue();
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void from_defaultsMatchDdJavaAgent() {
    TracerConfig config = read(Map.of(), Map.of());

    assertThat(config.tags()).isEmpty();
    assertThat(config.sampling()).isEqualTo(SamplingConfig.AGENT_RATES);
    assertThat(config.sampling().rateLimit()).isEqualTo(100);
    assertThat(config.logsInjection()).isTrue();
    assertThat(config.traceId128Logging()).isTrue();
    assertThat(config.partialFlushMinSpans()).isEqualTo(1000);
    assertThat(config.traceAgentV05()).isFalse();
  }

  @Test
  void from_takesHostAndPortFromTheAgentUrl() {
    TracerConfig config =
        read(
            Map.of("dd.trace.agent.url", "http://intake.local:9126"),
            Map.of("DD_AGENT_HOST", "other", "DD_TRACE_AGENT_PORT", "1234"));
    TracerConfig withoutPort = read(Map.of(), Map.of("DD_TRACE_AGENT_URL", "http://intake"));

    assertThat(config.agentHost()).isEqualTo("intake.local");
    assertThat(config.agentPort()).isEqualTo(9126);
    assertThat(withoutPort.agentPort()).isEqualTo(8126);
  }

  @Test
  void from_reportsEachInvalidValueOnceWithKeyAndValueAndIgnoresIt() {
    TracerConfig config =
        read(
            Map.of(),
            Map.of(
                "DD_TRACE_SAMPLE_RATE", "2",
                "DD_TRACE_RATE_LIMIT", "0",
                "DD_LOGS_INJECTION", "maybe",
                "DD_TRACE_PARTIAL_FLUSH_MIN_SPANS", "-1",
                "DD_TAGS", "a:b,nocolon",
                "DD_TRACE_AGENT_URL", "unix:///var/run/datadog/apm.socket",
                "DD_TRACE_SAMPLING_RULES", "[{\"sample_rate\": 3}]",
                "DD_TRACE_AGENT_V0_5_ENABLED", "yes"));

    assertThat(config.sampling()).isEqualTo(SamplingConfig.AGENT_RATES);
    assertThat(config.logsInjection()).isTrue();
    assertThat(config.partialFlushMinSpans()).isEqualTo(1000);
    assertThat(config.tags()).containsExactly(org.assertj.core.api.Assertions.entry("a", "b"));
    assertThat(config.agentHost()).isEqualTo("localhost");
    assertThat(config.traceAgentV05()).isFalse();
    assertThat(problems)
        .hasSize(8)
        .anySatisfy(p -> assertThat(p).contains("DD_TRACE_AGENT_V0_5_ENABLED", "'yes'"))
        .anySatisfy(p -> assertThat(p).contains("DD_TRACE_SAMPLE_RATE", "'2'"))
        .anySatisfy(p -> assertThat(p).contains("DD_TRACE_RATE_LIMIT", "'0'"))
        .anySatisfy(p -> assertThat(p).contains("DD_LOGS_INJECTION", "'maybe'"))
        .anySatisfy(p -> assertThat(p).contains("DD_TRACE_PARTIAL_FLUSH_MIN_SPANS", "'-1'"))
        .anySatisfy(p -> assertThat(p).contains("DD_TAGS", "'nocolon'"))
        .anySatisfy(p -> assertThat(p).contains("DD_TRACE_AGENT_URL", "unix:///"))
        .anySatisfy(p -> assertThat(p).contains("DD_TRACE_SAMPLING_RULES", "#0"));
  }

  @Test
  void constructor_rejectsInvalidPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TracerConfig("s", null, null, "h", 0))
        .withMessageContaining("agentPort");
  }
}

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
  void constructor_rejectsInvalidPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TracerConfig("s", null, null, "h", 0))
        .withMessageContaining("agentPort");
  }
}

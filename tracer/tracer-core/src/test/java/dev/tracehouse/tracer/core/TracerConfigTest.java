package dev.tracehouse.tracer.core;

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
  void constructor_rejectsInvalidPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TracerConfig("s", null, null, "h", 0))
        .withMessageContaining("agentPort");
  }
}

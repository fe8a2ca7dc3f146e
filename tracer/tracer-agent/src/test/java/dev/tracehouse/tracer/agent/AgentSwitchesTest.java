package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSwitchesTest {

  private final List<String> problems = new ArrayList<>();

  private AgentSwitches switches(Map<String, String> props, Map<String, String> env) {
    return new AgentSwitches(props::get, env::get, problems::add);
  }

  @Test
  void enabled_isTrueByDefault() {
    assertThat(switches(Map.of(), Map.of()).enabled("httpclient")).isTrue();
  }

  @Test
  void enabled_readsEnvironmentSwitch() {
    AgentSwitches switches = switches(Map.of(), Map.of("DD_TRACE_HTTPCLIENT_ENABLED", "FALSE"));

    assertThat(switches.enabled("httpclient")).isFalse();
    assertThat(switches.enabled("servlet")).isTrue();
  }

  @Test
  void enabled_prefersSystemProperty() {
    AgentSwitches switches =
        switches(
            Map.of("dd.trace.servlet.enabled", "true"),
            Map.of("DD_TRACE_SERVLET_ENABLED", "false"));

    assertThat(switches.enabled("servlet")).isTrue();
  }

  @Test
  void enabled_readsZeroAsOffAndAnnotationsSwitch() {
    assertThat(
            switches(Map.of(), Map.of("DD_TRACE_ANNOTATIONS_ENABLED", "0")).enabled("annotations"))
        .isFalse();
    assertThat(problems).isEmpty();
  }

  @Test
  void enabled_reportsOtherValuesWithKeyAndLeavesTheIntegrationOn() {
    assertThat(switches(Map.of("dd.trace.servlet.enabled", "nope"), Map.of()).enabled("servlet"))
        .isTrue();
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("dd.trace.servlet.enabled", "DD_TRACE_SERVLET_ENABLED", "'nope'");
  }
}

package dev.tracehouse.tracer.agent;

import java.util.Locale;
import java.util.function.Function;

/**
 * Per-integration on/off switches: {@code dd.trace.<name>.enabled} (system property) or {@code
 * DD_TRACE_<NAME>_ENABLED} (env); on unless set to {@code false}.
 */
record AgentSwitches(Function<String, String> properties, Function<String, String> environment) {

  static AgentSwitches fromEnvironment() {
    return new AgentSwitches(System::getProperty, System::getenv);
  }

  boolean enabled(String integration) {
    String property = "dd.trace." + integration + ".enabled";
    String value = properties.apply(property);
    if (value == null) {
      value = environment.apply(property.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    return value == null || !value.trim().equalsIgnoreCase("false");
  }
}

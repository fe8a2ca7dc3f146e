package dev.tracehouse.tracer.agent;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Per-integration on/off switches: {@code dd.trace.<name>.enabled} (system property, wins) or
 * {@code DD_TRACE_<NAME>_ENABLED} (env); on unless set to {@code false} (or {@code 0}). Any other
 * value is reported, naming key and value, and leaves the integration on.
 */
record AgentSwitches(
    Function<String, String> properties,
    Function<String, String> environment,
    Consumer<String> problems) {

  static AgentSwitches fromEnvironment() {
    return new AgentSwitches(System::getProperty, System::getenv, System.err::println);
  }

  boolean enabled(String integration) {
    String property = "dd.trace." + integration + ".enabled";
    String env = property.toUpperCase(Locale.ROOT).replace('.', '_');
    String value = properties.apply(property);
    if (value == null || value.isBlank()) {
      value = environment.apply(env);
    }
    if (value == null || value.isBlank()) {
      return true;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
        return false;
      default:
        problems.accept(
            "tracehouse: invalid "
                + property
                + " / "
                + env
                + " = '"
                + value.trim()
                + "' (expected true or false), integration left on");
        return true;
    }
  }
}

package dev.tracehouse.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the cafe is run in one overhead measurement. */
enum TracingMode {
  /** No {@code -javaagent}: the baseline. */
  NONE,
  /** Under the tracehouse agent, with the trace agent's port closed. */
  DOWN,
  /** Under the tracehouse agent, with a trace agent that answers every request after a delay. */
  SLOW,
  /** Under the tracehouse agent, with a trace agent that answers at once. */
  UP,
  /**
   * Under the tracehouse agent with every integration and the log correlation switched off (trace
   * agent's port closed): what the agent costs by being there (its JVM options, the tracer and its
   * writer thread, the class file transformers), apart from the per-request work of the
   * integrations.
   */
  OFF,
  /**
   * No {@code -javaagent}, the tracehouse agent's jar appended to the bootstrap class path ({@code
   * -Xbootclasspath/a}), as its premain does: what that alone costs (class data sharing is then
   * limited to the boot loader's classes).
   */
  BOOTCP,
  /**
   * The {@link TrivialAgent}, whose premain does nothing but whose manifest asks for the tracehouse
   * agent's capabilities: what a {@code -javaagent} with those capabilities costs.
   */
  NOOP,
  /**
   * The {@link TrivialAgent} with a retransform-capable transformer that changes nothing: what
   * calling a transformer for every class the JVM defines costs.
   */
  HOOK;

  /** Whether the cafe runs under the tracehouse agent. */
  boolean traced() {
    return this == DOWN || this == SLOW || this == UP || this == OFF;
  }

  static List<TracingMode> parseList(String csv) {
    List<TracingMode> modes = new ArrayList<>();
    for (String name : csv.split(",")) {
      try {
        TracingMode mode = valueOf(name.trim().toUpperCase(Locale.ROOT));
        if (modes.contains(mode)) {
          throw new IllegalArgumentException("modes lists '" + name.trim() + "' twice");
        }
        modes.add(mode);
      } catch (IllegalArgumentException e) {
        if (e.getMessage().startsWith("modes")) {
          throw e;
        }
        throw new IllegalArgumentException(
            "modes must be a comma-separated list of none, down, slow, up, off, bootcp, noop,"
                + " hook; got '"
                + csv
                + "'");
      }
    }
    return modes;
  }
}

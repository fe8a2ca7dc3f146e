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
  OFF;

  boolean traced() {
    return this != NONE;
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
            "modes must be a comma-separated list of none, down, slow, up, off; got '" + csv + "'");
      }
    }
    return modes;
  }
}

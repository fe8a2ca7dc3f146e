package dev.tracehouse.tracer.agent.instrumentation;

import dev.tracehouse.tracer.core.TracerConfig;
import java.util.List;

/**
 * One library integration applied by the agent: the calls it has woven with plain ASM by {@link
 * EntryWeaver}. Not API: public only so that the installer in the parent package can list the
 * integrations.
 */
public interface AgentInstrumentation {

  /** Short name; {@code DD_TRACE_<NAME>_ENABLED=false} switches the integration off. */
  String name();

  /** Whether the tracer's settings ask for this integration (besides its own switch). */
  default boolean enabledBy(TracerConfig config) {
    return true;
  }

  /** The first-argument replacements this integration has woven; none by default. */
  default List<ArgumentHook> argumentHooks() {
    return List.of();
  }

  /** The enter/exit hooks this integration has woven; none by default. */
  default List<TypeHooks> typeHooks() {
    return List.of();
  }
}

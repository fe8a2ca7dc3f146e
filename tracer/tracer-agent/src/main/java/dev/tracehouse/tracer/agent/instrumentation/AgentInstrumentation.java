package dev.tracehouse.tracer.agent.instrumentation;

import dev.tracehouse.tracer.core.TracerConfig;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * One library integration applied by the agent. Not API: public only so that the installer in the
 * parent package can list the integrations.
 */
public interface AgentInstrumentation {

  /** Short name; {@code DD_TRACE_<NAME>_ENABLED=false} switches the integration off. */
  String name();

  /** Whether the tracer's settings ask for this integration (besides its own switch). */
  default boolean enabledBy(TracerConfig config) {
    return true;
  }

  /**
   * The JDK classes ({@code java.}, {@code jdk.}, {@code sun.}) this integration instruments, by
   * name. They may be loaded before the agent starts: the installer retransforms those, and no
   * other JDK class, so an integration must not match JDK classes in any other way.
   */
  default Set<String> jdkTypes() {
    return Set.of();
  }

  /**
   * Adds this integration's Byte Buddy type matching and advice to {@code builder}; none by
   * default.
   *
   * @param advice reads the advice classes' bytes from the agent jar
   */
  default AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    return builder;
  }

  /** The calls this integration has woven with plain ASM ({@link EntryWeaver}); none by default. */
  default List<ArgumentHook> argumentHooks() {
    return List.of();
  }

  /**
   * The enter/exit hooks this integration has woven with plain ASM ({@link EntryWeaver}); none by
   * default. A class must not also be matched by the integration's Byte Buddy matchers.
   */
  default List<TypeHooks> typeHooks() {
    return List.of();
  }
}

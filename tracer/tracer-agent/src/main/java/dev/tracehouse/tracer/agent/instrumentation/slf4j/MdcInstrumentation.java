package dev.tracehouse.tracer.agent.instrumentation.slf4j;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.originClass;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.MethodHook;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import dev.tracehouse.tracer.core.TracerConfig;
import java.util.List;
import java.util.Set;

/**
 * Log correlation for SLF4J (and so Logback, or any SLF4J binding with an MDC): when the
 * application's {@code org.slf4j.LoggerFactory} is initialised (SLF4J 1.7 and 2.x), the {@code
 * org.slf4j.MDC} next to it is registered with the tracer's {@code LogCorrelation}. The agent never
 * puts SLF4J on the class path: it only uses the application's own copy. On when {@code
 * DD_LOGS_INJECTION} is (default true). Woven with plain ASM: {@link MdcHooks#registerMdc} at the
 * normal end of the static initialiser.
 */
public final class MdcInstrumentation implements AgentInstrumentation {

  static final String MDC = "org.slf4j.MDC";
  static final String LOGGER_FACTORY = "org.slf4j.LoggerFactory";

  @Override
  public String name() {
    return "slf4j";
  }

  @Override
  public boolean enabledBy(TracerConfig config) {
    return config.logsInjection();
  }

  @Override
  public List<TypeHooks> typeHooks() {
    return List.of(
        TypeHooks.named(
            Set.of(LOGGER_FACTORY),
            MethodHook.on((access, name, descriptor) -> name.equals("<clinit>"))
                .exit(MdcHooks.class, "registerMdc", originClass())));
  }
}

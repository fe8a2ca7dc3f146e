package dev.tracehouse.tracer.agent.instrumentation.slf4j;

import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import dev.tracehouse.tracer.core.TracerConfig;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Log correlation for SLF4J (and so Logback, or any SLF4J binding with an MDC): when the
 * application's {@code org.slf4j.LoggerFactory} is initialised (SLF4J 1.7 and 2.x), the {@code
 * org.slf4j.MDC} next to it is registered with the tracer's {@code LogCorrelation}. The agent never
 * puts SLF4J on the class path: it only uses the application's own copy. On when {@code
 * DD_LOGS_INJECTION} is (default true).
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
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice mdcAdvice = LazyAdvice.of(MdcAdvice.class, advice);
    return builder
        .type(named(LOGGER_FACTORY))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(mdcAdvice.get().on(isTypeInitializer())));
  }
}

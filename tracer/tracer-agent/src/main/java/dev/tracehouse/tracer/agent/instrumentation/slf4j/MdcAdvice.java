package dev.tracehouse.tracer.agent.instrumentation.slf4j;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.LogCorrelation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code org.slf4j.LoggerFactory}'s static initialiser: hands the {@code
 * org.slf4j.MDC} class of the same class loader to the log correlation, which from then on writes
 * the active span's ids into it. ({@code MDC} itself has no static initialiser in SLF4J 2.)
 */
final class MdcAdvice {

  private MdcAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Origin Class<?> loggerFactory) throws ClassNotFoundException {
    LogCorrelation.addMdc(
        GlobalTracer.get(),
        Class.forName(MdcInstrumentation.MDC, false, loggerFactory.getClassLoader()));
  }
}

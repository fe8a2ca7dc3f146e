package dev.tracehouse.tracer.agent.instrumentation.slf4j;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.LogCorrelation;

/**
 * Called at the end of {@code org.slf4j.LoggerFactory}'s static initialiser: hands the {@code
 * org.slf4j.MDC} class of the same class loader to the log correlation, which from then on writes
 * the active span's ids into it. ({@code MDC} itself has no static initialiser in SLF4J 2.) Never
 * throws. Not API: public because the application's SLF4J calls it.
 */
public final class MdcHooks {
  private MdcHooks() {}

  /** Registers the MDC next to {@code loggerFactory}. */
  public static void registerMdc(Class<?> loggerFactory) {
    try {
      LogCorrelation.addMdc(
          GlobalTracer.get(),
          Class.forName(MdcInstrumentation.MDC, false, loggerFactory.getClassLoader()));
    } catch (Throwable e) {
      // never into the application: its logs are just not correlated
    }
  }
}

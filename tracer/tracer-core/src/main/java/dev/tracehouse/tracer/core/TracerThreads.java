package dev.tracehouse.tracer.core;

/** Marks the tracer's own threads so that integrations never trace the tracer's traffic. */
public final class TracerThreads {

  private static final ThreadLocal<Boolean> INTERNAL = ThreadLocal.withInitial(() -> false);

  private TracerThreads() {}

  /** True on a thread that belongs to the tracer (such as the agent writer). */
  public static boolean isInternal() {
    return INTERNAL.get();
  }

  static void markInternal() {
    INTERNAL.set(true);
  }
}

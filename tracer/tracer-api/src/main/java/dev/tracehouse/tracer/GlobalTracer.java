package dev.tracehouse.tracer;

import java.util.Objects;

/** Holds the process-wide {@link Tracer}: a no-op tracer until one is registered. */
public final class GlobalTracer {

  private static volatile Tracer tracer = NoopTracer.INSTANCE;

  private GlobalTracer() {}

  /** Installs the process-wide tracer, replacing the previous one. */
  public static void register(Tracer newTracer) {
    tracer = Objects.requireNonNull(newTracer, "tracer");
  }

  /** The registered tracer, or a no-op tracer when none is registered. */
  public static Tracer get() {
    return tracer;
  }
}

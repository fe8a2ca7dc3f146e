package dev.tracehouse.intake.internal;

import dev.tracehouse.intake.ListenerStats;
import io.javalin.Javalin;

/**
 * Not API: the lifecycle every non-Datadog listener shares (its bound port, its counters, stopping
 * it). Subclasses only start the listener with their routes.
 */
public abstract class RunningListener implements AutoCloseable {
  private final Javalin app;
  private final ListenerCounters counters;

  protected RunningListener(Javalin app, ListenerCounters counters) {
    this.app = app;
    this.counters = counters;
  }

  /** The bound port (the real one when the config asked for 0). */
  public final int port() {
    return app.port();
  }

  /** The counters since start. */
  public final ListenerStats stats() {
    return counters.snapshot();
  }

  /** Stops listening; idempotent. */
  @Override
  public final void close() {
    app.stop();
  }
}

package dev.tracehouse.tracer.core.concurrent;

import dev.tracehouse.tracer.Tracer;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RunnableFuture;

/**
 * Carries the active span over to work that runs on another thread: a wrapped task captures the
 * span active when it is wrapped (at submit time), makes it active while it runs, and restores the
 * runner thread's previous state afterwards, so nothing leaks onto pool threads. When no span is
 * active, or {@code tracer} is not a tracehouse tracer, the task itself is returned (no
 * allocation). Under the agent, executors and {@code CompletableFuture.*Async} do this on their
 * own.
 *
 * <pre>{@code
 * ExecutorService pool = ContextExecutors.wrap(Tracer.global(), Executors.newFixedThreadPool(4));
 * pool.submit(() -> lookup(name));                        // runs with the caller's active span
 * CompletableFuture.supplyAsync(() -> lookup(name), pool); // so do CompletableFuture stages
 * }</pre>
 */
public final class ContextExecutors {

  private ContextExecutors() {}

  /** {@code task} bound to the span active now, or {@code task} itself when none is. */
  public static Runnable wrap(Tracer tracer, Runnable task) {
    if (task == null || task instanceof ContextTask) {
      return task;
    }
    Handoff handoff = Handoff.capture(tracer);
    if (handoff == null) {
      return task;
    }
    return task instanceof RunnableFuture
        ? new ContextFuture<>((RunnableFuture<?>) task, handoff)
        : new ContextRunnable(task, handoff);
  }

  /** {@code task} bound to the span active now, or {@code task} itself when none is. */
  public static <V> Callable<V> wrap(Tracer tracer, Callable<V> task) {
    if (task == null || task instanceof ContextTask) {
      return task;
    }
    Handoff handoff = Handoff.capture(tracer);
    return handoff == null ? task : new ContextCallable<>(task, handoff);
  }

  /** An executor whose tasks run with the span active when they were submitted. */
  public static Executor wrap(Tracer tracer, Executor executor) {
    Objects.requireNonNull(tracer, "tracer");
    Objects.requireNonNull(executor, "executor");
    return task -> executor.execute(wrap(tracer, task));
  }

  /**
   * An executor service whose tasks (including {@code submit}, {@code invokeAll} and {@code
   * invokeAny}) run with the span active when they were submitted; shutting it down shuts down
   * {@code executor}.
   */
  public static ExecutorService wrap(Tracer tracer, ExecutorService executor) {
    return new ContextExecutorService(
        Objects.requireNonNull(tracer, "tracer"), Objects.requireNonNull(executor, "executor"));
  }
}

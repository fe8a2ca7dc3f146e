package dev.tracehouse.tracer.agent.instrumentation.concurrent;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.concurrent.ContextExecutors;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;

/**
 * Called at the start of the JDK's executor methods (woven by the agent, {@link
 * ConcurrentInstrumentation}): each returns the submitted task wrapped so that it carries the
 * active span, or the task itself when no span is active. Never throws: on any failure the task is
 * returned as it came. Not API: public because JDK classes call it.
 */
public final class ExecutorHooks {

  private ExecutorHooks() {}

  /** The {@link Runnable} to submit instead of {@code task}. */
  public static Runnable runnable(Runnable task) {
    try {
      return ContextExecutors.wrap(GlobalTracer.get(), task);
    } catch (Throwable e) {
      return task;
    }
  }

  /** The {@link Callable} to submit instead of {@code task}. */
  public static Callable<?> callable(Callable<?> task) {
    try {
      return ContextExecutors.wrap(GlobalTracer.get(), task);
    } catch (Throwable e) {
      return task;
    }
  }

  /**
   * For {@code ForkJoinPool#execute(Runnable)} and {@code submit(Runnable[, T])}: a {@link
   * ForkJoinTask} passed as a {@code Runnable} is queued as itself (its caller may join it), so it
   * is left alone, except {@code CompletableFuture}'s own async tasks ({@code supplyAsync}, {@code
   * thenApplyAsync}, …), which nobody joins and which run the same when wrapped.
   */
  public static Runnable forkJoinRunnable(Runnable task) {
    if (task instanceof ForkJoinTask
        && !(task instanceof CompletableFuture.AsynchronousCompletionTask)) {
      return task;
    }
    return runnable(task);
  }
}

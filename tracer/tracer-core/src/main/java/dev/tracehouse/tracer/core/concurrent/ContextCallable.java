package dev.tracehouse.tracer.core.concurrent;

import java.util.concurrent.Callable;

/** Calls a task with the span that was active when it was submitted. */
final class ContextCallable<V> implements Callable<V>, ContextTask {

  private final Callable<V> task;
  private final Handoff handoff;

  ContextCallable(Callable<V> task, Handoff handoff) {
    this.task = task;
    this.handoff = handoff;
  }

  @Override
  public V call() throws Exception {
    return handoff.call(task);
  }

  @Override
  public String toString() {
    return task.toString();
  }
}

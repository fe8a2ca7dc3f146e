package dev.tracehouse.tracer.core.concurrent;

/** Runs a task with the span that was active when it was submitted. */
class ContextRunnable implements Runnable, ContextTask {

  private final Runnable task;
  private final Handoff handoff;

  ContextRunnable(Runnable task, Handoff handoff) {
    this.task = task;
    this.handoff = handoff;
  }

  @Override
  public void run() {
    handoff.run(task);
  }

  @Override
  public String toString() {
    return task.toString();
  }
}

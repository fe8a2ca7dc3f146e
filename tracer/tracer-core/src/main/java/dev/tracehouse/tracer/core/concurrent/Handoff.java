package dev.tracehouse.tracer.core.concurrent;

import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import java.util.concurrent.Callable;

/**
 * A span captured on the submitting thread, made active around a task on the thread that runs it
 * and taken off that thread afterwards, also when the task throws.
 */
final class Handoff {

  private final CoreTracer tracer;
  private final CoreSpan span;

  private Handoff(CoreTracer tracer, CoreSpan span) {
    this.tracer = tracer;
    this.span = span;
  }

  /** The span active on this thread, or {@code null} (no allocation) when there is none. */
  static Handoff capture(Tracer tracer) {
    if (!(tracer instanceof CoreTracer)) {
      return null;
    }
    CoreTracer core = (CoreTracer) tracer;
    CoreSpan active = core.currentSpan();
    return active == null ? null : new Handoff(core, active);
  }

  void run(Runnable task) {
    tracer.resume(span);
    try {
      task.run();
    } finally {
      tracer.suspend(span);
    }
  }

  <V> V call(Callable<V> task) throws Exception {
    tracer.resume(span);
    try {
      return task.call();
    } finally {
      tracer.suspend(span);
    }
  }
}

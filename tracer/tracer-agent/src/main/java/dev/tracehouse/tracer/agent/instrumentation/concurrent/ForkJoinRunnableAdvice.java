package dev.tracehouse.tracer.agent.instrumentation.concurrent;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.concurrent.ContextExecutors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code ForkJoinPool#execute(Runnable)} and {@code submit(Runnable[, T])}.
 * A {@link ForkJoinTask} passed as a {@code Runnable} is queued as itself (its caller may join it),
 * so it is left alone, except {@code CompletableFuture}'s own async tasks ({@code supplyAsync},
 * {@code thenApplyAsync}, …), which nobody joins and which run the same when wrapped.
 */
final class ForkJoinRunnableAdvice {

  private ForkJoinRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    if (!(task instanceof ForkJoinTask)
        || task instanceof CompletableFuture.AsynchronousCompletionTask) {
      task = ContextExecutors.wrap(GlobalTracer.get(), task);
    }
  }
}

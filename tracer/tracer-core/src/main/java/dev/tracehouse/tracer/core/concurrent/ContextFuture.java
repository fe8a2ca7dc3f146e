package dev.tracehouse.tracer.core.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ContextRunnable} for a {@link RunnableFuture} (what {@code submit} hands to {@code
 * execute}) that is still a future, so that code which looks at the queued or finished task as a
 * {@code Future} (such as a {@code ThreadPoolExecutor#afterExecute} override) keeps working.
 */
final class ContextFuture<V> extends ContextRunnable implements RunnableFuture<V> {

  private final RunnableFuture<V> future;

  ContextFuture(RunnableFuture<V> future, Handoff handoff) {
    super(future, handoff);
    this.future = future;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    return future.cancel(mayInterruptIfRunning);
  }

  @Override
  public boolean isCancelled() {
    return future.isCancelled();
  }

  @Override
  public boolean isDone() {
    return future.isDone();
  }

  @Override
  public V get() throws InterruptedException, ExecutionException {
    return future.get();
  }

  @Override
  public V get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(timeout, unit);
  }
}

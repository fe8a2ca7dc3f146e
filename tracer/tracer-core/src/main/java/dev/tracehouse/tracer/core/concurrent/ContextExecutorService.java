package dev.tracehouse.tracer.core.concurrent;

import dev.tracehouse.tracer.Tracer;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every task goes through {@link #execute} (the {@code submit} and {@code invoke*} methods of
 * {@link AbstractExecutorService} call it on the submitting thread), which binds it to the active
 * span before handing it to the delegate.
 */
final class ContextExecutorService extends AbstractExecutorService {

  private final Tracer tracer;
  private final ExecutorService delegate;

  ContextExecutorService(Tracer tracer, ExecutorService delegate) {
    this.tracer = tracer;
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    delegate.execute(ContextExecutors.wrap(tracer, task));
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }
}

package dev.tracehouse.tracer.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.SpanData;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextExecutorsTest {

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void wrap_returnsTaskItself_whenNoSpanIsActive() {
    Runnable runnable = () -> {};
    Callable<String> callable = () -> "x";

    assertThat(ContextExecutors.wrap(tracer, runnable)).isSameAs(runnable);
    assertThat(ContextExecutors.wrap(tracer, callable)).isSameAs(callable);
  }

  @Test
  void wrap_returnsTaskItself_forNoopTracer() {
    Runnable runnable = () -> {};
    try (CoreSpan parent = tracer.trace("parent")) {
      assertThat(ContextExecutors.wrap(Tracer.global(), runnable)).isSameAs(runnable);
    }
  }

  @Test
  void wrap_neverWrapsTwice() {
    try (CoreSpan parent = tracer.trace("parent")) {
      Runnable once = ContextExecutors.wrap(tracer, () -> {});

      assertThat(ContextExecutors.wrap(tracer, once)).isSameAs(once);
    }
  }

  @Test
  void wrappedRunnable_makesSubmittingSpanTheParentOnThePoolThread() throws Exception {
    try (CoreSpan parent = tracer.trace("parent")) {
      pool.submit(ContextExecutors.wrap(tracer, () -> tracer.trace("child").close())).get();
    }

    List<SpanData> spans = writer.spans();
    assertThat(spans).extracting(SpanData::name).containsExactlyInAnyOrder("parent", "child");
    SpanData parent = named(spans, "parent");
    assertThat(named(spans, "child").parentId()).isEqualTo(parent.spanId());
    assertThat(named(spans, "child").traceId()).isEqualTo(parent.traceId());
  }

  @Test
  void wrappedTask_leavesNoContextOnThePoolThread_evenWhenItLeaksASpanOrThrows() throws Exception {
    try (CoreSpan parent = tracer.trace("parent")) {
      pool.submit(ContextExecutors.wrap(tracer, () -> tracer.trace("never closed"))).get();
      Future<?> failing =
          pool.submit(
              ContextExecutors.wrap(
                  tracer,
                  (Runnable)
                      () -> {
                        throw new IllegalStateException("boom");
                      }));
      assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalStateException.class);
    }

    assertThat(pool.submit(tracer::activeSpan).get()).isEmpty();
  }

  @Test
  void wrappedTask_restoresTheSpanActiveBefore_whenRunOnTheSubmittingThread() {
    try (CoreSpan outer = tracer.trace("outer")) {
      Runnable task;
      try (CoreSpan inner = tracer.trace("inner")) {
        task = ContextExecutors.wrap(tracer, () -> assertActive(inner));
      }
      task.run();

      assertActive(outer);
    }
  }

  @Test
  void wrappedTask_joinsTheTraceOfItsSpan_evenWhenThatSpanFinishedBeforeItRan() throws Exception {
    Runnable task;
    try (CoreSpan request = tracer.trace("request")) {
      task = ContextExecutors.wrap(tracer, () -> tracer.trace("later").close());
    }
    pool.submit(task).get();

    List<List<SpanData>> chunks = writer.chunks();
    assertThat(chunks).hasSize(2);
    SpanData request = chunks.get(0).get(0);
    SpanData later = chunks.get(1).get(0);
    assertThat(later.traceId()).isEqualTo(request.traceId());
    assertThat(later.parentId()).isEqualTo(request.spanId());
  }

  @Test
  void wrappedCallable_runsWithTheSubmittingSpan() throws Exception {
    Optional<Span> seen;
    try (CoreSpan parent = tracer.trace("parent")) {
      seen = pool.submit(ContextExecutors.wrap(tracer, tracer::activeSpan)).get();

      assertThat(seen).containsSame(parent);
    }
    assertThat(pool.submit(tracer::activeSpan).get()).isEmpty();
  }

  @Test
  void wrappedExecutorService_carriesTheSpanThroughSubmitAndInvokeAll() throws Exception {
    ExecutorService traced = ContextExecutors.wrap(tracer, pool);
    try (CoreSpan parent = tracer.trace("parent")) {
      assertThat(traced.submit(tracer::activeSpan).get()).containsSame(parent);
      List<Future<Optional<Span>>> all =
          traced.invokeAll(List.of(tracer::activeSpan, tracer::activeSpan));
      for (Future<Optional<Span>> result : all) {
        assertThat(result.get()).containsSame(parent);
      }
    }
    traced.shutdown();
    assertThat(pool.isShutdown()).isTrue();
  }

  @Test
  void wrappedExecutor_carriesTheSpanIntoCompletableFutureStages()
      throws ExecutionException, InterruptedException {
    try (CoreSpan parent = tracer.trace("parent")) {
      CompletableFuture<Optional<Span>> seen =
          CompletableFuture.supplyAsync(
              tracer::activeSpan, ContextExecutors.wrap(tracer, (Executor) pool));

      assertThat(seen.get()).containsSame(parent);
    }
  }

  @Test
  void wrappedFutureTask_isStillTheFuture() throws Exception {
    FutureTask<String> future = new FutureTask<>(() -> "done");
    Runnable wrapped;
    try (CoreSpan parent = tracer.trace("parent")) {
      wrapped = ContextExecutors.wrap(tracer, future);
    }
    wrapped.run();

    assertThat(wrapped).isInstanceOf(Future.class);
    assertThat(((Future<?>) wrapped).get()).isEqualTo("done");
    assertThat(((Future<?>) wrapped).isDone()).isTrue();
  }

  @Test
  void scopeListener_hearsTheHandedOverSpanAndItsRemovalOnThePoolThread() throws Exception {
    List<Object> heard = new CopyOnWriteArrayList<>();
    try (CoreSpan parent = tracer.trace("parent")) {
      tracer.setScopeListener(active -> heard.add(active == null ? "none" : active));
      pool.submit(ContextExecutors.wrap(tracer, () -> {})).get();

      assertThat(heard).containsExactly(parent, "none");
    }
  }

  private void assertActive(CoreSpan span) {
    assertThat(tracer.currentSpan()).isSameAs(span);
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}

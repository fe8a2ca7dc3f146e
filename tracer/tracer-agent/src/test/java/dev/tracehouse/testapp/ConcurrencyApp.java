package dev.tracehouse.testapp;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app {@code ConcurrencyIT} runs under the agent, with no tracing code besides manual spans:
 * for each way of handing work to another thread it opens a span {@code submit.<way>}, submits a
 * task that logs {@code in <way>} and opens a span {@code task.<way>}, waits for it, and then asks
 * the same pool thread whether a span is still active there (prints {@code leak
 * <way>=<true|false>}).
 */
public final class ConcurrencyApp {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyApp.class);

  private ConcurrencyApp() {}

  public static void main(String[] args) throws Exception {
    ExecutorService fixed = Executors.newFixedThreadPool(1);
    ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
    ForkJoinPool forkJoin = new ForkJoinPool(1);
    try {
      handOver("execute", () -> run(fixed, "execute"), fixed::submit);
      handOver("submit", () -> fixed.submit(task("submit")).get(), fixed::submit);
      handOver(
          "schedule",
          () -> scheduled.schedule(task("schedule"), 1, TimeUnit.MILLISECONDS).get(),
          scheduled::submit);
      handOver("forkjoin", () -> forkJoin.submit(task("forkjoin")).get(), forkJoin::submit);
      handOver(
          "supplyAsync",
          () -> CompletableFuture.supplyAsync(() -> call(task("supplyAsync"))).get(),
          probe -> CompletableFuture.supplyAsync(() -> call(probe)));
      handOver(
          "thenApplyAsync",
          () ->
              CompletableFuture.completedFuture("x")
                  .thenApplyAsync(x -> call(task("thenApplyAsync")), forkJoin)
                  .get(),
          forkJoin::submit);
      periodic(scheduled);
    } finally {
      fixed.shutdown();
      scheduled.shutdown();
      forkJoin.shutdown();
    }
  }

  /** Where a probe runs: on the pool thread that ran the task. */
  private interface Pool {
    Future<Boolean> submit(Callable<Boolean> probe);
  }

  private interface Submission {
    void submitAndWait() throws Exception;
  }

  private static void handOver(String way, Submission submission, Pool pool) throws Exception {
    try (Span span = Tracer.global().trace("submit." + way)) {
      submission.submitAndWait();
    }
    boolean leak = pool.submit(() -> Tracer.global().activeSpan().isPresent()).get();
    System.out.println("leak " + way + "=" + leak);
  }

  /** A periodic task scheduled inside a span (it runs once here: the period is an hour). */
  private static void periodic(ScheduledExecutorService pool) throws Exception {
    try (Span span = Tracer.global().trace("submit.periodic")) {
      CountDownLatch ran = new CountDownLatch(1);
      ScheduledFuture<?> periodic =
          pool.scheduleAtFixedRate(
              () -> {
                call(task("periodic"));
                ran.countDown();
              },
              0,
              1,
              TimeUnit.HOURS);
      ran.await();
      periodic.cancel(false);
    }
  }

  private static void run(ExecutorService pool, String way) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    pool.execute(
        () -> {
          call(task(way));
          done.complete(null);
        });
    done.get();
  }

  private static Callable<String> task(String way) {
    return () -> {
      LOG.info("in {}", way);
      try (Span span = Tracer.global().trace("task." + way)) {
        return way;
      }
    };
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

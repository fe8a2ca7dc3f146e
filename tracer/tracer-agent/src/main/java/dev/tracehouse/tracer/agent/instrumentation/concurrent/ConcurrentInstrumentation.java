package dev.tracehouse.tracer.agent.instrumentation.concurrent;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.ArgumentHook;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Hands the active span over to work submitted to the JDK's executors, so that spans (and log
 * lines) of a task belong to the request that submitted it: {@code ThreadPoolExecutor#execute}
 * (which every {@code submit} and {@code invoke*} goes through), {@code
 * ScheduledThreadPoolExecutor#schedule} (which its {@code execute} and {@code submit} use), {@code
 * ForkJoinPool#execute/submit} and the thread-per-task executor {@code CompletableFuture} uses when
 * the common pool has a single thread. {@code CompletableFuture.*Async} is covered through the
 * executor it runs on. The task is wrapped at submit time only when a span is active. Periodic
 * tasks ({@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}) are left alone: they outlive
 * the request that scheduled them (a pool's evictor, a metrics reporter), and every run would join
 * that one old trace. Named like dd-java-agent's integration: {@code
 * DD_TRACE_JAVA_CONCURRENT_ENABLED=false} turns it off. Woven with plain ASM ({@link ExecutorHooks}
 * called first thing): these are big JDK classes, which Byte Buddy's weaving once made one of the
 * agent's largest start-up costs.
 */
public final class ConcurrentInstrumentation implements AgentInstrumentation {

  private static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
  private static final String SCHEDULED_POOL = "java.util.concurrent.ScheduledThreadPoolExecutor";
  private static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";
  private static final String THREAD_PER_TASK =
      "java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor";

  @Override
  public String name() {
    return "java_concurrent";
  }

  @Override
  public List<ArgumentHook> argumentHooks() {
    return List.of(
        runnable(THREAD_POOL, "execute"),
        runnable(THREAD_PER_TASK, "execute"),
        runnable(SCHEDULED_POOL, "schedule"),
        hook(SCHEDULED_POOL, "schedule", "callable", Callable.class),
        hook(FORK_JOIN_POOL, Set.of("execute", "submit"), "forkJoinRunnable", Runnable.class),
        hook(FORK_JOIN_POOL, "submit", "callable", Callable.class));
  }

  private static ArgumentHook runnable(String className, String method) {
    return hook(className, method, "runnable", Runnable.class);
  }

  private static ArgumentHook hook(String className, String method, String hook, Class<?> task) {
    return hook(className, Set.of(method), hook, task);
  }

  private static ArgumentHook hook(
      String className, Set<String> methods, String hook, Class<?> task) {
    return ArgumentHook.of(className, methods, ExecutorHooks.class, hook, task);
  }
}

package dev.tracehouse.tracer.agent.instrumentation.concurrent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.LazyAdvice;
import java.util.Set;
import java.util.concurrent.Callable;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;

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
 * DD_TRACE_JAVA_CONCURRENT_ENABLED=false} turns it off.
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
  public Set<String> jdkTypes() {
    return Set.of(THREAD_POOL, SCHEDULED_POOL, FORK_JOIN_POOL, THREAD_PER_TASK);
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder, ClassFileLocator advice) {
    LazyAdvice runnable = LazyAdvice.of(RunnableAdvice.class, advice);
    LazyAdvice callable = LazyAdvice.of(CallableAdvice.class, advice);
    LazyAdvice forkJoin = LazyAdvice.of(ForkJoinRunnableAdvice.class, advice);
    return builder
        .type(named(THREAD_POOL).or(named(THREAD_PER_TASK)))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(runnable.get().on(publicMethods(Runnable.class, "execute"))))
        .type(named(SCHEDULED_POOL))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(runnable.get().on(publicMethods(Runnable.class, "schedule")))
                    .visit(callable.get().on(publicMethods(Callable.class, "schedule"))))
        .type(named(FORK_JOIN_POOL))
        .transform(
            (type, description, loader, module, domain) ->
                type.visit(forkJoin.get().on(publicMethods(Runnable.class, "execute", "submit")))
                    .visit(callable.get().on(publicMethods(Callable.class, "submit"))));
  }

  /** The public methods named one of {@code names} whose first parameter is a {@code first}. */
  private static ElementMatcher<MethodDescription> publicMethods(Class<?> first, String... names) {
    return isPublic().and(namedOneOf(names)).and(takesArgument(0, first));
  }
}

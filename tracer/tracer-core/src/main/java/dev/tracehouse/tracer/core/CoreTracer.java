package dev.tracehouse.tracer.core;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import java.util.Objects;
import java.util.Optional;

/**
 * The tracer: starts {@link CoreSpan}s, tracks the active span per thread and hands finished trace
 * chunks to the agent writer. Close it to flush what is queued.
 */
public final class CoreTracer implements Tracer, AutoCloseable {

  private final TracerConfig config;
  private final TraceWriter writer;
  private final TimeSource time;
  private final ThreadLocal<ScopeStack> scopes = ThreadLocal.withInitial(ScopeStack::new);

  CoreTracer(TracerConfig config, TraceWriter writer, TimeSource time) {
    this.config = Objects.requireNonNull(config, "config");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.time = Objects.requireNonNull(time, "time");
  }

  /** A tracer that sends to the agent named in {@code config}, with its own writer thread. */
  public static CoreTracer create(TracerConfig config) {
    return new CoreTracer(config, AgentWriter.start(config), TimeSource.system());
  }

  public TracerConfig config() {
    return config;
  }

  @Override
  public CoreSpan trace(String operationName) {
    return startActive(operationName, null);
  }

  @Override
  public Optional<Span> activeSpan() {
    return Optional.ofNullable(scopes.get().active());
  }

  /**
   * Starts a span and makes it active on this thread. Its parent is {@code remoteParent} when given
   * (a span in another process), else the active span, else it starts a new trace.
   */
  public CoreSpan startActive(String operationName, SpanContext remoteParent) {
    CoreSpan span =
        remoteParent == null ? startChild(operationName) : startRemote(operationName, remoteParent);
    ScopeStack stack = scopes.get();
    span.activatedOn(stack);
    stack.push(span);
    return span;
  }

  /**
   * Starts a child of the active span (or a new trace) without activating it: for work that
   * finishes on another thread, such as an asynchronous HTTP call.
   */
  public CoreSpan startDetached(String operationName) {
    return startChild(operationName);
  }

  @Override
  public void close() {
    writer.close();
  }

  void deactivate(CoreSpan span) {
    ScopeStack stack = span.activatedOn();
    if (stack != null && stack == scopes.get()) {
      stack.remove(span);
    }
  }

  private CoreSpan startChild(String operationName) {
    CoreSpan parent = scopes.get().active();
    if (parent != null) {
      return newSpan(parent.trace(), parent.spanId(), operationName);
    }
    long epochSeconds = time.epochNanos() / 1_000_000_000L;
    PendingTrace trace =
        new PendingTrace(
            TraceId.generate(epochSeconds),
            PendingTrace.DEFAULT_PRIORITY,
            PendingTrace.DEFAULT_DECISION_MAKER,
            time,
            writer);
    return newSpan(trace, 0, operationName);
  }

  private CoreSpan startRemote(String operationName, SpanContext parent) {
    PendingTrace trace =
        new PendingTrace(
            new TraceId(parent.traceIdHigh(), parent.traceIdLow()),
            parent.samplingPriority(),
            parent.decisionMaker(),
            time,
            writer);
    return newSpan(trace, parent.spanId(), operationName);
  }

  private CoreSpan newSpan(PendingTrace trace, long parentId, String operationName) {
    String name = operationName == null || operationName.isBlank() ? "unnamed" : operationName;
    CoreSpan span = new CoreSpan(this, trace, parentId, name, config.service());
    span.setTag("language", "jvm");
    span.setTag("env", config.env());
    span.setTag("version", config.version());
    return span;
  }
}

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
  private final Propagation propagation;
  private final TraceWriter writer;
  private final TimeSource time;
  private final AnchoredClock clock;
  private final ThreadLocal<ScopeStack> scopes = ThreadLocal.withInitial(ScopeStack::new);

  CoreTracer(TracerConfig config, TraceWriter writer, TimeSource time) {
    this.config = Objects.requireNonNull(config, "config");
    this.propagation = new Propagation(config.injectStyles(), config.extractStyles());
    this.writer = Objects.requireNonNull(writer, "writer");
    this.time = Objects.requireNonNull(time, "time");
    this.clock = new AnchoredClock(time);
  }

  /** A tracer that sends to the agent named in {@code config}, with its own writer thread. */
  public static CoreTracer create(TracerConfig config) {
    return new CoreTracer(config, AgentWriter.start(config), TimeSource.system());
  }

  public TracerConfig config() {
    return config;
  }

  /** Injects and extracts the propagation styles configured in {@link #config()}. */
  public Propagation propagation() {
    return propagation;
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
    ScopeStack stack = scopes.get();
    CoreSpan span =
        remoteParent == null
            ? startChild(operationName, stack.active(), stack)
            : startRemote(operationName, remoteParent, stack);
    stack.push(span);
    return span;
  }

  /**
   * Starts a child of the active span (or a new trace) without activating it: for work that
   * finishes on another thread, such as an asynchronous HTTP call.
   */
  public CoreSpan startDetached(String operationName) {
    return startChild(operationName, scopes.get().active(), null);
  }

  @Override
  public void close() {
    writer.close();
  }

  long monotonicNanos() {
    return time.monotonicNanos();
  }

  void deactivate(CoreSpan span) {
    ScopeStack stack = span.activatedOn();
    if (stack != null && stack.isOwnedByCurrentThread()) {
      stack.remove(span);
    }
  }

  private CoreSpan startChild(String operationName, CoreSpan parent, ScopeStack stack) {
    if (parent != null) {
      PendingTrace trace = parent.trace();
      trace.started();
      return new CoreSpan(
          this, trace, parent.spanId(), name(operationName), time.monotonicNanos(), stack);
    }
    long monotonic = time.monotonicNanos();
    long wall = clock.epochNanos(monotonic);
    PendingTrace trace =
        new PendingTrace(
            TraceId.generate(wall / 1_000_000_000L),
            PendingTrace.DEFAULT_PRIORITY,
            PendingTrace.DEFAULT_DECISION_MAKER,
            "",
            wall,
            monotonic,
            writer);
    return new CoreSpan(this, trace, 0, name(operationName), monotonic, stack);
  }

  private CoreSpan startRemote(String operationName, SpanContext parent, ScopeStack stack) {
    long monotonic = time.monotonicNanos();
    long wall = clock.epochNanos(monotonic);
    PendingTrace trace =
        new PendingTrace(
            new TraceId(parent.traceIdHigh(), parent.traceIdLow()),
            parent.samplingPriority(),
            parent.decisionMaker(),
            parent.vendorState(),
            wall,
            monotonic,
            writer);
    return new CoreSpan(this, trace, parent.spanId(), name(operationName), monotonic, stack);
  }

  private static String name(String operationName) {
    return operationName == null || operationName.isBlank() ? "unnamed" : operationName;
  }
}

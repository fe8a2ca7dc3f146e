package dev.tracehouse.tracer.core;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tracer: starts {@link CoreSpan}s, tracks the active span per thread (and tells the {@link
 * ScopeListener}, such as the log correlation, when it changes), samples new traces and hands
 * finished trace chunks to the agent writer. Close it to flush what is queued.
 */
public final class CoreTracer implements Tracer, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CoreTracer.class.getName());

  private final TracerConfig config;
  private final Propagation propagation;
  private final TraceWriter writer;
  private final Sampler sampler;
  private final TimeSource time;
  private final AnchoredClock clock;
  private final ThreadLocal<ScopeStack> scopes = ThreadLocal.withInitial(ScopeStack::new);
  private volatile ScopeListener scopeListener = ScopeListener.NONE;

  CoreTracer(TracerConfig config, TraceWriter writer, TimeSource time) {
    this(config, writer, new Sampler(config.sampling(), time), time);
  }

  private CoreTracer(TracerConfig config, TraceWriter writer, Sampler sampler, TimeSource time) {
    this.config = Objects.requireNonNull(config, "config");
    this.propagation = new Propagation(config.injectStyles(), config.extractStyles());
    this.writer = Objects.requireNonNull(writer, "writer");
    this.sampler = sampler;
    this.time = Objects.requireNonNull(time, "time");
    this.clock = new AnchoredClock(time);
  }

  /**
   * A tracer that sends to the agent named in {@code config}, with its own writer thread; the
   * agent's answers update the sampling rates.
   */
  public static CoreTracer create(TracerConfig config) {
    TimeSource time = TimeSource.system();
    Sampler sampler = new Sampler(config.sampling(), time);
    return new CoreTracer(
        config, AgentWriter.start(config, sampler::onAgentResponse), sampler, time);
  }

  public TracerConfig config() {
    return config;
  }

  /** Injects and extracts the propagation styles configured in {@link #config()}. */
  public Propagation propagation() {
    return propagation;
  }

  /**
   * Makes {@code listener} hear of every change of a thread's active span from now on, replacing
   * the previous listener. Used by the log correlation.
   */
  public void setScopeListener(ScopeListener listener) {
    this.scopeListener = Objects.requireNonNull(listener, "listener");
  }

  ScopeListener scopeListener() {
    return scopeListener;
  }

  @Override
  public CoreSpan trace(String operationName) {
    return startActive(operationName, null);
  }

  @Override
  public Optional<Span> activeSpan() {
    return Optional.ofNullable(scopes.get().active());
  }

  /** The span active on this thread, or {@code null}: {@link #activeSpan()} without allocating. */
  public CoreSpan currentSpan() {
    return scopes.get().active();
  }

  /**
   * Makes {@code span}, started elsewhere (usually on another thread), the active span of this
   * thread until {@link #suspend(CoreSpan)}; spans started meanwhile become its children. Nothing
   * is finished by this pair: it hands a context over to executor threads.
   */
  public void resume(CoreSpan span) {
    ScopeStack stack = scopes.get();
    stack.pushResumed(Objects.requireNonNull(span, "span"));
    notifyListener(span);
  }

  /**
   * Ends the activation of {@code span} on this thread without finishing it: the span and every
   * span activated after it here and still open leave this thread's stack, so the span active
   * before it is active again. Also ends the activation of a span started with {@link #startActive}
   * that finishes later on another thread (asynchronous requests).
   */
  public void suspend(CoreSpan span) {
    ScopeStack stack = scopes.get();
    stack.truncateAt(span);
    notifyListener(stack.active());
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
    notifyListener(span);
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

  TraceWriter writer() {
    return writer;
  }

  Sampler sampler() {
    return sampler;
  }

  /** A tag every span carries unless it sets its own: {@code env}, {@code version}, DD_TAGS. */
  String tracerWideTag(String key) {
    switch (key) {
      case "env":
        return config.env();
      case "version":
        return config.version();
      default:
        return config.tags().get(key);
    }
  }

  /** The span's env as the agent's rates are keyed: its own tag, the tracer's, or empty. */
  String envOf(CoreSpan span) {
    SpanTags tags = span.tags();
    int own = tags.metaIndex("env");
    if (own >= 0) {
      return tags.metaValue(own);
    }
    String env = tracerWideTag("env");
    return env == null ? "" : env;
  }

  void deactivate(CoreSpan span) {
    ScopeStack stack = span.activatedOn();
    if (stack != null && stack.isOwnedByCurrentThread() && stack.remove(span)) {
      notifyListener(stack.active());
    }
  }

  private void notifyListener(CoreSpan active) {
    ScopeListener listener = scopeListener;
    if (listener != ScopeListener.NONE) {
      try {
        listener.activeSpanChanged(active);
      } catch (RuntimeException e) {
        setScopeListener(ScopeListener.NONE);
        LOG.log(Level.FINE, "tracehouse: scope listener failed, removed", e);
      }
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
        new PendingTrace(this, TraceId.generate(wall / 1_000_000_000L), null, "", wall, monotonic);
    return rootOf(trace, 0, operationName, monotonic, stack);
  }

  private CoreSpan startRemote(String operationName, SpanContext parent, ScopeStack stack) {
    long monotonic = time.monotonicNanos();
    long wall = clock.epochNanos(monotonic);
    PendingTrace trace =
        new PendingTrace(
            this,
            new TraceId(parent.traceIdHigh(), parent.traceIdLow()),
            parent.hasSamplingPriority()
                ? SamplingDecision.upstream(parent.samplingPriority(), parent.decisionMaker())
                : null,
            parent.vendorState(),
            wall,
            monotonic);
    return rootOf(trace, parent.spanId(), operationName, monotonic, stack);
  }

  private CoreSpan rootOf(
      PendingTrace trace, long parentId, String operationName, long monotonic, ScopeStack stack) {
    CoreSpan root = new CoreSpan(this, trace, parentId, name(operationName), monotonic, stack);
    trace.rootStarted(root);
    return root;
  }

  private static String name(String operationName) {
    return operationName == null || operationName.isBlank() ? "unnamed" : operationName;
  }
}

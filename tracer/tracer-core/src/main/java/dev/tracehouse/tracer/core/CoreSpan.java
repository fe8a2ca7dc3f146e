package dev.tracehouse.tracer.core;

import dev.tracehouse.tracer.Span;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A span of the core tracer. Thread-safe; changes after {@link #close()} are ignored, and no method
 * throws.
 */
public final class CoreSpan implements Span {

  private final CoreTracer tracer;
  private final PendingTrace trace;
  private final long spanId;
  private final long parentId;
  private final long startMonotonic;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Map<String, String> meta = new LinkedHashMap<>();
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private String name;
  private String service;
  private String resource;
  private String type;
  private int error;
  private long duration;
  private volatile ScopeStack activatedOn;

  CoreSpan(CoreTracer tracer, PendingTrace trace, long parentId, String name, String service) {
    this.tracer = tracer;
    this.trace = trace;
    this.spanId = TraceId.randomNonZero();
    this.parentId = parentId;
    this.name = name;
    this.service = service;
    this.resource = name;
    this.startMonotonic = trace.monotonicNanos();
    trace.started();
  }

  @Override
  public synchronized CoreSpan setTag(String key, String value) {
    if (key != null && value != null && !isFinished()) {
      meta.put(key, value);
    }
    return this;
  }

  @Override
  public synchronized CoreSpan setTag(String key, Number value) {
    if (key != null && value != null && !isFinished()) {
      metrics.put(key, value.doubleValue());
    }
    return this;
  }

  @Override
  public CoreSpan setTag(String key, boolean value) {
    return setTag(key, Boolean.toString(value));
  }

  @Override
  public synchronized CoreSpan setResource(String resource) {
    if (resource != null && !isFinished()) {
      this.resource = resource;
    }
    return this;
  }

  @Override
  public synchronized CoreSpan setService(String service) {
    if (service != null && !isFinished()) {
      this.service = service;
    }
    return this;
  }

  @Override
  public synchronized CoreSpan setType(String type) {
    if (!isFinished()) {
      this.type = type;
    }
    return this;
  }

  /** Sets or clears the error flag without adding error tags (e.g. for an HTTP 500). */
  public synchronized CoreSpan setErrorFlag(boolean failed) {
    if (!isFinished()) {
      this.error = failed ? 1 : 0;
    }
    return this;
  }

  @Override
  public synchronized CoreSpan setError(Throwable throwable) {
    if (throwable == null || isFinished()) {
      return this;
    }
    StringWriter stack = new StringWriter();
    throwable.printStackTrace(new PrintWriter(stack));
    error = 1;
    meta.put("error.type", throwable.getClass().getName());
    meta.put("error.message", String.valueOf(throwable.getMessage()));
    meta.put("error.stack", stack.toString());
    return this;
  }

  @Override
  public void close() {
    long end = trace.monotonicNanos();
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      duration = Math.max(1, end - startMonotonic);
    }
    try {
      tracer.deactivate(this);
    } finally {
      trace.finished(this);
    }
  }

  boolean isFinished() {
    return finished.get();
  }

  long spanId() {
    return spanId;
  }

  long parentId() {
    return parentId;
  }

  PendingTrace trace() {
    return trace;
  }

  long startNanos() {
    return trace.epochNanos(startMonotonic);
  }

  ScopeStack activatedOn() {
    return activatedOn;
  }

  void activatedOn(ScopeStack stack) {
    this.activatedOn = stack;
  }

  synchronized SpanData toData(Map<String, String> extraMeta, Map<String, Double> extraMetrics) {
    Map<String, String> allMeta = new HashMap<>(meta);
    allMeta.putAll(extraMeta);
    Map<String, Double> allMetrics = new HashMap<>(metrics);
    allMetrics.putAll(extraMetrics);
    return new SpanData(
        trace.traceId().low(),
        spanId,
        parentId,
        name,
        service,
        resource,
        type,
        startNanos(),
        duration,
        error,
        allMeta,
        allMetrics);
  }

  @Override
  public String toString() {
    return "CoreSpan{" + name + ", spanId=" + Long.toUnsignedString(spanId) + "}";
  }
}

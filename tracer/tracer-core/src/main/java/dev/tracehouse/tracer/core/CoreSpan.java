package dev.tracehouse.tracer.core;

import dev.tracehouse.tracer.Span;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A span of the core tracer. Thread-safe; changes after {@link #close()} are ignored, and no method
 * throws. Once finished it is immutable and the writer thread reads it directly (the
 * package-private accessors below), so a finished span is never copied.
 */
public final class CoreSpan implements Span {

  static final String MANUAL_KEEP = "manual.keep";
  static final String MANUAL_DROP = "manual.drop";

  private final CoreTracer tracer;
  private final PendingTrace trace;
  private final long spanId;
  private final long parentId;
  private final long startMonotonic;
  private final ScopeStack activatedOn;
  private final SpanTags tags = new SpanTags();
  private final String name;
  private String service;
  private String resource;
  private String type;
  private int error;
  private long duration;
  private volatile boolean finished;

  CoreSpan(
      CoreTracer tracer,
      PendingTrace trace,
      long parentId,
      String name,
      long startMonotonic,
      ScopeStack activatedOn) {
    this.tracer = tracer;
    this.trace = trace;
    this.spanId = TraceId.randomNonZero();
    this.parentId = parentId;
    this.name = name;
    this.service = tracer.config().service();
    this.resource = name;
    this.startMonotonic = startMonotonic;
    this.activatedOn = activatedOn;
  }

  @Override
  public CoreSpan setTag(String key, String value) {
    if (key != null && value != null && !manualSampling(key, Boolean.parseBoolean(value))) {
      putMeta(key, value);
    }
    return this;
  }

  private synchronized void putMeta(String key, String value) {
    if (!finished) {
      tags.putMeta(key, value);
    }
  }

  @Override
  public synchronized CoreSpan setTag(String key, Number value) {
    if (key != null && value != null && !finished) {
      tags.putMetric(key, value.doubleValue());
    }
    return this;
  }

  @Override
  public CoreSpan setTag(String key, boolean value) {
    return setTag(key, Boolean.toString(value));
  }

  @Override
  public CoreSpan keepTrace() {
    trace.overrideSampling(true);
    return this;
  }

  @Override
  public CoreSpan dropTrace() {
    trace.overrideSampling(false);
    return this;
  }

  /**
   * dd-trace-api's {@code manual.keep} / {@code manual.drop} tags: with a true value they keep or
   * drop the trace instead of becoming meta. Returns whether {@code key} was one of them.
   */
  private boolean manualSampling(String key, boolean on) {
    boolean keep = key.equals(MANUAL_KEEP);
    if (!keep && !key.equals(MANUAL_DROP)) {
      return false;
    }
    if (on) {
      trace.overrideSampling(keep);
    }
    return true;
  }

  @Override
  public synchronized CoreSpan setResource(String resource) {
    if (resource != null && !finished) {
      this.resource = resource;
    }
    return this;
  }

  @Override
  public synchronized CoreSpan setService(String service) {
    if (service != null && !finished) {
      this.service = service;
    }
    return this;
  }

  @Override
  public synchronized CoreSpan setType(String type) {
    if (!finished) {
      this.type = type;
    }
    return this;
  }

  /** Sets or clears the error flag without adding error tags (e.g. for an HTTP 500). */
  public synchronized CoreSpan setErrorFlag(boolean failed) {
    if (!finished) {
      this.error = failed ? 1 : 0;
    }
    return this;
  }

  @Override
  public synchronized CoreSpan setError(Throwable throwable) {
    if (throwable == null || finished) {
      return this;
    }
    StringWriter stack = new StringWriter();
    throwable.printStackTrace(new PrintWriter(stack));
    error = 1;
    tags.putMeta("error.type", throwable.getClass().getName());
    tags.putMeta("error.message", String.valueOf(throwable.getMessage()));
    tags.putMeta("error.stack", stack.toString());
    return this;
  }

  @Override
  public void close() {
    long end = tracer.monotonicNanos();
    synchronized (this) {
      if (finished) {
        return;
      }
      duration = Math.max(1, end - startMonotonic);
      finished = true;
    }
    try {
      tracer.deactivate(this);
    } finally {
      trace.finished(this);
    }
  }

  boolean isFinished() {
    return finished;
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

  /** The tracer that started this span. */
  public CoreTracer tracer() {
    return tracer;
  }

  ScopeStack activatedOn() {
    return activatedOn;
  }

  long startNanos() {
    return trace.epochNanos(startMonotonic);
  }

  // The accessors below are for the writer, which reads a span only after it finished.

  String name() {
    return name;
  }

  String service() {
    return service;
  }

  String resource() {
    return resource;
  }

  String type() {
    return type;
  }

  int error() {
    return error;
  }

  long duration() {
    return duration;
  }

  SpanTags tags() {
    return tags;
  }

  @Override
  public String toString() {
    return "CoreSpan{" + name + ", spanId=" + Long.toUnsignedString(spanId) + "}";
  }
}

package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans of one trace that live in this process. It is created for its first span, the local
 * root. When every span started in it has finished, the finished spans go to the writer as one
 * chunk (as they are: the writer thread encodes them); spans started later form a further chunk.
 * While spans are still open, the finished ones are sent early once there are {@code
 * DD_TRACE_PARTIAL_FLUSH_MIN_SPANS} of them (partial flush).
 *
 * <p>The sampling decision is made once, when it is first needed: when headers are injected, or
 * when the first chunk is handed to the writer. It is taken from upstream for a continued trace,
 * and only a manual keep or drop changes it afterwards.
 */
final class PendingTrace {

  static final int DEFAULT_PRIORITY = 1;

  private final CoreTracer tracer;
  private final long traceIdHigh;
  private final long traceIdLow;
  private final String vendorState;
  private final long wallAnchor;
  private final long monotonicAnchor;
  private volatile SamplingDecision sampling;
  private CoreSpan localRoot;
  private List<CoreSpan> finished;
  private int unfinished = 1;

  /**
   * @param upstream the decision received with the remote parent, or {@code null} for a new trace
   * @param vendorState other vendors' W3C tracestate members to pass on, empty when none
   * @param wallAnchor wall-clock nanoseconds read at the same moment as {@code monotonicAnchor}
   */
  PendingTrace(
      CoreTracer tracer,
      TraceId traceId,
      SamplingDecision upstream,
      String vendorState,
      long wallAnchor,
      long monotonicAnchor) {
    this.tracer = tracer;
    this.traceIdHigh = traceId.high();
    this.traceIdLow = traceId.low();
    this.sampling = upstream;
    this.vendorState = vendorState;
    this.wallAnchor = wallAnchor;
    this.monotonicAnchor = monotonicAnchor;
  }

  /** Records the first span; called once, before the trace is shared with another thread. */
  void rootStarted(CoreSpan root) {
    this.localRoot = root;
  }

  CoreSpan localRoot() {
    return localRoot;
  }

  /** The lower 64 bits of the trace id: {@code trace_id} on the wire. */
  long traceIdLow() {
    return traceIdLow;
  }

  /** The upper 64 bits of the trace id, 0 for a 64-bit id. */
  long traceIdHigh() {
    return traceIdHigh;
  }

  /** The sampling decision, made now from the local root if it was not made yet. */
  SamplingDecision sampling() {
    SamplingDecision decision = sampling;
    return decision != null ? decision : decide();
  }

  int samplingPriority() {
    return sampling().priority();
  }

  /** The {@code _dd.p.dm} value, or {@code null} (dropped traces carry none). */
  String decisionMaker() {
    return sampling().decisionMaker();
  }

  /** Manual keep (priority 2, {@code _dd.p.dm=-4}) or drop (-1) of the whole trace. */
  synchronized void overrideSampling(boolean keep) {
    sampling = SamplingDecision.manual(keep, sampling);
  }

  /** Other vendors' tracestate members received from upstream, empty when none. */
  String vendorState() {
    return vendorState;
  }

  /** The trace id as logs carry it ({@code dd.trace_id}). */
  String loggedTraceId() {
    return traceIdHigh != 0 && tracer.config().traceId128Logging()
        ? Hex.of(traceIdHigh) + Hex.of(traceIdLow)
        : Long.toUnsignedString(traceIdLow);
  }

  /** Wall-clock time derived from the monotonic clock, so spans of one trace order correctly. */
  long epochNanos(long monotonicNanos) {
    return wallAnchor + (monotonicNanos - monotonicAnchor);
  }

  /** Counts a further span (the first is counted at construction). */
  synchronized void started() {
    unfinished++;
  }

  void finished(CoreSpan span) {
    List<CoreSpan> chunk;
    synchronized (this) {
      unfinished--;
      if (unfinished > 0) {
        if (finished == null) {
          finished = new ArrayList<>();
        }
        finished.add(span);
        int minSpans = tracer.config().partialFlushMinSpans();
        if (minSpans == 0 || finished.size() < minSpans) {
          return;
        }
        chunk = finished;
        finished = null;
      } else if (finished == null) {
        chunk = List.of(span);
      } else {
        finished.add(span);
        chunk = finished;
        finished = null;
      }
    }
    sampling();
    tracer.writer().write(chunk);
  }

  private synchronized SamplingDecision decide() {
    if (sampling == null) {
      sampling = tracer.sampler().decide(localRoot, traceIdLow);
    }
    return sampling;
  }
}

package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans of one trace that live in this process. It is created for its first span. When every
 * span started in it has finished, the finished spans go to the writer as one chunk (as they are:
 * the writer thread encodes them); spans started later form a further chunk.
 */
final class PendingTrace {

  static final int DEFAULT_PRIORITY = 1;
  static final String DEFAULT_DECISION_MAKER = "-0";

  private final long traceIdHigh;
  private final long traceIdLow;
  private final int samplingPriority;
  private final String decisionMaker;
  private final String vendorState;
  private final long wallAnchor;
  private final long monotonicAnchor;
  private final TraceWriter writer;
  private List<CoreSpan> finished;
  private int unfinished = 1;

  /**
   * @param vendorState other vendors' W3C tracestate members to pass on, empty when none
   * @param wallAnchor wall-clock nanoseconds read at the same moment as {@code monotonicAnchor}
   */
  PendingTrace(
      TraceId traceId,
      int samplingPriority,
      String decisionMaker,
      String vendorState,
      long wallAnchor,
      long monotonicAnchor,
      TraceWriter writer) {
    this.traceIdHigh = traceId.high();
    this.traceIdLow = traceId.low();
    this.samplingPriority = samplingPriority;
    this.decisionMaker = decisionMaker;
    this.vendorState = vendorState;
    this.wallAnchor = wallAnchor;
    this.monotonicAnchor = monotonicAnchor;
    this.writer = writer;
  }

  TraceId traceId() {
    return new TraceId(traceIdHigh, traceIdLow);
  }

  /** The lower 64 bits of the trace id: {@code trace_id} on the wire. */
  long traceIdLow() {
    return traceIdLow;
  }

  /** The upper 64 bits of the trace id, 0 for a 64-bit id. */
  long traceIdHigh() {
    return traceIdHigh;
  }

  int samplingPriority() {
    return samplingPriority;
  }

  String decisionMaker() {
    return decisionMaker;
  }

  /** Other vendors' tracestate members received from upstream, empty when none. */
  String vendorState() {
    return vendorState;
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
        return;
      }
      if (finished == null) {
        chunk = List.of(span);
      } else {
        finished.add(span);
        chunk = finished;
        finished = null;
      }
    }
    writer.write(chunk);
  }
}

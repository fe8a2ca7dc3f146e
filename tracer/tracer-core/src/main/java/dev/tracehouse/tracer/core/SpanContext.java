package dev.tracehouse.tracer.core;

/**
 * The identity of a remote parent span, as extracted from propagation headers.
 *
 * @param traceIdHigh upper 64 bits of the trace id (from {@code _dd.p.tid}), 0 if unknown
 * @param traceIdLow lower 64 bits of the trace id, never 0
 * @param spanId the parent span's id, never 0
 * @param samplingPriority the upstream sampling decision ({@code _sampling_priority_v1}), or {@link
 *     #UNSET_PRIORITY} when upstream sent none (then this process samples the trace)
 * @param decisionMaker the upstream {@code _dd.p.dm} value, such as {@code -1}, or {@code null}
 *     when none was received
 * @param vendorState other vendors' W3C {@code tracestate} members, comma-separated, to pass on
 *     unchanged; empty when there are none
 */
public record SpanContext(
    long traceIdHigh,
    long traceIdLow,
    long spanId,
    int samplingPriority,
    String decisionMaker,
    String vendorState) {

  /** No sampling priority was received. */
  public static final int UNSET_PRIORITY = Integer.MIN_VALUE;

  public SpanContext {
    if (traceIdLow == 0 || spanId == 0) {
      throw new IllegalArgumentException("trace id and span id must be non-zero");
    }
    if (vendorState == null) {
      vendorState = "";
    }
  }

  /** A context without other vendors' tracestate members. */
  public SpanContext(
      long traceIdHigh, long traceIdLow, long spanId, int samplingPriority, String decisionMaker) {
    this(traceIdHigh, traceIdLow, spanId, samplingPriority, decisionMaker, "");
  }

  /** Whether upstream sent a sampling decision. */
  public boolean hasSamplingPriority() {
    return samplingPriority != UNSET_PRIORITY;
  }
}

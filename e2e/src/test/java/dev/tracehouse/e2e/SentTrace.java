package dev.tracehouse.e2e;

/**
 * One trace a simulated client sent, and what was decided about it before it left.
 *
 * @param traceId the 128-bit trace id as the web API prints it (32 hex digits)
 * @param fate the sampling decision the client took, or {@link Fate#NO_PRIORITY}
 * @param startNanos the root span's start, ns since the epoch
 */
record SentTrace(String traceId, Fate fate, long startNanos) {

  /** The client's sampling decision. */
  enum Fate {
    /** Priority 1: the client applied the agent's rate and kept it. */
    CLIENT_KEPT,
    /** Priority 0, no error span. */
    DROPPED,
    /** Priority 0 with an error span: the agent's error sampler may still keep it. */
    DROPPED_ERROR,
    /** Priority 2 (manual keep). */
    USER_KEPT,
    /** Priority -1 (manual drop), with or without an error span. */
    USER_DROPPED,
    /** Sent without a priority (Zipkin): the agent decides. */
    NO_PRIORITY
  }

  /** The trace id of a 64-bit id (high half 0), as the web API prints it. */
  static String hex(long traceIdLow) {
    return "0".repeat(16) + String.format("%016x", traceIdLow);
  }

  boolean startedIn(long fromNanos, long toNanos) {
    return startNanos >= fromNanos && startNanos < toNanos;
  }
}

package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spans of one trace that live in this process. When every span started in it has finished, the
 * finished spans go to the writer as one chunk; spans started later form a further chunk.
 */
final class PendingTrace {

  static final int DEFAULT_PRIORITY = 1;
  static final String DEFAULT_DECISION_MAKER = "-0";
  private static final double PROCESS_ID = ProcessHandle.current().pid();

  private final TraceId traceId;
  private final int samplingPriority;
  private final String decisionMaker;
  private final TimeSource time;
  private final long wallAnchor;
  private final long monotonicAnchor;
  private final TraceWriter writer;
  private final List<CoreSpan> finished = new ArrayList<>();
  private int unfinished;

  PendingTrace(
      TraceId traceId,
      int samplingPriority,
      String decisionMaker,
      TimeSource time,
      TraceWriter writer) {
    this.traceId = traceId;
    this.samplingPriority = samplingPriority;
    this.decisionMaker = decisionMaker;
    this.time = time;
    this.writer = writer;
    this.wallAnchor = time.epochNanos();
    this.monotonicAnchor = time.monotonicNanos();
  }

  TraceId traceId() {
    return traceId;
  }

  int samplingPriority() {
    return samplingPriority;
  }

  String decisionMaker() {
    return decisionMaker;
  }

  long monotonicNanos() {
    return time.monotonicNanos();
  }

  /** Wall-clock time derived from the monotonic clock, so spans of one trace order correctly. */
  long epochNanos(long monotonicNanos) {
    return wallAnchor + (monotonicNanos - monotonicAnchor);
  }

  synchronized void started() {
    unfinished++;
  }

  void finished(CoreSpan span) {
    List<CoreSpan> chunk = null;
    synchronized (this) {
      finished.add(span);
      unfinished--;
      if (unfinished <= 0) {
        chunk = new ArrayList<>(finished);
        finished.clear();
      }
    }
    if (chunk != null) {
      writer.write(toData(chunk));
    }
  }

  /** Converts a chunk, local root first, with the trace-level tags on the local root. */
  private List<SpanData> toData(List<CoreSpan> chunk) {
    CoreSpan root = localRoot(chunk);
    Map<String, String> rootMeta =
        traceId.high() == 0
            ? Map.of("_dd.p.dm", decisionMaker)
            : Map.of("_dd.p.dm", decisionMaker, "_dd.p.tid", traceId.highHex());
    Map<String, Double> rootMetrics =
        Map.of("_sampling_priority_v1", (double) samplingPriority, "process_id", PROCESS_ID);
    List<SpanData> data = new ArrayList<>(chunk.size());
    data.add(root.toData(rootMeta, rootMetrics));
    for (CoreSpan span : chunk) {
      if (span != root) {
        data.add(span.toData(Map.of(), Map.of()));
      }
    }
    return data;
  }

  /** The earliest-started span whose parent is not in the chunk. */
  private static CoreSpan localRoot(List<CoreSpan> chunk) {
    Set<Long> ids = new HashSet<>();
    for (CoreSpan span : chunk) {
      ids.add(span.spanId());
    }
    CoreSpan root = null;
    for (CoreSpan span : chunk) {
      boolean parentOutside = !ids.contains(span.parentId());
      if (parentOutside && (root == null || span.startNanos() < root.startNanos())) {
        root = span;
      }
    }
    return root == null ? chunk.get(0) : root;
  }
}

package dev.tracehouse.web;

import dev.tracehouse.store.TraceSummary;
import java.util.List;

/** One row of {@code GET /api/traces}. */
record TraceSummaryView(
    String traceId,
    String rootService,
    String rootName,
    String rootResource,
    long start,
    long duration,
    int spanCount,
    int errorCount,
    List<String> services) {

  static TraceSummaryView of(TraceSummary s) {
    return new TraceSummaryView(
        s.traceId().toHex(),
        s.rootService(),
        s.rootName(),
        s.rootResource(),
        s.start(),
        s.duration(),
        s.spanCount(),
        s.errorCount(),
        s.services());
  }
}

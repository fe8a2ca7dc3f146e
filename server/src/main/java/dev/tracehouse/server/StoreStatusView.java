package dev.tracehouse.server;

import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StoreStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code store} part of {@code GET /api/agent/status}: health, size and retention. */
final class StoreStatusView {
  private StoreStatusView() {}

  /**
   * Health always; for stores that report it, bytes used against the budget, the age limit, the
   * spans kept and the oldest one's start, what retention deleted since the store opened, and the
   * spans that expired at the end of the live window because no retention filter indexed them.
   */
  static Map<String, Object> of(SpanStore store) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("health", store.check());
    store.status().ifPresent(status -> add(view, status));
    return view;
  }

  private static void add(Map<String, Object> view, StoreStatus s) {
    view.put("bytes_used", s.bytesUsed());
    view.put("max_bytes", s.maxBytes());
    view.put("max_age", s.maxAge().toString());
    view.put("spans", s.spans());
    view.put(
        "oldest_span_start",
        s.spans() == 0 ? null : Instant.ofEpochSecond(0, s.oldestSpanStartNs()).toString());
    view.put("spans_deleted", s.spansDeleted());
    view.put("stats_rows_deleted", s.statsRowsDeleted());
    view.put("retention_runs", s.retentionRuns());
    view.put("unindexed_spans_expired", s.unindexedSpansExpired());
  }
}

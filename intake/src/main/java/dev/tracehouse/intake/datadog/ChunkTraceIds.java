package dev.tracehouse.intake.datadog;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds 128-bit trace ids for one chunk (spec/agent-intake.md 8.1): the meta {@code _dd.p.tid}
 * (16 hex digits) found on any span gives the high half to every span of the chunk with the same
 * low trace id. A malformed tid is ignored; without one the high half stays 0.
 */
final class ChunkTraceIds {
  static final String TID_KEY = "_dd.p.tid";

  /**
   * A decoded span still waiting for its full trace id, with its native span links and events
   * (dd-trace-js JSON entries, see {@link SpanExtras}).
   */
  record Pending(
      Span.Builder builder,
      long traceIdLow,
      String tid,
      List<Map<String, Object>> links,
      List<Map<String, Object>> events) {

    Pending(Span.Builder builder, long traceIdLow, String tid) {
      this(builder, traceIdLow, tid, List.of(), List.of());
    }
  }

  private ChunkTraceIds() {}

  /** Adds the chunk's spans, in order and with their 128-bit trace ids, unless it is empty. */
  static void addChunk(List<List<Span>> chunks, List<Pending> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    List<Span> out = new ArrayList<>(chunk.size());
    chunks.add(out);
    Map<Long, Long> highByLow = new HashMap<>();
    for (Pending span : chunk) {
      if (isValidTid(span.tid())) {
        highByLow.putIfAbsent(span.traceIdLow(), Long.parseUnsignedLong(span.tid(), 16));
      }
    }
    for (Pending span : chunk) {
      long high = highByLow.getOrDefault(span.traceIdLow(), 0L);
      Span built = span.builder().traceId(new TraceId(high, span.traceIdLow())).build();
      out.add(SpanExtras.merge(built, span.links(), span.events()));
    }
  }

  static boolean isValidTid(String tid) {
    if (tid == null || tid.length() != 16) {
      return false;
    }
    for (int i = 0; i < tid.length(); i++) {
      if (Character.digit(tid.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}

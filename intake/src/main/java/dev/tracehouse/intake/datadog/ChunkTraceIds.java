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
 * low trace id; the first one seen wins. A malformed tid is ignored; without one the high half
 * stays 0. Call {@link #see} for every span of the chunk, then {@link #traceId} for each; {@link
 * #clear} starts the next chunk.
 */
final class ChunkTraceIds {
  static final String TID_KEY = "_dd.p.tid";

  /** Low ids with a known high half kept in arrays before spilling to a map. */
  private static final int INLINE = 8;

  /** A span built by {@link JsonTraceReader}, waiting for its full trace id. */
  record Pending(
      Span.Builder builder,
      long traceIdLow,
      String tid,
      List<Map<String, Object>> links,
      List<Map<String, Object>> events) {}

  private final long[] lows = new long[INLINE];
  private final long[] highs = new long[INLINE];
  private int size;
  private Map<Long, Long> spill;
  private TraceId last;

  /** Adds the chunk's spans, in order and with their 128-bit trace ids, unless it is empty. */
  static void addChunk(List<List<Span>> chunks, List<Pending> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    ChunkTraceIds ids = new ChunkTraceIds();
    for (Pending span : chunk) {
      ids.see(span.traceIdLow(), span.tid());
    }
    List<Span> out = new ArrayList<>(chunk.size());
    for (Pending span : chunk) {
      Span built = span.builder().traceId(ids.traceId(span.traceIdLow())).build();
      out.add(SpanExtras.merge(built, span.links(), span.events()));
    }
    chunks.add(out);
  }

  void clear() {
    size = 0;
    spill = null;
    last = null;
  }

  /** Notes a span's low trace id and its tid (null when it has none). */
  void see(long low, String tid) {
    if (tid == null
        || tid.length() != 16
        || indexOf(low) >= 0
        || (spill != null && spill.containsKey(low))) {
      return;
    }
    long high = 0;
    for (int i = 0; i < tid.length(); i++) {
      int digit = Character.digit(tid.charAt(i), 16);
      if (digit < 0) {
        return;
      }
      high = (high << 4) | digit;
    }
    if (size < INLINE) {
      lows[size] = low;
      highs[size] = high;
      size++;
    } else {
      if (spill == null) {
        spill = new HashMap<>();
      }
      spill.put(low, high);
    }
  }

  /** The full trace id for a low id of this chunk; consecutive equal ids share one instance. */
  TraceId traceId(long low) {
    int index = indexOf(low);
    long high = index >= 0 ? highs[index] : spill == null ? 0 : spill.getOrDefault(low, 0L);
    if (last == null || last.low() != low || last.high() != high) {
      last = new TraceId(high, low);
    }
    return last;
  }

  private int indexOf(long low) {
    for (int i = 0; i < size; i++) {
      if (lows[i] == low) {
        return i;
      }
    }
    return -1;
  }
}

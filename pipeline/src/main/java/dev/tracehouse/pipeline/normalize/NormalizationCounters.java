package dev.tracehouse.pipeline.normalize;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of {@link NormalizationResult}s, for a status page ({@code GET
 * /api/agent/status}). Thread-safe; bounded (one counter per reason).
 */
public final class NormalizationCounters {
  private final Map<FixReason, LongAdder> fixes = new EnumMap<>(FixReason.class);
  private final Map<DropReason, LongAdder> droppedChunks = new EnumMap<>(DropReason.class);
  private final LongAdder droppedSpans = new LongAdder();
  private final LongAdder acceptedSpans = new LongAdder();

  public NormalizationCounters() {
    for (FixReason r : FixReason.values()) {
      fixes.put(r, new LongAdder());
    }
    for (DropReason r : DropReason.values()) {
      droppedChunks.put(r, new LongAdder());
    }
  }

  /** Adds one result's counts. */
  public void record(NormalizationResult result) {
    result.fixes().forEach((reason, n) -> fixes.get(reason).add(n));
    result.rejections().forEach(r -> droppedChunks.get(r.reason()).increment());
    droppedSpans.add(result.droppedSpans());
    result.chunks().forEach(c -> acceptedSpans.add(c.size()));
  }

  /**
   * The totals so far, keys in a fixed order: {@code spans_accepted}, {@code spans_dropped}, then
   * {@code spans_malformed.<fix tag>} and {@code traces_dropped.<drop tag>} (the agent's names).
   */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("spans_accepted", acceptedSpans.sum());
    out.put("spans_dropped", droppedSpans.sum());
    fixes.forEach((r, n) -> out.put("spans_malformed." + r.tag(), n.sum()));
    droppedChunks.forEach((r, n) -> out.put("traces_dropped." + r.tag(), n.sum()));
    return out;
  }
}

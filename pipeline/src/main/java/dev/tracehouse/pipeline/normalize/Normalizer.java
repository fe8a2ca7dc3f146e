package dev.tracehouse.pipeline.normalize;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes spans safe to store and aggregate, the way the Datadog trace agent does (RATIONALE.md,
 * "Normalisation"): a chunk with an empty body, a zero trace or span id, or a span of another trace
 * is rejected whole; every other span is repaired (service, name, resource, type, times, meta and
 * metrics bounded and valid). The output is idempotent: normalising it again changes nothing.
 *
 * <p>Run it first in the pipeline, before obfuscation ({@code SpanObfuscator}) and top-level
 * marking. Thread-safe; keeps no state besides the clock.
 */
public final class Normalizer {
  /** Chunks up to this size look for duplicate span ids by comparing, without a set. */
  private static final int SMALL_CHUNK = 32;

  private final SpanNormalizer spans;

  /** A normaliser that reads "now" (to repair start times) from {@code clock}. */
  public Normalizer(Clock clock) {
    this.spans = new SpanNormalizer(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Normalises each chunk (the spans of one trace sent together).
   *
   * @param chunks the chunks as decoded
   * @param lang the client language ({@code Datadog-Meta-Lang} header), used in the fallback
   *     service name {@code unnamed-<lang>-service}; {@code null} or empty gives {@code
   *     unnamed-service}
   */
  public NormalizationResult normalize(List<List<Span>> chunks, String lang) {
    Objects.requireNonNull(chunks, "chunks");
    List<List<Span>> kept = new ArrayList<>(chunks.size());
    List<Rejection> rejections = new ArrayList<>();
    Map<FixReason, Long> fixes = SpanNormalizer.newFixes();
    long now = spans.nowNanos();
    for (List<Span> chunk : chunks) {
      Rejection rejection = check(chunk);
      if (rejection != null) {
        rejections.add(rejection);
        continue;
      }
      countDuplicateSpanIds(chunk, fixes);
      List<Span> out = new ArrayList<>(chunk.size());
      for (Span span : chunk) {
        out.add(spans.normalize(span, lang, now, fixes));
      }
      kept.add(out);
    }
    return new NormalizationResult(kept, fixes, rejections);
  }

  /** Normalises one chunk; see {@link #normalize(List, String)}. */
  public NormalizationResult normalizeChunk(List<Span> chunk, String lang) {
    return normalize(List.of(Objects.requireNonNull(chunk, "chunk")), lang);
  }

  /**
   * Groups a flat span list into one chunk per trace id, in order of first appearance. Use it only
   * when the decoder lost the chunk boundaries: top-level marking needs the real chunks.
   */
  public static List<List<Span>> chunksByTraceId(List<Span> spans) {
    Map<Long, List<Span>> byTrace = new LinkedHashMap<>();
    for (Span span : spans) {
      byTrace.computeIfAbsent(span.traceId().low(), k -> new ArrayList<>()).add(span);
    }
    return new ArrayList<>(byTrace.values());
  }

  /** Counts one {@link FixReason#DUPLICATE_SPAN_ID} per span whose id an earlier span has. */
  private static void countDuplicateSpanIds(List<Span> chunk, Map<FixReason, Long> fixes) {
    if (chunk.size() > SMALL_CHUNK) {
      Set<Long> spanIds = new HashSet<>();
      for (Span span : chunk) {
        if (!spanIds.add(span.spanId())) {
          SpanNormalizer.count(fixes, FixReason.DUPLICATE_SPAN_ID);
        }
      }
      return;
    }
    for (int i = 1; i < chunk.size(); i++) {
      long id = chunk.get(i).spanId();
      for (int j = 0; j < i; j++) {
        if (chunk.get(j).spanId() == id) {
          SpanNormalizer.count(fixes, FixReason.DUPLICATE_SPAN_ID);
          break;
        }
      }
    }
  }

  private static Rejection check(List<Span> chunk) {
    if (chunk == null || chunk.isEmpty()) {
      return new Rejection(DropReason.EMPTY_TRACE, 0, "trace chunk has no spans");
    }
    TraceId first = chunk.get(0).traceId();
    for (int i = 0; i < chunk.size(); i++) {
      Span span = chunk.get(i);
      DropReason reason = null;
      String problem = null;
      if (!sameTrace(first, span.traceId())) {
        reason = DropReason.FOREIGN_SPAN;
        problem = "span belongs to another trace than the first span";
      } else if (span.traceId().low() == 0) {
        reason = DropReason.TRACE_ID_ZERO;
        problem = "trace id is 0";
      } else if (span.spanId() == 0) {
        reason = DropReason.SPAN_ID_ZERO;
        problem = "span id is 0";
      }
      if (reason != null) {
        String where =
            " (span " + (i + 1) + " of " + chunk.size() + ", trace " + span.traceId() + ")";
        return new Rejection(reason, chunk.size(), problem + where);
      }
    }
    return null;
  }

  /** Same low 64 bits, and the same high 64 bits where both spans know them. */
  private static boolean sameTrace(TraceId a, TraceId b) {
    return a.low() == b.low() && (a.high() == 0 || b.high() == 0 || a.high() == b.high());
  }
}

package dev.tracehouse.intake.datadog;

import dev.tracehouse.model.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The spans of the msgpack chunk being decoded, held as reused {@link SpanFields} until the chunk
 * ends and its 128-bit trace ids are known ({@link ChunkTraceIds}). One per decoded body: {@link
 * #startSpan}, fields and {@link #putMeta}/{@link #putMetric}, {@link #endSpan}, and after the
 * chunk's last span {@link #flushTo}.
 */
final class ChunkBuffer {
  /** Boxed metric values for the small integers clients send most ({@code 0}, {@code 1}, ...). */
  private static final Double[] SMALL_NUMBERS = new Double[256];

  static {
    for (int i = 0; i < SMALL_NUMBERS.length; i++) {
      SMALL_NUMBERS[i] = (double) i;
    }
  }

  private final ChunkTraceIds ids = new ChunkTraceIds();
  private final RepeatedTags<String> meta = new RepeatedTags<>();
  private final RepeatedTags<Double> metrics = new RepeatedTags<>();
  private final TagTemplates<String> metaTemplates = new TagTemplates<>();
  private final TagTemplates<Double> metricTemplates = new TagTemplates<>();
  private SpanFields[] spans = new SpanFields[16];
  private int size;
  private SpanFields current;

  /** Starts the chunk's next span, all fields empty. */
  SpanFields startSpan() {
    if (size == spans.length) {
      spans = Arrays.copyOf(spans, size * 2);
    }
    if (spans[size] == null) {
      spans[size] = new SpanFields();
    } else {
      spans[size].clear();
    }
    current = spans[size++];
    meta.clear();
    metrics.clear();
    return current;
  }

  /** Adds a meta entry to the current span (a repeated key keeps the last value). */
  void putMeta(String key, String value) {
    meta.put(key, value);
    if (key.equals(ChunkTraceIds.TID_KEY)) {
      current.tid = value;
    }
  }

  /**
   * Gives the current span the meta of an earlier span when the map at {@code bytes[at ..)} has
   * exactly that span's bytes ({@link RepeatedTags}).
   *
   * @return the bytes to skip, or -1 when the map must be read with {@link #startMeta}, {@link
   *     #putMeta} and {@link #endMeta}
   */
  int replayMeta(byte[] bytes, int at, int end) {
    int length = meta.replay(bytes, at, end);
    if (length >= 0) {
      current.tid = meta.replayed().get(ChunkTraceIds.TID_KEY);
    }
    return length;
  }

  /** The templates to read this body's meta maps against. */
  TagTemplates<String> metaTemplates() {
    return metaTemplates;
  }

  /** The templates to read this body's metrics maps against. */
  TagTemplates<Double> metricTemplates() {
    return metricTemplates;
  }

  /** Whether the current span has no meta entries yet. */
  boolean metaEmpty() {
    return meta.isEmpty();
  }

  /** Whether the current span has no metrics yet. */
  boolean metricsEmpty() {
    return metrics.isEmpty();
  }

  /**
   * Gives the current span, which has no meta yet ({@link #metaEmpty}), the meta map read whole
   * from {@code bytes[start .. end)}, whose {@code _dd.p.tid} is {@code tid} (null when none).
   */
  void wholeMeta(Map<String, String> map, String tid, int start, int end) {
    meta.whole(map, start, end);
    current.tid = tid;
  }

  /** Like {@link #wholeMeta}, for metrics. */
  void wholeMetrics(Map<String, Double> map, int start, int end) {
    metrics.whole(map, start, end);
  }

  /** The meta map read next starts at {@code offset} of the body. */
  void startMeta(int offset) {
    meta.startRegion(offset);
  }

  /** The meta map read since {@link #startMeta} ended before {@code offset}. */
  void endMeta(int offset) {
    meta.endRegion(offset);
  }

  /** Like {@link #replayMeta}, for metrics. */
  int replayMetrics(byte[] bytes, int at, int end) {
    return metrics.replay(bytes, at, end);
  }

  /** Like {@link #startMeta}, for metrics. */
  void startMetrics(int offset) {
    metrics.startRegion(offset);
  }

  /** Like {@link #endMeta}, for metrics. */
  void endMetrics(int offset) {
    metrics.endRegion(offset);
  }

  /** Adds a metric to the current span (a repeated key keeps the last value). */
  void putMetric(String key, double value) {
    metrics.put(key, box(value));
  }

  /** Ends the current span: its meta and metrics become immutable maps. */
  void endSpan() {
    current.meta = meta.build();
    current.metrics = metrics.build();
  }

  /**
   * Adds the chunk's spans with their full trace ids, unless it is empty, and empties the buffer.
   */
  void flushTo(List<List<Span>> chunks) {
    if (size == 0) {
      return;
    }
    ids.clear();
    for (int i = 0; i < size; i++) {
      ids.see(spans[i].traceIdLow, spans[i].tid);
    }
    List<Span> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(spans[i].toSpan(ids.traceId(spans[i].traceIdLow)));
    }
    chunks.add(out);
    size = 0;
  }

  /** {@code value} boxed, small whole numbers as shared instances. */
  static Double box(double value) {
    int small = (int) value;
    if (small == value
        && small >= 0
        && small < SMALL_NUMBERS.length
        && Double.doubleToRawLongBits(value) != Long.MIN_VALUE) {
      return SMALL_NUMBERS[small];
    }
    return value;
  }
}

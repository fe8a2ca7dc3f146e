package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.Span;
import dev.tracehouse.store.Retention;
import dev.tracehouse.store.SpanTagColumns;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * Spans already turned into the values of {@link SpanTable}'s columns, by the thread that hands
 * them to the store: ids and times as longs, text as UTF-8 bytes, tags as JSON bytes except the
 * typed tags of {@link SpanTagColumns}, which go to their own columns as UTF-8 bytes (null when
 * absent). The single writer thread then only appends them, so the encoding work spreads over the
 * request threads instead of queueing behind the writer (RATIONALE.md). Immutable once built.
 */
final class SpanRows {

  /** trace_high, trace_low, span_id, parent_id, start_ns, duration_ns. */
  private static final int LONGS = 6;

  /** service, name, resource, type, meta, metrics, then the typed tags. */
  private static final int TAGS_AT = 6;

  private static final List<SpanTagColumns.Column> TAGS = SpanTagColumns.ALL;

  private static final int TEXTS = TAGS_AT + TAGS.size();

  private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);

  private final long[] longs;
  private final byte[][] texts;
  private final boolean[] errors;
  private final boolean[] indexed;
  private final long ingestNs;

  private SpanRows(int size, long ingestNs) {
    this.longs = new long[size * LONGS];
    this.texts = new byte[size * TEXTS][];
    this.errors = new boolean[size];
    this.indexed = new boolean[size];
    this.ingestNs = ingestNs;
  }

  /** The rows of {@code spans}, accepted at {@code ingestNs}, encoded on the calling thread. */
  static SpanRows encode(List<Span> spans, long ingestNs) {
    Encoder encoder = ENCODERS.get();
    SpanRows rows = new SpanRows(spans.size(), ingestNs);
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      int l = i * LONGS;
      rows.longs[l] = span.traceId().high();
      rows.longs[l + 1] = span.traceId().low();
      rows.longs[l + 2] = span.spanId();
      rows.longs[l + 3] = span.parentId();
      rows.longs[l + 4] = span.start();
      rows.longs[l + 5] = span.duration();
      int t = i * TEXTS;
      rows.texts[t] = encoder.utf8(span.service());
      rows.texts[t + 1] = encoder.utf8(span.name());
      rows.texts[t + 2] = encoder.utf8(span.resource());
      rows.texts[t + 3] = encoder.utf8(span.type());
      rows.texts[t + 4] = encoder.json.meta(span.meta(), SpanTagColumns.KEYS);
      rows.texts[t + 5] = encoder.json.metrics(span.metrics());
      for (int j = 0; j < TAGS.size(); j++) {
        String value = span.meta().get(TAGS.get(j).key());
        rows.texts[t + TAGS_AT + j] = value == null ? null : encoder.utf8(value);
      }
      rows.errors[i] = span.error();
      rows.indexed[i] = !"".equals(span.meta().get(Retention.INDEXED_BY));
    }
    return rows;
  }

  int size() {
    return errors.length;
  }

  /** Appends row {@code i} in {@link SpanTable}'s column order. */
  void append(DuckDBAppender appender, int i) throws SQLException {
    int l = i * LONGS;
    int t = i * TEXTS;
    appender.beginRow();
    appender.append(longs[l]);
    appender.append(longs[l + 1]);
    appender.append(longs[l + 2]);
    appender.append(longs[l + 3]);
    appender.append(texts[t]);
    appender.append(texts[t + 1]);
    appender.append(texts[t + 2]);
    appender.append(texts[t + 3]);
    appender.append(longs[l + 4]);
    appender.append(longs[l + 5]);
    appender.append(errors[i]);
    appender.append(texts[t + 4]);
    appender.append(texts[t + 5]);
    appender.append(ingestNs);
    appender.append(indexed[i]);
    for (int j = TAGS_AT; j < TEXTS; j++) {
      if (texts[t + j] == null) {
        appender.appendNull();
      } else {
        appender.append(texts[t + j]);
      }
    }
    appender.endRow();
  }

  /**
   * One per thread: the tag JSON writer, and the UTF-8 bytes of recently seen short strings
   * (services, operation names, types and most resources repeat; the decoder hands the same {@code
   * String} instance for a repeated value, so a slot is checked by identity).
   */
  private static final class Encoder {
    private static final int SLOTS = 1024;
    private static final int MAX_CACHED_CHARS = 64;

    final TagsJsonWriter json = new TagsJsonWriter();
    private final String[] keys = new String[SLOTS];
    private final byte[][] values = new byte[SLOTS][];

    byte[] utf8(String s) {
      if (s.length() > MAX_CACHED_CHARS) {
        return s.getBytes(StandardCharsets.UTF_8);
      }
      int slot = s.hashCode() & (SLOTS - 1);
      if (keys[slot] != s) {
        values[slot] = s.getBytes(StandardCharsets.UTF_8);
        keys[slot] = s;
      }
      return values[slot];
    }
  }
}

package dev.tracehouse.pipeline.retention;

import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.sampling.KeptSpanTag;
import dev.tracehouse.pipeline.sampling.RateCheck;
import dev.tracehouse.store.Retention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides which of the stored (sampler-kept) spans are <em>indexed</em>, i.e. kept for the store's
 * full retention instead of its short live window ({@code spec/apm-model.md} section 9). For each
 * span the first filter, top-down, that is enabled and whose scope and query match decides it:
 * indexed iff the trace id passes its rate ({@link RateCheck}); later filters never see the span.
 * Legacy App Analytics events ({@code _dd.analyzed = 1}) are indexed before any filter, as {@value
 * #LEGACY_ANALYTICS}. Indexing one span indexes its whole chunk: every span of the chunk gets meta
 * {@value #META_KEY} = the name of the filter that indexed it, or, for spans no filter indexed, of
 * the first indexed span's filter. (The store keeps the rest of the trace, other chunks included,
 * see its README.) Thread-safe.
 */
public final class RetentionFilters implements KeptSpanTag {

  /** The meta key naming the filter that indexed a span; empty on spans not indexed. */
  public static final String META_KEY = Retention.INDEXED_BY;

  /** The name recorded on legacy App Analytics events. */
  public static final String LEGACY_ANALYTICS = "App Analytics (legacy)";

  private static final String ANALYZED = "_dd.analyzed";

  private final List<RetentionFilter> filters;
  private final LongAdder[] indexedBy;
  private final LongAdder legacyIndexed = new LongAdder();
  private final LongAdder indexedWithTrace = new LongAdder();
  private final LongAdder notIndexed = new LongAdder();

  private RetentionFilters(List<RetentionFilter> filters) {
    this.filters = List.copyOf(filters);
    this.indexedBy = new LongAdder[filters.size()];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < indexedBy.length; i++) {
      String name = filters.get(i).name();
      if (name.equals(LEGACY_ANALYTICS) || !names.add(name)) {
        throw new IllegalArgumentException("retention filter name used twice: '" + name + "'");
      }
      indexedBy[i] = new LongAdder();
    }
  }

  /**
   * The filters, top-down.
   *
   * @throws IllegalArgumentException when two filters share a name
   */
  public static RetentionFilters of(List<RetentionFilter> filters) {
    return new RetentionFilters(Objects.requireNonNull(filters, "filters"));
  }

  /**
   * The defaults: {@code Error Default} ({@code status:error}, 100 %, service-entry spans), then
   * {@code Index Everything Else} ({@code *}, 100 %, all spans), so that, unless configured
   * otherwise, every stored span keeps the store's full retention (ADR 014).
   */
  public static RetentionFilters defaults() {
    return of(
        List.of(
            RetentionFilter.of(
                "Error Default", "status:error", 100, FilterScope.SERVICE_ENTRY, true),
            RetentionFilter.of("Index Everything Else", "*", 100, FilterScope.ALL, true)));
  }

  /** The filters, top-down. */
  public List<RetentionFilter> filters() {
    return filters;
  }

  @Override
  public String key() {
    return META_KEY;
  }

  /**
   * For each span of one stored chunk (all of one trace), the value of {@value #META_KEY}: the name
   * of the filter that indexed it, or of the first indexed span's filter, or {@code ""} when
   * nothing in the chunk is indexed.
   */
  @Override
  public String[] values(List<Span> chunk) {
    String[] names = new String[chunk.size()];
    String first = null;
    for (int i = 0; i < chunk.size(); i++) {
      names[i] = indexedBy(chunk.get(i));
      if (first == null) {
        first = names[i];
      }
    }
    if (first == null) {
      notIndexed.add(chunk.size());
      first = "";
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i] == null) {
        names[i] = first;
        if (!first.isEmpty()) {
          indexedWithTrace.increment();
        }
      }
    }
    return names;
  }

  /** The name of the filter that indexes {@code span} by itself, or null. */
  private String indexedBy(Span span) {
    Double analyzed = span.metrics().get(ANALYZED);
    if (analyzed != null && analyzed == 1.0) {
      legacyIndexed.increment();
      return LEGACY_ANALYTICS;
    }
    for (int i = 0; i < filters.size(); i++) {
      RetentionFilter filter = filters.get(i);
      if (filter.decides(span)) {
        if (!RateCheck.keep(span.traceId().low(), filter.ratePercent() / 100)) {
          return null;
        }
        indexedBy[i].increment();
        return filter.name();
      }
    }
    return null;
  }

  /** Spans {@code filters().get(i)} indexed by itself since start. */
  public long spansIndexed(int i) {
    return indexedBy[i].sum();
  }

  /**
   * The figures for {@code /api/agent/status}: per filter its settings and {@code spans_indexed}
   * (spans the filter decided and indexed), then totals: legacy App Analytics events, spans indexed
   * only with their trace, and stored spans not indexed (kept for the live window only).
   */
  public Map<String, Object> status() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      RetentionFilter f = filters.get(i);
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", f.name());
      one.put("query", f.query());
      one.put("rate_percent", f.ratePercent());
      one.put("scope", f.scope().configName());
      one.put("enabled", f.enabled());
      one.put("spans_indexed", indexedBy[i].sum());
      list.add(one);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("filters", list);
    out.put("legacy_analytics_spans_indexed", legacyIndexed.sum());
    out.put("spans_indexed_with_their_trace", indexedWithTrace.sum());
    out.put("spans_not_indexed", notIndexed.sum());
    return out;
  }
}

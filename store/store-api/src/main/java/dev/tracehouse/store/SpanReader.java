package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads spans back. Edge cases every implementation honours:
 *
 * <ul>
 *   <li>An unknown trace id gives {@link Optional#empty()}, never an empty list.
 *   <li>A trace id whose high half is 0 matches stored spans by the low 64 bits alone, whatever
 *       their high half (clients may send only the low half); a full 128-bit id matches exactly.
 *   <li>Results are copies the caller owns; spans of a trace come sorted by start time, then span
 *       id.
 *   <li>A query the store cannot serve throws {@link UnsupportedQueryException}, never a silently
 *       empty list.
 * </ul>
 */
public interface SpanReader {

  /** The order of the spans of one trace: by start time, then by span id read as unsigned. */
  Comparator<Span> TRACE_ORDER =
      Comparator.comparingLong(Span::start)
          .thenComparing(Span::spanId, (a, b) -> Long.compareUnsigned(a, b));

  /** Every stored span of one trace. */
  Optional<List<Span>> trace(TraceId traceId);

  /**
   * Traces having at least one span that matches the query, newest (by trace start) first, at most
   * {@link TraceQuery#limit()} of them: the first page of {@link TraceQuery#toSearch()}.
   */
  default List<TraceSummary> findTraces(TraceQuery query) {
    return searchTraces(query.toSearch()).traces();
  }

  /**
   * One page of the spans matching {@code search}, in its order; {@link SpanPage#next()} is present
   * exactly when more spans match after the page.
   */
  SpanPage searchSpans(SpanSearch search);

  /**
   * One page of the traces having a span that matches {@code search}, newest first (trace start =
   * its earliest stored span, whether or not that span matched; ties by trace id descending,
   * unsigned); {@link TracePage#next()} is present exactly when more traces match after the page.
   * Summaries cover every stored span of the trace. Full 128-bit ids with one low half are separate
   * traces.
   */
  TracePage searchTraces(TraceSearch search);

  /**
   * The groups of the spans {@code aggregation} selects, one row per group (see {@link
   * Aggregation}), in {@link AggregateRow#ORDER}. Stores that cannot aggregate keep this default.
   *
   * @throws UnsupportedQueryException when the store cannot aggregate
   */
  default List<AggregateRow> aggregate(Aggregation<Span> aggregation) {
    throw new UnsupportedQueryException("this store cannot aggregate spans");
  }

  /** The names of every service with stored spans, sorted. */
  List<String> services();
}

package dev.tracehouse.store.memory;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.TraceSummary;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Builds a {@link TraceSummary} from the spans of one trace. */
final class TraceSummaries {

  /** Spans without a parent first, then the earliest. */
  private static final Comparator<Span> ROOT_FIRST =
      Comparator.comparing((Span s) -> !s.isRoot()).thenComparing(SpanReader.TRACE_ORDER);

  private TraceSummaries() {}

  /**
   * Summarises {@code spans}, which must be non-empty.
   *
   * @param traceId the id the summary reports
   */
  static TraceSummary of(TraceId traceId, List<Span> spans) {
    Span root = spans.stream().min(ROOT_FIRST).orElseThrow();
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int errors = 0;
    TreeSet<String> services = new TreeSet<>();
    for (Span span : spans) {
      start = Math.min(start, span.start());
      end = Math.max(end, span.end());
      errors += span.error() ? 1 : 0;
      services.add(span.service());
    }
    return new TraceSummary(
        traceId,
        root.service(),
        root.name(),
        root.resource(),
        start,
        end - start,
        spans.size(),
        errors,
        List.copyOf(services));
  }
}

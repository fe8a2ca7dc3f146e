package dev.tracehouse.web;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.TraceQuery;
import dev.tracehouse.store.TraceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A list-backed {@link SpanReader} for tests; remembers the queries it was asked. */
final class FakeSpanReader implements SpanReader {

  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final List<TraceQuery> queries = new CopyOnWriteArrayList<>();
  private volatile Supplier<RuntimeException> failure;

  FakeSpanReader add(List<Span> more) {
    spans.addAll(more);
    return this;
  }

  /** Every later call throws what {@code failure} supplies. */
  void failWith(Supplier<RuntimeException> failure) {
    this.failure = failure;
  }

  List<TraceQuery> queries() {
    return queries;
  }

  @Override
  public Optional<List<Span>> trace(TraceId id) {
    failIfAsked();
    List<Span> found =
        spans.stream()
            .filter(s -> s.traceId().low() == id.low())
            .filter(s -> id.high() == 0 || s.traceId().high() == id.high())
            .sorted(Comparator.comparingLong(Span::start))
            .toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found);
  }

  @Override
  public List<TraceSummary> findTraces(TraceQuery query) {
    failIfAsked();
    queries.add(query);
    Map<TraceId, List<Span>> byTrace = new LinkedHashMap<>();
    spans.forEach(s -> byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s));
    return byTrace.values().stream()
        .filter(trace -> matches(trace, query))
        .map(FakeSpanReader::summarize)
        .sorted(Comparator.comparingLong(TraceSummary::start).reversed())
        .limit(query.limit())
        .toList();
  }

  @Override
  public List<String> services() {
    failIfAsked();
    return spans.stream().map(Span::service).distinct().sorted().toList();
  }

  private void failIfAsked() {
    if (failure != null) {
      throw failure.get();
    }
  }

  private static boolean matches(List<Span> trace, TraceQuery query) {
    return trace.stream()
        .anyMatch(
            s ->
                query.service().map(s.service()::equals).orElse(true)
                    && s.start() >= query.fromNs()
                    && s.start() < query.toNs());
  }

  private static TraceSummary summarize(List<Span> trace) {
    Span root =
        trace.stream()
            .filter(Span::isRoot)
            .findFirst()
            .orElse(trace.stream().min(Comparator.comparingLong(Span::start)).orElseThrow());
    long start = trace.stream().mapToLong(Span::start).min().orElseThrow();
    long end = trace.stream().mapToLong(Span::end).max().orElseThrow();
    return new TraceSummary(
        root.traceId(),
        root.service(),
        root.name(),
        root.resource(),
        start,
        end - start,
        trace.size(),
        (int) trace.stream().filter(Span::error).count(),
        trace.stream().map(Span::service).distinct().sorted().toList());
  }
}

package dev.tracehouse.store.memory;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.AggregateRow;
import dev.tracehouse.store.Aggregation;
import dev.tracehouse.store.Capabilities;
import dev.tracehouse.store.Capabilities.Capability;
import dev.tracehouse.store.LogStore;
import dev.tracehouse.store.SpanCursor;
import dev.tracehouse.store.SpanPage;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.SpanSearch;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.SpanWriter;
import dev.tracehouse.store.StatsStore;
import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.TraceCursor;
import dev.tracehouse.store.TracePage;
import dev.tracehouse.store.TraceSearch;
import dev.tracehouse.store.TraceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A thread-safe store that keeps spans, stats and logs in memory, for tests and short-lived demos.
 * Writes are visible at once; it holds at most a fixed number of spans (and as many logs) and of
 * stats rows, and refuses more with an over-capacity {@link StoreException}. Searches scan
 * everything. Nothing survives {@link #close()}.
 */
public final class InMemorySpanStore implements SpanStore, SpanWriter, SpanReader {

  /** The span limit of {@link #InMemorySpanStore()}. */
  public static final int DEFAULT_MAX_SPANS = 1_000_000;

  /** The stats row limit (stats groups plus service-map edges) of the one-argument constructor. */
  public static final int DEFAULT_MAX_STATS_ROWS = 1_000_000;

  private static final Comparator<TraceSummary> NEWEST_FIRST =
      Comparator.comparingLong(TraceSummary::start).thenComparing(TraceSummary::traceId).reversed();

  private final int maxSpans;
  private final InMemoryStatsStore stats;
  private final InMemoryLogStore logs;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<TraceId, List<Span>> traces = new HashMap<>();
  private final Map<Long, Set<TraceId>> idsByLow = new HashMap<>();
  private int spanCount;
  private boolean closed;

  /**
   * A store holding at most {@link #DEFAULT_MAX_SPANS} spans and {@link #DEFAULT_MAX_STATS_ROWS}.
   */
  public InMemorySpanStore() {
    this(DEFAULT_MAX_SPANS);
  }

  /**
   * A store holding at most {@code maxSpans} spans and {@link #DEFAULT_MAX_STATS_ROWS} stats rows.
   *
   * @throws IllegalArgumentException when {@code maxSpans} is not positive
   */
  public InMemorySpanStore(int maxSpans) {
    this(maxSpans, DEFAULT_MAX_STATS_ROWS);
  }

  /**
   * A store holding at most {@code maxSpans} spans and {@code maxStatsRows} stats rows (stats
   * groups plus service-map edges).
   *
   * @throws IllegalArgumentException naming the limit that is not positive
   */
  public InMemorySpanStore(int maxSpans, int maxStatsRows) {
    if (maxSpans < 1) {
      throw new IllegalArgumentException("maxSpans must be positive, got " + maxSpans);
    }
    this.maxSpans = maxSpans;
    this.stats = new InMemoryStatsStore(maxStatsRows);
    this.logs = new InMemoryLogStore(maxSpans);
  }

  @Override
  public SpanWriter writer() {
    return this;
  }

  @Override
  public SpanReader reader() {
    return this;
  }

  @Override
  public Optional<StatsStore> stats() {
    return Optional.of(stats);
  }

  @Override
  public Optional<LogStore> logs() {
    return Optional.of(logs);
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(Capability.STATS, Capability.LOGS);
  }

  @Override
  public void write(List<Span> spans) {
    Objects.requireNonNull(spans, "spans");
    for (int i = 0; i < spans.size(); i++) {
      Objects.requireNonNull(spans.get(i), "spans[" + i + "]");
    }
    lock.writeLock().lock();
    try {
      ensureOpen();
      if (spans.size() > maxSpans - spanCount) {
        throw StoreException.overCapacity(
            "in-memory store is full: holds "
                + spanCount
                + " of at most "
                + maxSpans
                + " spans, cannot take "
                + spans.size()
                + " more");
      }
      for (Span span : spans) {
        traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
        idsByLow
            .computeIfAbsent(span.traceId().low(), low -> new LinkedHashSet<>())
            .add(span.traceId());
      }
      spanCount += spans.size();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Writes are visible at once: nothing to do but check that the store is open. */
  @Override
  public void flush() {
    read(() -> null);
  }

  @Override
  public Optional<List<Span>> trace(TraceId traceId) {
    Objects.requireNonNull(traceId, "traceId");
    return read(
        () -> {
          List<Span> found = new ArrayList<>();
          if (traceId.high() == 0) {
            for (TraceId id : idsByLow.getOrDefault(traceId.low(), Set.of())) {
              found.addAll(traces.get(id));
            }
          } else {
            found.addAll(traces.getOrDefault(traceId, List.of()));
          }
          found.sort(TRACE_ORDER);
          return found.isEmpty() ? Optional.empty() : Optional.of(found);
        });
  }

  @Override
  public SpanPage searchSpans(SpanSearch search) {
    Objects.requireNonNull(search, "search");
    return read(
        () -> {
          List<Span> found = new ArrayList<>();
          traces
              .values()
              .forEach(spans -> spans.stream().filter(search::matches).forEach(found::add));
          found.sort(search.sort().order());
          return Pages.first(
              found, search.limit(), s -> SpanCursor.after(search.sort(), s), SpanPage::new);
        });
  }

  @Override
  public TracePage searchTraces(TraceSearch search) {
    Objects.requireNonNull(search, "search");
    return read(
        () -> {
          List<TraceSummary> found = new ArrayList<>();
          traces.forEach(
              (id, spans) -> {
                if (spans.stream().anyMatch(search::matches)) {
                  TraceSummary summary = TraceSummaries.of(id, spans);
                  if (search.after().map(c -> c.precedes(summary)).orElse(true)) {
                    found.add(summary);
                  }
                }
              });
          found.sort(NEWEST_FIRST);
          return Pages.first(found, search.limit(), TraceCursor::after, TracePage::new);
        });
  }

  @Override
  public List<AggregateRow> aggregate(Aggregation<Span> aggregation) {
    Objects.requireNonNull(aggregation, "aggregation");
    return read(
        () ->
            Aggregator.run(
                () -> traces.values().stream().flatMap(List::stream).iterator(),
                aggregation,
                Span::start));
  }

  @Override
  public List<String> services() {
    return read(
        () -> {
          TreeSet<String> services = new TreeSet<>();
          traces.values().forEach(spans -> spans.forEach(span -> services.add(span.service())));
          return new ArrayList<>(services);
        });
  }

  /** Drops every span and stats row; later calls throw {@link StoreException}. */
  @Override
  public void close() {
    stats.close();
    logs.close();
    lock.writeLock().lock();
    try {
      closed = true;
      traces.clear();
      idsByLow.clear();
      spanCount = 0;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("in-memory store is closed", null);
    }
  }
}

package dev.tracehouse.web;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.SpanPage;
import dev.tracehouse.store.SpanReader;
import dev.tracehouse.store.SpanSearch;
import dev.tracehouse.store.TracePage;
import dev.tracehouse.store.TraceSearch;
import dev.tracehouse.store.memory.InMemorySpanStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The in-memory store's reader for tests, which remembers the trace searches it was asked and can
 * be told to fail.
 */
final class FakeSpanReader implements SpanReader {

  private final InMemorySpanStore store = new InMemorySpanStore();
  private final List<TraceSearch> traceSearches = new CopyOnWriteArrayList<>();
  private volatile Supplier<RuntimeException> failure;

  FakeSpanReader add(List<Span> more) {
    store.write(more);
    return this;
  }

  /** Every later call throws what {@code failure} supplies. */
  void failWith(Supplier<RuntimeException> failure) {
    this.failure = failure;
  }

  List<TraceSearch> traceSearches() {
    return traceSearches;
  }

  @Override
  public Optional<List<Span>> trace(TraceId id) {
    failIfAsked();
    return store.trace(id);
  }

  @Override
  public SpanPage searchSpans(SpanSearch search) {
    failIfAsked();
    return store.searchSpans(search);
  }

  @Override
  public TracePage searchTraces(TraceSearch search) {
    failIfAsked();
    traceSearches.add(search);
    return store.searchTraces(search);
  }

  @Override
  public List<String> services() {
    failIfAsked();
    return store.services();
  }

  private void failIfAsked() {
    if (failure != null) {
      throw failure.get();
    }
  }
}

package dev.tracehouse.server;

import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.pipeline.TraceProcessor;
import dev.tracehouse.store.StatsStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ten seconds (the bucket length) moves the pipeline's closed stats and service-map buckets
 * into the store's stats part, so that the concentrator's memory stays bounded. A store without
 * stats, or a failed write, loses those buckets: each is counted in {@code /api/agent/status}.
 */
final class StatsFlusher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatsFlusher.class);

  private final TraceProcessor processor;
  private final Optional<StatsStore> store;
  private final ScheduledExecutorService timer;
  private final AtomicLong bucketsWritten = new AtomicLong();
  private final AtomicLong groupsWritten = new AtomicLong();
  private final AtomicLong edgesWritten = new AtomicLong();
  private final AtomicLong bucketsLost = new AtomicLong();

  StatsFlusher(TraceProcessor processor, Optional<StatsStore> store) {
    this.processor = processor;
    this.store = store;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stats-flusher");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(() -> flush(false), 10, 10, TimeUnit.SECONDS);
  }

  /** Never throws: an exception would cancel every later run of the timer. */
  private synchronized void flush(boolean force) {
    List<StatsBucket> buckets = processor.flushStats(force);
    List<ServiceMapBucket> edges = processor.flushServiceMap(force);
    if (buckets.isEmpty() && edges.isEmpty()) {
      return;
    }
    if (store.isEmpty()) {
      bucketsLost.addAndGet(buckets.size() + edges.size());
      return;
    }
    try {
      store.get().writer().write(buckets);
      store.get().writer().writeServiceMap(edges);
      bucketsWritten.addAndGet(buckets.size() + edges.size());
      buckets.forEach(b -> groupsWritten.addAndGet(b.groups().size()));
      edges.forEach(b -> edgesWritten.addAndGet(b.edges().size()));
    } catch (RuntimeException e) {
      bucketsLost.addAndGet(buckets.size() + edges.size());
      LOG.warn(
          "could not store {} stats and service-map buckets", buckets.size() + edges.size(), e);
    }
  }

  Map<String, Object> status() {
    return Map.of(
        "stored", store.isPresent(),
        "buckets_written", bucketsWritten.get(),
        "groups_written", groupsWritten.get(),
        "edges_written", edgesWritten.get(),
        "buckets_lost", bucketsLost.get());
  }

  /** Stops the timer and flushes every open bucket (call before closing the store). */
  @Override
  public void close() {
    timer.shutdownNow();
    flush(true);
  }
}

package dev.tracehouse.server;

import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.pipeline.TraceProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flushes the pipeline's closed stats and service-map buckets every ten seconds (the bucket
 * length), so that the concentrator's memory stays bounded. Until the store keeps stats (the
 * storage issue adds a stats writer), flushed buckets are only counted, in {@code
 * /api/agent/status}.
 */
final class StatsFlusher implements AutoCloseable {
  private final TraceProcessor processor;
  private final ScheduledExecutorService timer;
  private final AtomicLong statsBuckets = new AtomicLong();
  private final AtomicLong statsGroups = new AtomicLong();
  private final AtomicLong mapBuckets = new AtomicLong();
  private final AtomicLong mapEdges = new AtomicLong();

  StatsFlusher(TraceProcessor processor) {
    this.processor = processor;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stats-flusher");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(() -> flush(false), 10, 10, TimeUnit.SECONDS);
  }

  private synchronized void flush(boolean force) {
    List<StatsBucket> buckets = processor.flushStats(force);
    List<ServiceMapBucket> map = processor.flushServiceMap(force);
    statsBuckets.addAndGet(buckets.size());
    buckets.forEach(b -> statsGroups.addAndGet(b.groups().size()));
    mapBuckets.addAndGet(map.size());
    map.forEach(b -> mapEdges.addAndGet(b.edges().size()));
  }

  Map<String, Object> status() {
    return Map.of(
        "stats_buckets_flushed", statsBuckets.get(),
        "stats_groups_flushed", statsGroups.get(),
        "service_map_buckets_flushed", mapBuckets.get(),
        "service_map_edges_flushed", mapEdges.get());
  }

  /** Stops the timer and flushes every open bucket. */
  @Override
  public void close() {
    timer.shutdownNow();
    flush(true);
  }
}

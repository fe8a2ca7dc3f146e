package dev.tracehouse.pipeline.stats;

import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.pipeline.toplevel.TopLevel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * APM trace stats computed at ingest, before sampling ({@code spec/apm-model.md} section 4.1), like
 * the Datadog agent's concentrator: 10 s buckets by span end time (see {@link BucketWindow} for
 * late and early spans), keyed by {@link StatsKey}; per key hits, errors, top-level hits and
 * duration sum weighted by {@code 1/_sample_rate} of the chunk's root, and ok/error latency
 * DDSketches ({@link LatencySketches}, 1 %) holding each duration once, unweighted.
 *
 * <p>Only stats-eligible spans count ({@link TopLevel#isStatsEligible}: {@code _top_level} or
 * {@code _dd.measured}, not partial snapshots), so chunks must go through {@link TopLevel#mark}
 * first. Memory is bounded: at most {@code maxKeysPerBucket} keys per bucket; spans and client
 * groups with a new key beyond that are not counted, only tallied in {@link
 * #droppedForCardinality()}. Thread-safe (one lock; every call is short).
 */
public final class StatsConcentrator {
  /** Length of one stats bucket, nanoseconds. */
  public static final long BUCKET_NANOS = 10_000_000_000L;

  /** Default cap on distinct keys per bucket. */
  public static final int DEFAULT_MAX_KEYS_PER_BUCKET = 10_000;

  private final int maxKeysPerBucket;
  private final BucketWindow<Map<StatsKey, GroupAggregate>> window;
  private long droppedForCardinality;

  /** A concentrator with {@link #DEFAULT_MAX_KEYS_PER_BUCKET}. */
  public StatsConcentrator(Clock clock) {
    this(clock, DEFAULT_MAX_KEYS_PER_BUCKET);
  }

  /**
   * @param clock decides which buckets are open; nothing else reads the time
   * @param maxKeysPerBucket cap on distinct keys per bucket, at least 1
   */
  public StatsConcentrator(Clock clock, int maxKeysPerBucket) {
    Objects.requireNonNull(clock, "clock");
    if (maxKeysPerBucket < 1) {
      throw new IllegalArgumentException(
          "maxKeysPerBucket must be at least 1, got " + maxKeysPerBucket);
    }
    this.maxKeysPerBucket = maxKeysPerBucket;
    this.window = new BucketWindow<>(clock, BUCKET_NANOS, HashMap::new);
  }

  /**
   * Counts the stats-eligible spans of one chunk (spans of one trace sent together).
   *
   * @param chunk spans already marked by {@link TopLevel#mark}
   * @param clientComputedStats whether the request carried {@code Datadog-Client-Computed-Stats}:
   *     the tracer sends these spans' stats itself to {@code /v0.6/stats}, so they are skipped here
   *     to avoid counting them twice
   */
  public void add(List<Span> chunk, boolean clientComputedStats) {
    Objects.requireNonNull(chunk, "chunk");
    if (clientComputedStats || chunk.isEmpty()) {
      return;
    }
    Span root = StatsKeys.root(chunk);
    double weight = StatsKeys.weight(root);
    String env = StatsKeys.chunkTag(chunk, root, "env");
    String version = root.meta().getOrDefault("version", "");
    boolean synthetics = StatsKeys.synthetics(root);
    // Keys are made before taking the lock, which request threads share.
    StatsKey[] keys = new StatsKey[chunk.size()];
    for (int i = 0; i < keys.length; i++) {
      Span span = chunk.get(i);
      if (TopLevel.isStatsEligible(span)) {
        keys[i] = StatsKeys.of(span, env, version, synthetics);
      }
    }
    synchronized (this) {
      for (int i = 0; i < keys.length; i++) {
        Span span = chunk.get(i);
        GroupAggregate group =
            keys[i] == null ? null : group(window.bucketFor(span.end()), keys[i]);
        if (group != null) {
          group.add(span.duration(), span.error(), TopLevel.isTopLevel(span), weight);
        }
      }
    }
  }

  /**
   * Merges stats a tracer computed itself: each client bucket goes into the bucket of its aligned
   * start (or the oldest open one when older), group by group.
   *
   * @throws IllegalArgumentException when a group's sketch bytes are not an encoded DDSketch
   */
  public void addClientStats(ClientStatsPayload payload) {
    Objects.requireNonNull(payload, "payload");
    synchronized (this) {
      for (StatsBucket bucket : payload.buckets()) {
        Map<StatsKey, GroupAggregate> groups = window.bucketFor(bucket.start());
        for (StatsGroup client : bucket.groups()) {
          GroupAggregate group = group(groups, client.key());
          if (group != null) {
            group.merge(client);
          }
        }
      }
    }
  }

  /**
   * Removes and returns the closed buckets, oldest first: every bucket but the two newest, or all
   * of them when {@code force} (at shutdown).
   */
  public synchronized List<StatsBucket> flush(boolean force) {
    List<StatsBucket> out = new ArrayList<>();
    for (Map.Entry<Long, Map<StatsKey, GroupAggregate>> bucket : window.flush(force)) {
      List<StatsGroup> groups = new ArrayList<>(bucket.getValue().size());
      bucket.getValue().forEach((key, group) -> groups.add(group.toGroup(key)));
      out.add(new StatsBucket(bucket.getKey(), window.size(), groups));
    }
    return out;
  }

  /** Spans and client groups not counted because their bucket already had the maximum of keys. */
  public synchronized long droppedForCardinality() {
    return droppedForCardinality;
  }

  private GroupAggregate group(Map<StatsKey, GroupAggregate> groups, StatsKey key) {
    GroupAggregate group = groups.get(key);
    if (group == null) {
      if (groups.size() >= maxKeysPerBucket) {
        droppedForCardinality++;
        return null;
      }
      group = new GroupAggregate();
      groups.put(key, group);
    }
    return group;
  }
}

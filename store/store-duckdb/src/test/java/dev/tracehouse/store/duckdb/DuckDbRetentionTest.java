package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.TestSpans.CAFE_PAIR;
import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.cafePair;
import static dev.tracehouse.store.TestStats.BUCKET;
import static dev.tracehouse.store.TestStats.CAFE_MAP;
import static dev.tracehouse.store.TestStats.CAFE_STATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.Retention;
import dev.tracehouse.store.StatsQuery;
import dev.tracehouse.store.StoreStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention by ingest age and by byte budget, enforced by the writer thread. */
class DuckDbRetentionTest {

  private static final long BIG = 1L << 40;

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

  private DuckDbSpanStore open(Retention limits, Duration interval) {
    DuckDbOptions options =
        DuckDbOptions.at(dir.resolve("retention.duckdb")).withRetention(limits, interval);
    return DuckDbSpanStore.open(options, clock, Executors.defaultThreadFactory());
  }

  @Test
  void enforce_deletesSpansAndStatsAcceptedLongerAgoThanMaxAge() {
    try (DuckDbSpanStore store =
        open(new Retention(Duration.ofHours(1), BIG), Duration.ofDays(1))) {
      TraceId old = new TraceId(1, 1);
      TraceId recent = new TraceId(1, 2);
      store.writer().write(cafePair(old, T0));
      store.stats().orElseThrow().writer().write(List.of(CAFE_STATS));
      store.writer().flush();
      clock.advance(Duration.ofMinutes(50));
      // Its spans started long ago, but they were accepted now: age goes by acceptance.
      store.writer().write(cafePair(recent, T0 - 3_600_000 * MS));
      store.stats().orElseThrow().writer().writeServiceMap(List.of(CAFE_MAP));
      clock.advance(Duration.ofMinutes(20));

      store.enforceRetention();

      assertThat(store.reader().trace(old)).isEmpty();
      assertThat(store.reader().trace(recent)).get().asList().hasSize(CAFE_PAIR.size());
      assertThat(store.stats().orElseThrow().reader().buckets(StatsQuery.between(0, BIG)))
          .isEmpty();
      StoreStatus status = store.status().orElseThrow();
      assertThat(status.spansDeleted()).isEqualTo(CAFE_PAIR.size());
      assertThat(status.statsRowsDeleted()).isEqualTo(CAFE_STATS.groups().size());
      assertThat(status.spans()).isEqualTo(CAFE_PAIR.size());
      assertThat(status.oldestSpanStartNs()).isEqualTo(T0 - 3_600_000 * MS);
      assertThat(status.maxAge()).isEqualTo(Duration.ofHours(1));
    }
  }

  @Test
  void enforce_deletesTheOldestSpansFirstUntilUnderTheByteBudget() {
    long budget = 6L << 20;
    List<List<Span>> generations = new ArrayList<>();
    try (DuckDbSpanStore store =
        open(new Retention(Duration.ofDays(7), budget), Duration.ofDays(1))) {
      for (int g = 0; g < 8; g++) {
        generations.add(bulkyTraces(g, 1_000));
        store.writer().write(generations.get(g));
        store.writer().flush();
        clock.advance(Duration.ofMinutes(1));
      }

      store.enforceRetention();

      // Deletes happen only while over budget: some did, and the store ended within it.
      StoreStatus status = store.status().orElseThrow();
      assertThat(status.spansDeleted()).isPositive();
      assertThat(status.bytesUsed()).isLessThanOrEqualTo(budget);
      assertThat(status.spans()).isGreaterThan(20_000);
      assertThat(store.reader().trace(generations.get(0).get(0).traceId())).isEmpty();
      List<Span> newest = generations.get(7);
      assertThat(store.reader().trace(newest.get(0).traceId())).isPresent();
      assertThat(store.reader().trace(newest.get(newest.size() - 1).traceId())).isPresent();
    }
  }

  @Test
  void enforce_deletesTheOldestStatsOnceNoSpansAreLeft() {
    long budget = 2L << 20;
    try (DuckDbSpanStore store =
        open(new Retention(Duration.ofDays(7), budget), Duration.ofDays(1))) {
      for (int g = 0; g < 10; g++) {
        List<StatsBucket> buckets = new ArrayList<>();
        for (int b = 0; b < 2_000; b++) {
          long start = T0 + (g * 2_000L + b) * BUCKET;
          buckets.add(new StatsBucket(start, BUCKET, CAFE_STATS.groups()));
        }
        store.stats().orElseThrow().writer().write(buckets);
        clock.advance(Duration.ofMinutes(1));
      }

      store.enforceRetention();

      StoreStatus status = store.status().orElseThrow();
      assertThat(status.spans()).isZero();
      // Measured after a checkpoint: the WAL's uncompressed rows alone were 7x the budget. Of the
      // 80,000 rows some are kept (the stats rollups of ADR 013 take their share of the budget).
      assertThat(status.statsRowsDeleted()).isBetween(1L, 72_000L);
      assertThat(status.bytesUsed()).isLessThanOrEqualTo(budget);
      List<StatsBucket> left =
          store.stats().orElseThrow().reader().buckets(StatsQuery.between(0, Long.MAX_VALUE));
      assertThat(left).isNotEmpty();
      assertThat(left.get(0).start()).isGreaterThan(T0);
      assertThat(left.get(left.size() - 1).start()).isEqualTo(T0 + 19_999 * BUCKET);
    }
  }

  @Test
  void writerThread_enforcesRetentionEveryInterval() {
    try (DuckDbSpanStore store =
        open(new Retention(Duration.ofMinutes(5), BIG), Duration.ofMillis(20))) {
      TraceId id = new TraceId(3, 3);
      store.writer().write(cafePair(id, T0));
      store.writer().flush();
      assertThat(store.reader().trace(id)).isPresent();

      clock.advance(Duration.ofMinutes(6));

      await().atMost(Duration.ofSeconds(30)).until(() -> store.reader().trace(id).isEmpty());
      assertThat(store.status().orElseThrow().retentionRuns()).isGreaterThan(1);
    }
  }

  @Test
  void enforce_expiresUnindexedSpansAfterTheLiveWindowAndKeepsIndexedOnes() {
    try (DuckDbSpanStore store =
        open(new Retention(Duration.ofDays(7), BIG, Duration.ofMinutes(15)), Duration.ofDays(1))) {
      TraceId unindexed = new TraceId(2, 1);
      TraceId indexed = new TraceId(2, 2);
      TraceId unfiltered = new TraceId(2, 3);
      store.writer().write(indexedBy("", cafePair(unindexed, T0)));
      store.writer().write(indexedBy("Errors", cafePair(indexed, T0)));
      store.writer().write(cafePair(unfiltered, T0));
      clock.advance(Duration.ofMinutes(14));

      store.enforceRetention();
      assertThat(store.reader().trace(unindexed)).isPresent();

      clock.advance(Duration.ofMinutes(2));
      store.enforceRetention();

      assertThat(store.reader().trace(unindexed)).isEmpty();
      assertThat(store.reader().trace(indexed)).get().asList().hasSize(CAFE_PAIR.size());
      assertThat(store.reader().trace(unfiltered)).get().asList().hasSize(CAFE_PAIR.size());
      StoreStatus status = store.status().orElseThrow();
      assertThat(status.unindexedSpansExpired()).isEqualTo(CAFE_PAIR.size());
      assertThat(status.spansDeleted()).isZero();
      assertThat(status.spans()).isEqualTo(2L * CAFE_PAIR.size());
    }
  }

  @Test
  void enforce_keepsUnindexedChunksOfATraceThatAnotherChunkIndexed() {
    try (DuckDbSpanStore store =
        open(new Retention(Duration.ofDays(7), BIG, Duration.ofMinutes(15)), Duration.ofDays(1))) {
      TraceId id = new TraceId(3, 1);
      List<Span> first = indexedBy("", cafePair(id, T0));
      store.writer().write(first);
      store.writer().flush();
      clock.advance(Duration.ofMinutes(10));
      // A later chunk of the same trace (other span ids), indexed by a filter.
      List<Span> later = new ArrayList<>();
      for (Span s : indexedBy("Slow requests", cafePair(id, T0))) {
        later.add(s.toBuilder().spanId(s.spanId() + 100).build());
      }
      store.writer().write(later);
      clock.advance(Duration.ofMinutes(20));

      store.enforceRetention();

      assertThat(store.reader().trace(id)).get().asList().hasSize(first.size() + later.size());
      assertThat(store.status().orElseThrow().unindexedSpansExpired()).isZero();
    }
  }

  @Test
  void status_reportsSizeSpansAndOldestStartAtOpen() {
    try (DuckDbSpanStore store = open(Retention.DEFAULT, Duration.ofDays(1))) {
      store.writer().write(CAFE_PAIR);
    }
    try (DuckDbSpanStore reopened = open(Retention.DEFAULT, Duration.ofDays(1))) {
      StoreStatus status = reopened.status().orElseThrow();
      assertThat(status.spans()).isEqualTo(CAFE_PAIR.size());
      assertThat(status.oldestSpanStartNs()).isEqualTo(T0);
      assertThat(status.bytesUsed()).isPositive();
      assertThat(status.maxBytes()).isEqualTo(Retention.DEFAULT.maxBytes());
      assertThat(status.spansDeleted()).isZero();
    }
  }

  /** {@code spans} with meta {@value Retention#INDEXED_BY} set to {@code filter}. */
  private static List<Span> indexedBy(String filter, List<Span> spans) {
    return spans.stream()
        .map(s -> s.toBuilder().putMeta(Retention.INDEXED_BY, filter).build())
        .toList();
  }

  /** {@code traces} ten-span traces whose tags do not compress, so that bytes add up quickly. */
  private static List<Span> bulkyTraces(int generation, int traces) {
    SplittableRandom random = new SplittableRandom(generation);
    List<Span> spans = new ArrayList<>();
    for (int t = 0; t < traces; t++) {
      TraceId id = new TraceId(generation + 1L, random.nextLong());
      for (Span s : cafePair(id, T0 + t * MS)) {
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 6; i++) {
          noise.append(Long.toHexString(random.nextLong()));
        }
        spans.add(s.toBuilder().putMeta("noise", noise.toString()).build());
      }
    }
    return spans;
  }
}

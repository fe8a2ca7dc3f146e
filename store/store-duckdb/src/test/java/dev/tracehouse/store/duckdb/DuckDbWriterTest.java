package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.TestSpans.CAFE_PAIR;
import static dev.tracehouse.store.TestSpans.CAFE_PAIR_ID;
import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.cafePair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.TraceQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background writer: queue bound, flush interval, and reads while it writes. */
class DuckDbWriterTest {

  @TempDir Path dir;

  private DuckDbOptions options(Duration flushInterval, int queueCapacity) {
    return new DuckDbOptions(dir.resolve("writer.duckdb"), flushInterval, queueCapacity);
  }

  @Test
  void write_whenQueueIsFullIsOverCapacityAndRemainingCapacityTellsSo() {
    CountDownLatch gate = new CountDownLatch(1);
    ThreadFactory gated =
        task ->
            new Thread(
                () -> {
                  try {
                    gate.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  task.run();
                });
    try (DuckDbSpanStore store =
        DuckDbSpanStore.open(options(Duration.ofHours(1), 12), Clock.systemUTC(), gated)) {
      assertThat(store.writer().remainingCapacity()).isEqualTo(12);
      store.writer().write(CAFE_PAIR);
      assertThat(store.writer().remainingCapacity()).isEqualTo(12 - CAFE_PAIR.size());

      assertThatThrownBy(() -> store.writer().write(CAFE_PAIR.subList(0, 3)))
          .isInstanceOfSatisfying(
              StoreException.class, e -> assertThat(e.isOverCapacity()).isTrue())
          .hasMessageContaining("10 of 12 spans")
          .hasMessageContaining("store.duckdb.queue-capacity");

      gate.countDown();
      store.writer().flush();
      assertThat(store.writer().remainingCapacity()).isEqualTo(12);
      store.writer().write(CAFE_PAIR.subList(0, 2));
      store.writer().flush();
      assertThat(store.reader().trace(CAFE_PAIR_ID)).get().asList().hasSize(12);
    }
  }

  @Test
  void write_becomesVisibleWithinTheFlushIntervalWithoutFlush() {
    try (DuckDbSpanStore store = DuckDbSpanStore.open(options(Duration.ofMillis(20), 1000))) {
      store.writer().write(CAFE_PAIR);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> store.reader().trace(CAFE_PAIR_ID).isPresent());
      assertThat(store.reader().trace(CAFE_PAIR_ID)).get().asList().hasSize(CAFE_PAIR.size());
    }
  }

  @Test
  void write_staysInvisibleUntilCommitted() {
    try (DuckDbSpanStore store = DuckDbSpanStore.open(options(Duration.ofHours(1), 1000))) {
      store.writer().write(CAFE_PAIR);

      assertThat(store.reader().trace(CAFE_PAIR_ID)).isEmpty();
      store.writer().flush();
      assertThat(store.reader().trace(CAFE_PAIR_ID)).get().asList().hasSize(CAFE_PAIR.size());
    }
  }

  @Test
  void write_commitsEachFullRowGroupWithoutWaitingForTheInterval() {
    int traces = DuckDbSpanStore.ROW_GROUP_SIZE / CAFE_PAIR.size() + 1;
    try (DuckDbSpanStore store = DuckDbSpanStore.open(options(Duration.ofHours(1), 100_000))) {
      for (int i = 1; i <= traces; i++) {
        store.writer().write(cafePair(new TraceId(5, i), T0 + i * MS));
      }

      // The commit came after exactly ROW_GROUP_SIZE rows: the last trace is cut short.
      int committedOfLast = DuckDbSpanStore.ROW_GROUP_SIZE % CAFE_PAIR.size();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> store.reader().trace(new TraceId(5, traces)).isPresent());
      assertThat(store.reader().trace(new TraceId(5, 1))).get().asList().hasSize(CAFE_PAIR.size());
      assertThat(store.reader().trace(new TraceId(5, traces)))
          .get()
          .asList()
          .hasSize(committedOfLast);
    }
  }

  @Test
  void reads_runConcurrentlyWithWrites() throws Exception {
    int traces = 200;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (DuckDbSpanStore store = DuckDbSpanStore.open(options(Duration.ofMillis(5), 100_000))) {
      Future<?> writes =
          pool.submit(
              () -> {
                for (int i = 1; i <= traces; i++) {
                  store.writer().write(cafePair(new TraceId(7, i), T0 + i * MS));
                }
              });
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        reads.add(
            pool.submit(
                () -> {
                  int seen = 0;
                  for (int i = 1; i <= 50; i++) {
                    seen =
                        Math.max(seen, store.reader().findTraces(TraceQuery.latest(1000)).size());
                    List<Span> written = cafePair(new TraceId(7, i), T0 + i * MS);
                    store
                        .reader()
                        .trace(new TraceId(7, i))
                        .ifPresent(spans -> assertThat(spans).isSubsetOf(written));
                    assertThat(store.reader().services()).isSubsetOf("cafe", "taster");
                  }
                  return seen;
                }));
      }
      writes.get();
      for (Future<Integer> read : reads) {
        assertThat(read.get()).isBetween(0, traces);
      }
      store.writer().flush();

      assertThat(store.reader().findTraces(TraceQuery.latest(1000))).hasSize(traces);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Regression: without {@link Schema#primeIfEmpty} and the commit lock, DuckDB 1.4.4 returned
   * garbage service names (such as "f") to reads racing the first commit into a new table in about
   * a third of these rounds.
   */
  @Test
  void reads_racingTheFirstCommitSeeOnlyWrittenValues() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      for (int round = 0; round < 12; round++) {
        Path file = dir.resolve("race-" + round + ".duckdb");
        try (DuckDbSpanStore store =
            DuckDbSpanStore.open(new DuckDbOptions(file, Duration.ofHours(1), 1000))) {
          CountDownLatch start = new CountDownLatch(1);
          List<Future<?>> tasks = new ArrayList<>();
          for (int r = 0; r < 4; r++) {
            tasks.add(
                pool.submit(
                    () -> {
                      start.await();
                      for (int i = 0; i < 15; i++) {
                        assertThat(store.reader().services()).isSubsetOf("cafe", "taster");
                      }
                      return null;
                    }));
          }
          tasks.add(
              pool.submit(
                  () -> {
                    start.countDown();
                    for (int i = 1; i <= 30; i++) {
                      store.writer().write(cafePair(new TraceId(9, i), T0 + i * MS));
                      store.writer().flush();
                    }
                  }));
          for (Future<?> task : tasks) {
            task.get();
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void flush_afterCloseThrowsNamingThePath() {
    DuckDbSpanStore store = DuckDbSpanStore.open(options(Duration.ofSeconds(1), 10));
    store.close();

    assertThatThrownBy(() -> store.writer().flush())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("writer.duckdb")
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.reader().services()).isInstanceOf(StoreException.class);
  }
}

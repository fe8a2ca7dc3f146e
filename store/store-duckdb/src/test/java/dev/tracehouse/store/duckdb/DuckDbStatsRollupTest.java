package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.TestStats.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.store.EntryStatsQuery;
import dev.tracehouse.store.EntryStatsQuery.Detail;
import dev.tracehouse.store.StatsQuery;
import dev.tracehouse.store.StatsReader;
import dev.tracehouse.store.StatsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollups of {@code stats_rollups}: whole hours and minutes are read from them at every detail,
 * and what they hold equals the merge of the 10 s groups they stand for, late buckets and a reopen
 * included.
 */
class DuckDbStatsRollupTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long HOUR = 3600 * SECOND;

  /** A whole hour. */
  private static final long T0 = 480_000 * HOUR;

  @TempDir Path dir;

  @Test
  void entries_readWholeHoursAndMinutesFromRollupsThatEqualTheirGroups() {
    Path file = dir.resolve("rollups.duckdb");
    List<StatsBucket> all = buckets(2 * 360 + 20);
    List<StatsBucket> late = new ArrayList<>();
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      for (int i = 0; i < 500; i++) {
        if (i % 50 == 7) {
          late.add(all.get(i));
        } else {
          store.stats().orElseThrow().writer().write(List.of(all.get(i)));
        }
      }
    }
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      StatsStore stats = store.stats().orElseThrow();
      for (int i = 500; i < all.size(); i++) {
        stats.writer().write(List.of(all.get(i)));
      }
      stats.writer().write(late);

      StatsQuery twoHours = StatsQuery.between(T0, T0 + 2 * HOUR);
      List<StatsBucket> byService =
          stats.reader().entries(new EntryStatsQuery(twoHours, 0, Detail.SERVICE));
      assertThat(byService)
          .extracting(StatsBucket::start, StatsBucket::duration)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(T0, HOUR),
              org.assertj.core.groups.Tuple.tuple(T0 + HOUR, HOUR));
      assertSameTotals(byService, stats.reader(), twoHours, Detail.SERVICE);

      StatsQuery ragged = StatsQuery.between(T0 + 95 * SECOND, T0 + 2 * HOUR + 130 * SECOND);
      for (Detail detail : Detail.values()) {
        List<StatsBucket> read = stats.reader().entries(new EntryStatsQuery(ragged, 0, detail));
        assertThat(read).extracting(StatsBucket::duration).contains(HOUR, 60 * SECOND);
        assertSameTotals(read, stats.reader(), ragged, detail);
      }
      StatsQuery filtered =
          new StatsQuery(
              ragged.fromNs(),
              ragged.toNs(),
              Optional.of("prod"),
              Optional.of("api"),
              Optional.of("GET /b"));
      List<StatsBucket> oneResource =
          stats.reader().entries(new EntryStatsQuery(filtered, 0, Detail.SERVICE));
      assertThat(oneResource).extracting(StatsBucket::duration).contains(HOUR, 60 * SECOND);
      assertThat(oneResource)
          .flatExtracting(StatsBucket::groups)
          .extracting(g -> g.key().env() + " " + g.key().service() + " " + g.key().resource())
          .containsOnly("prod api GET /b");
      assertSameTotals(oneResource, stats.reader(), filtered, Detail.RESOURCE);
      List<StatsBucket> aligned =
          stats.reader().entries(new EntryStatsQuery(ragged, 600 * SECOND, Detail.OPERATION));
      assertThat(aligned).extracting(StatsBucket::duration).doesNotContain(HOUR);
      assertSameTotals(aligned, stats.reader(), ragged, Detail.OPERATION);
    }
  }

  @Test
  void write_refusesASketchThatDoesNotDecode() {
    try (DuckDbSpanStore store = DuckDbSpanStore.open(DuckDbOptions.at(dir.resolve("bad.db")))) {
      StatsGroup good = group("prod", "web", "GET /", 3);
      StatsGroup bad =
          new StatsGroup(good.key(), 1, 0, 1, 5, new EncodedSketch(new byte[] {0, -1, 3}), null);

      assertThatThrownBy(
              () ->
                  store
                      .stats()
                      .orElseThrow()
                      .writer()
                      .write(List.of(new StatsBucket(T0, 10 * SECOND, List.of(bad)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("web")
          .hasMessageContaining("does not decode");
      assertThat(
              store.stats().orElseThrow().reader().buckets(StatsQuery.between(0, Long.MAX_VALUE)))
          .isEmpty();
    }
  }

  /** One 10 s bucket after another from T0, three services with two resources each. */
  private static List<StatsBucket> buckets(int count) {
    List<StatsBucket> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<StatsGroup> groups = new ArrayList<>();
      for (String service : List.of("web", "api", "db")) {
        for (String resource : List.of("GET /a", "GET /b")) {
          groups.add(group(i % 3 == 0 ? "staging" : "prod", service, resource, 1 + i % 11));
        }
      }
      out.add(new StatsBucket(T0 + i * 10 * SECOND, 10 * SECOND, groups));
    }
    return out;
  }

  /**
   * The groups read equal, per (env, service, name and, if kept, resource), the entry shares of the
   * stored groups: requests, errors, duration sum, and the weighted sketch counts.
   */
  private static void assertSameTotals(
      List<StatsBucket> read, StatsReader reader, StatsQuery query, Detail detail) {
    Map<String, double[]> expected = new TreeMap<>();
    reader.buckets(query).forEach(b -> b.groups().forEach(g -> add(expected, g, detail)));
    Map<String, double[]> actual = new TreeMap<>();
    read.forEach(b -> b.groups().forEach(g -> add(actual, g, detail)));
    assertThat(actual).hasSameSizeAs(expected).containsOnlyKeys(expected.keySet());
    expected.forEach(
        (key, sums) -> {
          for (int i = 0; i < sums.length; i++) {
            assertThat(actual.get(key)[i])
                .as(key + " sum " + i)
                .isCloseTo(sums[i], within(sums[i]));
          }
        });
  }

  /**
   * Adds a group's entry share: its requests, errors and duration sum times its share, and its
   * sketches' counts times its mean weight (1 for merged groups, up to rounding).
   */
  private static void add(Map<String, double[]> totals, StatsGroup g, Detail detail) {
    if (!(g.topLevelHits() > 0)) {
      return;
    }
    double share = g.hits() > g.topLevelHits() ? g.topLevelHits() / g.hits() : 1;
    double values = count(g.okSketch()) + count(g.errorSketch());
    double[] sums = totals.computeIfAbsent(key(g, detail), k -> new double[5]);
    sums[0] += g.topLevelHits();
    sums[1] += g.errors() * share;
    sums[2] += g.durationSum() * share;
    sums[3] += count(g.okSketch()) * g.topLevelHits() / values;
    sums[4] += count(g.errorSketch()) * g.topLevelHits() / values;
  }

  private static org.assertj.core.data.Offset<Double> within(double value) {
    return org.assertj.core.data.Offset.offset(Math.abs(value) * 1e-9);
  }

  private static String key(StatsGroup g, Detail detail) {
    return g.key().env()
        + "|"
        + g.key().service()
        + (detail == Detail.SERVICE ? "" : "|" + g.key().name())
        + (detail == Detail.RESOURCE ? "|" + g.key().resource() : "");
  }

  private static double count(EncodedSketch sketch) {
    if (sketch.isEmpty()) {
      return 0;
    }
    try {
      return DDSketch.decode(ByteArrayInput.wrap(sketch.bytes()), UnboundedSizeDenseStore::new)
          .getCount();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

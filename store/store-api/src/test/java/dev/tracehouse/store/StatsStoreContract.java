package dev.tracehouse.store;

import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestStats.BUCKET;
import static dev.tracehouse.store.TestStats.CAFE_MAP;
import static dev.tracehouse.store.TestStats.CAFE_STATS;
import static dev.tracehouse.store.TestStats.at;
import static dev.tracehouse.store.TestStats.edge;
import static dev.tracehouse.store.TestStats.group;
import static dev.tracehouse.store.TestStats.sketch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.store.Capabilities.Capability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every store with {@link Capability#STATS} does with stats and service-map buckets. A store's
 * test extends this class and supplies {@link #newStore()}; each test gets a fresh, empty store and
 * closes it afterwards.
 */
public abstract class StatsStoreContract extends StoreContract {

  protected StatsStore stats() {
    return store.stats().orElseThrow();
  }

  protected void write(StatsBucket... buckets) {
    stats().writer().write(List.of(buckets));
  }

  protected void write(ServiceMapBucket... buckets) {
    stats().writer().writeServiceMap(List.of(buckets));
  }

  protected List<StatsBucket> read(StatsQuery query) {
    return stats().reader().buckets(query);
  }

  protected List<ServiceMapBucket> read(ServiceMapQuery query) {
    return stats().reader().serviceMap(query);
  }

  private static final StatsQuery AROUND_T0 = StatsQuery.between(T0, T0 + BUCKET);
  private static final ServiceMapQuery MAP_AROUND_T0 = ServiceMapQuery.between(T0, T0 + BUCKET);

  private static List<String> resources(List<StatsBucket> buckets) {
    return buckets.stream()
        .flatMap(b -> b.groups().stream())
        .map(g -> g.key().env() + "/" + g.key().service() + "/" + g.key().resource())
        .toList();
  }

  private static List<Long> starts(List<StatsBucket> buckets) {
    return buckets.stream().map(StatsBucket::start).toList();
  }

  @Test
  void capabilities_includeStats() {
    assertThat(store.capabilities().has(Capability.STATS)).isTrue();
    assertThat(store.stats()).isPresent();
  }

  @Nested
  class Buckets {
    @Test
    void buckets_returnEveryGroupWithEveryField() {
      write(CAFE_STATS);

      assertThat(read(AROUND_T0))
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.start()).isEqualTo(T0);
                assertThat(b.duration()).isEqualTo(BUCKET);
                assertThat(b.groups()).containsExactlyInAnyOrderElementsOf(CAFE_STATS.groups());
              });
    }

    @Test
    void buckets_emptyStoreGivesEmptyList() {
      assertThat(read(StatsQuery.between(0, Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void buckets_rangeIncludesFromAndExcludesTo() {
      write(at(T0 - BUCKET, CAFE_STATS), at(T0, CAFE_STATS), at(T0 + BUCKET, CAFE_STATS));

      assertThat(starts(read(AROUND_T0))).containsExactly(T0);
      assertThat(starts(read(StatsQuery.between(T0 - 1, T0 + BUCKET + 1))))
          .containsExactly(T0, T0 + BUCKET);
      assertThat(read(StatsQuery.between(T0, T0))).isEmpty();
    }

    @Test
    void buckets_sortedByStartThenDuration() {
      StatsBucket second = new StatsBucket(T0, BUCKET / 10, CAFE_STATS.groups());
      write(at(T0 + BUCKET, CAFE_STATS), CAFE_STATS, second);

      assertThat(read(StatsQuery.between(0, Long.MAX_VALUE)))
          .extracting(StatsBucket::start, StatsBucket::duration)
          .containsExactly(tuple(T0, BUCKET / 10), tuple(T0, BUCKET), tuple(T0 + BUCKET, BUCKET));
    }

    @Test
    void write_sameBucketTwiceKeepsBothWritesInOneBucket() {
      write(CAFE_STATS);
      write(CAFE_STATS);

      List<StatsGroup> twice = new ArrayList<>(CAFE_STATS.groups());
      twice.addAll(CAFE_STATS.groups());
      assertThat(read(AROUND_T0))
          .singleElement()
          .satisfies(b -> assertThat(b.groups()).containsExactlyInAnyOrderElementsOf(twice));
    }

    @Test
    void write_manyBucketsInOneCall() {
      List<StatsBucket> buckets = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        List<StatsGroup> groups = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
          groups.add(group("prod", "svc-" + g, "resource-" + i, i * 20 + g));
        }
        buckets.add(new StatsBucket(T0 + i * BUCKET, BUCKET, groups));
      }
      stats().writer().write(buckets);

      List<StatsBucket> read = read(StatsQuery.between(0, Long.MAX_VALUE));
      assertThat(read).hasSize(50);
      for (int i = 0; i < 50; i++) {
        assertThat(read.get(i).groups())
            .containsExactlyInAnyOrderElementsOf(buckets.get(i).groups());
      }
    }

    @Test
    void write_emptyListOrEmptyBucketStoresNothing() {
      stats().writer().write(List.of());
      write(new StatsBucket(T0, BUCKET, List.of()));

      assertThat(read(StatsQuery.between(0, Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void write_nullBucketIsRejectedNamingItsIndex() {
      List<StatsBucket> withNull = Arrays.asList(CAFE_STATS, null);

      assertThatThrownBy(() -> stats().writer().write(withNull))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("buckets[1]");
      assertThatThrownBy(() -> stats().writer().write(null))
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void buckets_resultBelongsToTheCaller() {
      write(CAFE_STATS);

      List<StatsBucket> first = read(AROUND_T0);
      first.clear();

      assertThat(read(AROUND_T0)).hasSize(1);
    }

    @Test
    void buckets_keepUnusualValues() {
      StatsKey key =
          new StatsKey(
              "prød ✓",
              "it's \"quoted\"",
              "op'; DROP TABLE stats_groups; --",
              "SELECT * FROM t WHERE a = ?",
              "",
              599,
              "",
              "",
              true,
              "",
              StatsKey.TraceRoot.YES);
      StatsGroup odd =
          new StatsGroup(
              key, 0.1 + 0.2, 0, Double.MAX_VALUE, 1e300, EncodedSketch.EMPTY, sketch(5, 65_536));
      write(new StatsBucket(0, 1, List.of(odd)));

      assertThat(read(StatsQuery.between(0, 1)))
          .singleElement()
          .satisfies(b -> assertThat(b.groups()).containsExactly(odd));
    }
  }

  @Nested
  class Entries {
    @Test
    void entries_addUpToTheEntryShareOfTheStoredGroups() {
      for (int i = 0; i < 12; i++) {
        write(
            new StatsBucket(
                T0 + i * BUCKET,
                BUCKET,
                List.of(
                    group("prod", "cafe", "GET /a", 1 + i),
                    group("prod", "cafe", "GET /b", 2 + i),
                    group("", "taster", "GET /a", 3 + i))));
      }
      StatsQuery window = StatsQuery.between(T0 + BUCKET, T0 + 11 * BUCKET).withEnv("prod");

      List<StatsBucket> entries =
          stats().reader().entries(new EntryStatsQuery(window, 0, EntryStatsQuery.Detail.SERVICE));

      assertThat(entries)
          .allSatisfy(b -> assertThat(b.start()).isBetween(T0 + BUCKET, T0 + 10 * BUCKET));
      assertThat(entryTotals(entries))
          .containsExactly(entryTotals(read(window)), org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void entries_ofAnEmptyWindowAreEmpty() {
      write(CAFE_STATS);

      assertThat(
              stats()
                  .reader()
                  .entries(
                      new EntryStatsQuery(
                          StatsQuery.between(0, T0),
                          60_000_000_000L,
                          EntryStatsQuery.Detail.RESOURCE)))
          .isEmpty();
    }

    /** Requests, errors and duration sum of the entry shares. */
    private static double[] entryTotals(List<StatsBucket> buckets) {
      double[] sums = new double[3];
      for (StatsBucket b : buckets) {
        for (StatsGroup g : b.groups()) {
          if (g.topLevelHits() > 0) {
            double share = g.hits() > g.topLevelHits() ? g.topLevelHits() / g.hits() : 1;
            sums[0] += g.topLevelHits();
            sums[1] += g.errors() * share;
            sums[2] += g.durationSum() * share;
          }
        }
      }
      return sums;
    }
  }

  @Nested
  class Filters {
    @BeforeEach
    void writeCafe() {
      write(CAFE_STATS, at(T0 + BUCKET, CAFE_STATS));
    }

    @Test
    void buckets_filterByEnv() {
      assertThat(resources(read(AROUND_T0.withEnv("prod"))))
          .containsExactlyInAnyOrder(
              "prod/cafe/GET /pair/beer", "prod/cafe/best_match", "prod/taster/GET /taste");
    }

    @Test
    void buckets_emptyEnvMatchesOnlyGroupsWithoutEnv() {
      assertThat(resources(read(AROUND_T0.withEnv("")))).containsExactly("/cafe/GET /pair/beer");
    }

    @Test
    void buckets_filterByServiceAndResource() {
      assertThat(resources(read(AROUND_T0.withService("taster"))))
          .containsExactly("prod/taster/GET /taste");
      assertThat(resources(read(AROUND_T0.withResource("GET /pair/beer"))))
          .containsExactlyInAnyOrder("prod/cafe/GET /pair/beer", "/cafe/GET /pair/beer");
      assertThat(resources(read(AROUND_T0.withEnv("prod").withResource("GET /pair/beer"))))
          .containsExactly("prod/cafe/GET /pair/beer");
    }

    @Test
    void buckets_filtersApplyToEveryBucketInRange() {
      assertThat(read(StatsQuery.between(T0, T0 + 2 * BUCKET).withService("taster")))
          .hasSize(2)
          .allSatisfy(b -> assertThat(b.groups()).hasSize(1));
    }

    @Test
    void buckets_noMatchingGroupLeavesTheBucketOut() {
      assertThat(read(AROUND_T0.withService("nobody"))).isEmpty();
      assertThat(read(AROUND_T0.withEnv("staging").withService("cafe"))).isEmpty();
    }
  }

  @Nested
  class ServiceMap {
    @Test
    void serviceMap_returnsEveryEdgeWithEveryField() {
      write(CAFE_MAP);

      assertThat(read(MAP_AROUND_T0))
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.start()).isEqualTo(T0);
                assertThat(b.duration()).isEqualTo(BUCKET);
                assertThat(b.edges()).containsExactlyInAnyOrderElementsOf(CAFE_MAP.edges());
              });
    }

    @Test
    void serviceMap_rangeIncludesFromAndExcludesToSortedByStart() {
      write(at(T0 + BUCKET, CAFE_MAP), at(T0 - BUCKET, CAFE_MAP), CAFE_MAP);

      assertThat(read(ServiceMapQuery.between(T0 - BUCKET, T0 + BUCKET)))
          .extracting(ServiceMapBucket::start)
          .containsExactly(T0 - BUCKET, T0);
    }

    @Test
    void serviceMap_filtersByEnvAndServiceAtEitherEnd() {
      write(CAFE_MAP);

      assertThat(edges(MAP_AROUND_T0.withService("taster")))
          .containsExactlyInAnyOrder(
              edge("prod", "cafe", "taster", 1), edge("", "cafe", "taster", 3));
      assertThat(edges(MAP_AROUND_T0.withService("cafe").withEnv("prod")))
          .containsExactlyInAnyOrder(
              edge("prod", "cafe", "taster", 1), edge("prod", "cafe", "redis", 2));
      assertThat(edges(MAP_AROUND_T0.withEnv(""))).containsExactly(edge("", "cafe", "taster", 3));
      assertThat(read(MAP_AROUND_T0.withService("nobody"))).isEmpty();
    }

    @Test
    void serviceMap_andStatsAreKeptApart() {
      write(CAFE_STATS);
      assertThat(read(MAP_AROUND_T0)).isEmpty();

      write(CAFE_MAP);
      assertThat(read(AROUND_T0)).singleElement().satisfies(b -> assertThat(b.groups()).hasSize(4));
    }

    @Test
    void writeServiceMap_sameBucketTwiceKeepsBoth() {
      write(CAFE_MAP);
      write(CAFE_MAP);

      assertThat(edges(MAP_AROUND_T0)).hasSize(2 * CAFE_MAP.edges().size());
    }

    @Test
    void writeServiceMap_nullBucketIsRejectedNamingItsIndex() {
      List<ServiceMapBucket> withNull = Arrays.asList(null, CAFE_MAP);

      assertThatThrownBy(() -> stats().writer().writeServiceMap(withNull))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("buckets[0]");
    }

    private List<ServiceEdge> edges(ServiceMapQuery query) {
      return read(query).stream().flatMap(b -> b.edges().stream()).toList();
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void write_afterCloseThrowsStoreException() {
      StatsStore stats = stats();
      store.close();

      assertThatThrownBy(() -> stats.writer().write(List.of(CAFE_STATS)))
          .isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> stats.writer().writeServiceMap(List.of(CAFE_MAP)))
          .isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> stats.reader().buckets(AROUND_T0))
          .isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> stats.reader().serviceMap(MAP_AROUND_T0))
          .isInstanceOf(StoreException.class);
    }

    @Test
    void stats_doNotShowUpAsSpans() {
      write(CAFE_STATS);
      write(CAFE_MAP);

      assertThat(store.reader().services()).isEmpty();
    }
  }
}

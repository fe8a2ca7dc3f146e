package dev.tracehouse.store;

import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored stats back, as stored: nothing is merged. Edge cases every implementation honours:
 *
 * <ul>
 *   <li>A bucket is selected by its start: {@code fromNs <= start < toNs}.
 *   <li>Buckets come sorted by start, then duration; one bucket per stored (start, duration),
 *       holding the stored entries that match the filters, in no particular order. A key (or edge)
 *       written several times for the same bucket appears once per write.
 *   <li>A bucket with no matching entry is left out; nothing found gives an empty list.
 *   <li>Results are copies the caller owns (a modifiable list of immutable buckets).
 *   <li>A query the store cannot serve throws {@link UnsupportedQueryException}.
 * </ul>
 */
public interface StatsReader {

  /** Stats buckets whose start is in the query's range, holding the groups that match it. */
  List<StatsBucket> buckets(StatsQuery query);

  /**
   * The service-entry statistics of the query's window for the query layer: what {@link #buckets}
   * returns for the same {@link StatsQuery}, restricted to groups with top-level hits, except that
   * a store may return merges (rollups) of such groups. A merged group stands for the entry share
   * of the groups it replaces and is built so that adding it up gives what adding them up gives:
   *
   * <ul>
   *   <li>{@code hits = topLevelHits = Σ topLevelHits}, {@code errors = Σ errors · share}, {@code
   *       durationSum = Σ durationSum · share}, where a group's share is {@code topLevelHits /
   *       hits} (1 when {@code hits <= topLevelHits});
   *   <li>its sketches hold the values of the merged sketches, each counted with its group's mean
   *       weight {@code topLevelHits / (ok values + error values)}, so they count weighted
   *       requests;
   *   <li>its key carries env, service, and the operation name and resource unless {@link
   *       EntryStatsQuery#detail()} let the store merge them ({@code ""} then); the other key parts
   *       are empty.
   * </ul>
   *
   * <p>A returned bucket lies inside the window (every stored bucket it stands for starts in it)
   * and inside one interval of {@link EntryStatsQuery#alignNs()}. Buckets come sorted by start,
   * then duration. The default returns the stored entry groups, unmerged.
   */
  default List<StatsBucket> entries(EntryStatsQuery query) {
    List<StatsBucket> out = new ArrayList<>();
    for (StatsBucket bucket : buckets(query.stats())) {
      List<StatsGroup> entries =
          bucket.groups().stream().filter(g -> g.topLevelHits() > 0).toList();
      if (!entries.isEmpty()) {
        out.add(new StatsBucket(bucket.start(), bucket.duration(), entries));
      }
    }
    return out;
  }

  /** Service-map buckets whose start is in the query's range, holding the edges that match it. */
  List<ServiceMapBucket> serviceMap(ServiceMapQuery query);
}

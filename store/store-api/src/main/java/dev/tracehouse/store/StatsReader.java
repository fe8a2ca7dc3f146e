package dev.tracehouse.store;

import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
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

  /** Service-map buckets whose start is in the query's range, holding the edges that match it. */
  List<ServiceMapBucket> serviceMap(ServiceMapQuery query);
}

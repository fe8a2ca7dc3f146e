package dev.tracehouse.store;

import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import java.util.List;

/**
 * Stores flushed stats buckets and service-map buckets. Writes are synchronous: when a call
 * returns, what it wrote is visible to readers and as durable as the store is. Stats are flushed
 * every ten seconds, so there is no queue and no {@code flush()}.
 *
 * <p>Rows are appended, never merged: writing a group for a (bucket, key) that is already stored
 * keeps both, and readers return both (merging counts and sketches is the query layer's job).
 * Groups and edges of a bucket with no entries store nothing.
 */
public interface StatsWriter {

  /**
   * Stores every group of every bucket.
   *
   * @throws NullPointerException naming the index of a null bucket
   * @throws StoreException when the store fails or is closed; {@link
   *     StoreException#isOverCapacity()} when a bounded store is full (nothing of this call is
   *     stored then)
   */
  void write(List<StatsBucket> buckets);

  /**
   * Stores every edge of every bucket.
   *
   * @throws NullPointerException naming the index of a null bucket
   * @throws StoreException as {@link #write(List)} does
   */
  void writeServiceMap(List<ServiceMapBucket> buckets);
}

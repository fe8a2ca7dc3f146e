package dev.tracehouse.store;

import static dev.tracehouse.store.TestSpans.T0;

import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.model.StatsKey.TraceRoot;
import java.util.List;
import java.util.Random;

/**
 * Named stats buckets and service-map buckets for store tests. Sketches are opaque bytes to a
 * store, so they are random bytes here (including 0x00 and 0xff), not real DDSketch encodings.
 */
public final class TestStats {

  /** The bucket length: ten seconds in nanoseconds. */
  public static final long BUCKET = 10_000_000_000L;

  /** The stats of the cafe pairing a beer in the bucket starting at {@link TestSpans#T0}. */
  public static final StatsBucket CAFE_STATS =
      new StatsBucket(
          T0,
          BUCKET,
          List.of(
              group("prod", "cafe", "GET /pair/beer", 1),
              group("prod", "cafe", "best_match", 2),
              group("prod", "taster", "GET /taste", 3),
              group("", "cafe", "GET /pair/beer", 4)));

  /** The service map of the cafe in the bucket starting at {@link TestSpans#T0}. */
  public static final ServiceMapBucket CAFE_MAP =
      new ServiceMapBucket(
          T0,
          BUCKET,
          List.of(
              edge("prod", "cafe", "taster", 1),
              edge("prod", "cafe", "redis", 2),
              edge("", "cafe", "taster", 3)));

  private TestStats() {}

  /**
   * A group with every key field and counter set; {@code seed} varies the numbers and sketches. The
   * counts are fractional, as with a sample rate of 0.3.
   */
  public static StatsGroup group(String env, String service, String resource, int seed) {
    StatsKey key =
        new StatsKey(
            env,
            service,
            "web.request",
            resource,
            "web",
            seed % 2 == 0 ? 500 : 200,
            "1.2." + seed,
            seed % 3 == 0 ? "host-" + seed : "",
            seed % 2 == 0,
            "server",
            TraceRoot.values()[seed % 3]);
    double hits = seed * 10 / 3.0;
    return new StatsGroup(
        key, hits, seed / 3.0, hits / 2, hits * 1.5e7, sketch(seed, 40), sketch(-seed, 20));
  }

  /** An edge with every field set; {@code seed} varies the numbers and sketch. */
  public static ServiceEdge edge(String env, String caller, String callee, int seed) {
    return new ServiceEdge(
        env, caller, callee, seed * 4 / 3.0, seed / 3.0, seed * 2e7, sketch(seed, 30));
  }

  /** {@code size} random bytes, starting with 0x00 and 0xff. */
  public static EncodedSketch sketch(int seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    bytes[0] = 0;
    if (size > 1) {
      bytes[1] = (byte) 0xff;
    }
    return new EncodedSketch(bytes);
  }

  /** {@code bucket} moved to start at {@code start}. */
  public static StatsBucket at(long start, StatsBucket bucket) {
    return new StatsBucket(start, bucket.duration(), bucket.groups());
  }

  /** {@code bucket} moved to start at {@code start}. */
  public static ServiceMapBucket at(long start, ServiceMapBucket bucket) {
    return new ServiceMapBucket(start, bucket.duration(), bucket.edges());
  }
}

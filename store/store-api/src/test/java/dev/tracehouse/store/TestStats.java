package dev.tracehouse.store;

import static dev.tracehouse.store.TestSpans.T0;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.model.StatsKey.TraceRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/**
 * Named stats buckets and service-map buckets for store tests, with real DDSketch encodings (a
 * store may decode them to build rollups).
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

  /**
   * The compact encoding of a 1 % DDSketch of {@code values} random durations from 1 µs to about 3
   * min (stores that build rollups decode sketches; others keep the bytes as they are).
   */
  public static EncodedSketch sketch(int seed, int values) {
    DDSketch sketch = DDSketches.unboundedDense(0.01);
    Random random = new Random(seed);
    for (int i = 0; i < values; i++) {
      sketch.accept(Math.exp(7 + 12 * random.nextDouble()));
    }
    GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
    try {
      sketch.encode(out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EncodedSketch(out.trimmedCopy());
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

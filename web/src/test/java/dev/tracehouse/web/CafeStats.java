package dev.tracehouse.web;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.store.StatsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One minute of cafe stats in six 10 s buckets: per bucket one cafe {@code GET /pair/beer} request
 * of 400 + 10·i ms, and four taster {@code GET /taste} requests of 100, 100, 100 and 110 ms, the
 * last an error, each called by the cafe.
 */
final class CafeStats {

  static final long T0_MS = TestTraces.T0 / 1_000_000;
  static final long BUCKET = 10_000_000_000L;
  private static final long MS = 1_000_000L;

  private CafeStats() {}

  /** Writes the minute starting at {@code startNs} (a multiple of 10 s). */
  static void writeTo(StatsStore store, long startNs) {
    List<StatsBucket> buckets = new ArrayList<>();
    List<ServiceMapBucket> edges = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long start = startNs + i * BUCKET;
      long cafe = (400 + 10L * i) * MS;
      buckets.add(
          new StatsBucket(
              start,
              BUCKET,
              List.of(
                  group("cafe", "GET /pair/beer", 1, 0, cafe, sketch(cafe), sketch()),
                  group(
                      "taster",
                      "GET /taste",
                      4,
                      1,
                      410 * MS,
                      sketch(100 * MS, 100 * MS, 100 * MS),
                      sketch(110 * MS)))));
      edges.add(
          new ServiceMapBucket(
              start,
              BUCKET,
              List.of(
                  new ServiceEdge(
                      "prod",
                      "cafe",
                      "taster",
                      4,
                      1,
                      410 * MS,
                      sketch(100 * MS, 100 * MS, 100 * MS, 110 * MS)))));
    }
    store.writer().write(buckets);
    store.writer().writeServiceMap(edges);
  }

  private static StatsGroup group(
      String service,
      String resource,
      double hits,
      double errors,
      double durationSum,
      EncodedSketch ok,
      EncodedSketch failed) {
    StatsKey key =
        new StatsKey(
            "prod", service, "web.request", resource, "web", 200, "", "", false, "server", null);
    return new StatsGroup(key, hits, errors, hits, durationSum, ok, failed);
  }

  private static EncodedSketch sketch(long... durations) {
    DDSketch sketch = DDSketches.logarithmicCollapsingLowestDense(0.01, 2048);
    for (long d : durations) {
      sketch.accept(d);
    }
    if (sketch.isEmpty()) {
      return EncodedSketch.EMPTY;
    }
    GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
    try {
      sketch.encode(out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EncodedSketch(out.trimmedCopy());
  }
}

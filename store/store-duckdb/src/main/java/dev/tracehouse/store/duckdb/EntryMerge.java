package dev.tracehouse.store.duckdb;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.store.EntryStatsQuery.Detail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up entry shares into rollup rows, per (level, period, key), as {@code StatsReader.entries}
 * defines them: stored groups count with their share and their sketch values with the group's mean
 * weight; rollup rows, already weighted, count as they are. Not thread-safe.
 */
final class EntryMerge {

  private record Key(RollupLevel level, long start, StatsKey key) {}

  private static final class Sums {
    double requests;
    double errors;
    double durationSum;
    DDSketch ok;
    DDSketch failed;
    long ingestNs;
  }

  private final Map<Key, Sums> sums = new LinkedHashMap<>();

  /** Adds the entry share of a stored group of the bucket starting at {@code start}. */
  void addGroup(List<RollupLevel> levels, long start, StatsGroup group, long ingestNs) {
    double entries = group.topLevelHits();
    if (!(entries > 0)) {
      return;
    }
    double share = group.hits() > entries ? entries / group.hits() : 1;
    DDSketch ok = decode(group.okSketch(), group);
    DDSketch failed = decode(group.errorSketch(), group);
    double values = count(ok) + count(failed);
    double weight = values > 0 ? entries / values : 0;
    for (RollupLevel level : levels) {
      Sums s = sums(level, start, group.key());
      s.requests += entries;
      s.errors += group.errors() * share;
      s.durationSum += group.durationSum() * share;
      s.ok = addWeighted(s.ok, ok, weight);
      s.failed = addWeighted(s.failed, failed, weight);
      s.ingestNs = Math.max(s.ingestNs, ingestNs);
    }
  }

  /** Adds a rollup row (already weighted) of a finer level into {@code level}. */
  void addRollup(RollupLevel level, long start, StatsGroup merged, long ingestNs) {
    Sums s = sums(level, start, merged.key());
    s.requests += merged.topLevelHits();
    s.errors += merged.errors();
    s.durationSum += merged.durationSum();
    s.ok = addWeighted(s.ok, decode(merged.okSketch(), merged), 1);
    s.failed = addWeighted(s.failed, decode(merged.errorSketch(), merged), 1);
    s.ingestNs = Math.max(s.ingestNs, ingestNs);
  }

  boolean isEmpty() {
    return sums.isEmpty();
  }

  /** The rows added up so far, in the order their keys first appeared. */
  List<RollupRow> rows() {
    List<RollupRow> rows = new ArrayList<>(sums.size());
    sums.forEach(
        (k, s) ->
            rows.add(
                new RollupRow(
                    k.level().resolution,
                    k.start(),
                    k.level().detail,
                    new StatsGroup(
                        k.key(),
                        s.requests,
                        s.errors,
                        s.requests,
                        s.durationSum,
                        encode(s.ok),
                        encode(s.failed)),
                    s.ingestNs)));
    return rows;
  }

  private Sums sums(RollupLevel level, long start, StatsKey key) {
    StatsKey kept =
        RollupTable.key(
            key.env(),
            key.service(),
            level.detail == Detail.SERVICE ? "" : key.name(),
            level.detail == Detail.RESOURCE ? key.resource() : "");
    return sums.computeIfAbsent(new Key(level, level.periodOf(start), kept), k -> new Sums());
  }

  /**
   * {@code target} plus every value of {@code source} counted {@code weight} times; values that are
   * not positive count as zeros (as the query layer reads them). Returns the sketch to keep.
   */
  private static DDSketch addWeighted(DDSketch target, DDSketch source, double weight) {
    if (source == null || source.isEmpty() || !(weight > 0)) {
      return target;
    }
    if (target == null) {
      target = new DDSketch(source.getIndexMapping(), UnboundedSizeDenseStore::new);
    } else if (!target.getIndexMapping().equals(source.getIndexMapping())) {
      source = source.convert(target.getIndexMapping(), UnboundedSizeDenseStore::new);
    }
    DDSketch into = target;
    source
        .getPositiveValueStore()
        .forEach((index, count) -> into.getPositiveValueStore().add(index, count * weight));
    double notPositive = source.getCount() - source.getPositiveValueStore().getTotalCount();
    if (notPositive > 0) {
      into.accept(0, notPositive * weight);
    }
    return into;
  }

  private static double count(DDSketch sketch) {
    return sketch == null ? 0 : sketch.getCount();
  }

  /**
   * @throws IllegalArgumentException naming the group's service, operation and resource when the
   *     bytes are not a DDSketch encoding
   */
  private static DDSketch decode(EncodedSketch encoded, StatsGroup of) {
    if (encoded.isEmpty()) {
      return null;
    }
    try {
      return DDSketch.decode(ByteArrayInput.wrap(encoded.bytes()), UnboundedSizeDenseStore::new);
    } catch (IOException | RuntimeException e) {
      StatsKey key = of.key();
      throw new IllegalArgumentException(
          "a latency sketch of service '"
              + key.service()
              + "', operation '"
              + key.name()
              + "', resource '"
              + key.resource()
              + "' does not decode: "
              + e,
          e);
    }
  }

  private static EncodedSketch encode(DDSketch sketch) {
    if (sketch == null || sketch.isEmpty()) {
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

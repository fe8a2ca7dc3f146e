package dev.tracehouse.query.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import dev.tracehouse.model.EncodedSketch;
import java.io.IOException;
import java.util.Iterator;

/**
 * Weighted latencies merged from stored DDSketches, kept as the sketches' bins: the index mapping
 * of the first sketch added (so the relative accuracy is the one stored, 1 % for our pipeline's
 * sketches), a weighted count per bin, and the weight of zero durations. A sketch stored with
 * another mapping is converted into this one. Negative values (never produced for durations) count
 * as zero. Not thread-safe.
 */
final class Distribution {

  /**
   * Ranks are compared with this relative tolerance, so that {@code 0.95 · 100} (which is {@code
   * 95.00000000000001} in floating point) is rank 95 as in exact arithmetic.
   */
  static final double RANK_TOLERANCE = 1e-9;

  /** What {@link #forEach} hands over: a bin's representative value and its weight. */
  @FunctionalInterface
  interface BinConsumer {
    void accept(double value, double weight);
  }

  private IndexMapping mapping;
  private final Store bins = new UnboundedSizeDenseStore();
  private double zeros;

  /** The sketch behind {@code encoded}; an empty encoding gives {@code null}. */
  static DDSketch decode(EncodedSketch encoded) {
    if (encoded.isEmpty()) {
      return null;
    }
    try {
      return DDSketch.decode(ByteArrayInput.wrap(encoded.bytes()), UnboundedSizeDenseStore::new);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("a stored latency sketch does not decode: " + e, e);
    }
  }

  /** Number of values in {@code sketch} (0 for null). */
  static double count(DDSketch sketch) {
    return sketch == null ? 0 : sketch.getCount();
  }

  /** Adds every value of {@code sketch} (null adds nothing) with weight {@code weight} each. */
  void add(DDSketch sketch, double weight) {
    if (sketch == null || sketch.isEmpty() || !(weight > 0)) {
      return;
    }
    if (mapping == null) {
      mapping = sketch.getIndexMapping();
    } else if (!mapping.equals(sketch.getIndexMapping())) {
      sketch = sketch.convert(mapping, UnboundedSizeDenseStore::new);
    }
    double positive = sketch.getPositiveValueStore().getTotalCount();
    zeros += (sketch.getCount() - positive) * weight;
    sketch.getPositiveValueStore().forEach((index, count) -> bins.add(index, count * weight));
  }

  /** Adds every value of {@code other}. */
  void addAll(Distribution other) {
    if (other.mapping == null) {
      zeros += other.zeros;
      return;
    }
    if (mapping != null && !mapping.equals(other.mapping)) {
      throw new IllegalStateException("distributions with different index mappings");
    }
    mapping = other.mapping;
    zeros += other.zeros;
    bins.mergeWith(other.bins);
  }

  /** A new distribution holding the values of both. */
  static Distribution merged(Distribution a, Distribution b) {
    Distribution sum = new Distribution();
    sum.addAll(a);
    sum.addAll(b);
    return sum;
  }

  /** Total weight of the values. */
  double total() {
    return zeros + bins.getTotalCount();
  }

  boolean isEmpty() {
    return !(total() > 0);
  }

  /**
   * The weighted nearest-rank quantile: the smallest value whose cumulative weight reaches {@code q
   * · total} (for unit weights, the value of rank {@code ceil(q·n)}, the spec's definition), within
   * the sketch's relative accuracy. Null when there are no values.
   */
  Double quantile(double q) {
    if (isEmpty()) {
      return null;
    }
    double target = q * total() * (1 - RANK_TOLERANCE);
    if (zeros > 0 && zeros >= target) {
      return 0.0;
    }
    double cumulative = zeros;
    Iterator<Bin> it = bins.getAscendingIterator();
    Bin bin = null;
    while (it.hasNext()) {
      bin = it.next();
      cumulative += bin.getCount();
      if (cumulative >= target) {
        break;
      }
    }
    return mapping.value(bin.getIndex());
  }

  /** The largest value (within the relative accuracy); null when there are no values. */
  Double max() {
    if (isEmpty()) {
      return null;
    }
    return bins.isEmpty() ? 0.0 : mapping.value(bins.getMaxIndex());
  }

  /** The smallest positive value; null when every value is zero or there are none. */
  Double minPositive() {
    return bins.isEmpty() ? null : mapping.value(bins.getMinIndex());
  }

  /** Every bin with weight, in ascending value order; zero durations first, as value 0. */
  void forEach(BinConsumer consumer) {
    if (zeros > 0) {
      consumer.accept(0, zeros);
    }
    Iterator<Bin> it = bins.getAscendingIterator();
    while (it.hasNext()) {
      Bin bin = it.next();
      if (bin.getCount() > 0) {
        consumer.accept(mapping.value(bin.getIndex()), bin.getCount());
      }
    }
  }
}

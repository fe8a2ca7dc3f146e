package dev.tracehouse.pipeline.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import dev.tracehouse.model.EncodedSketch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The one latency sketch layout of the stats engine: DDSketch with 1 % relative accuracy
 * (logarithmic mapping) and at most {@value #MAX_BINS} bins per store, the lowest collapsed first
 * (2048 bins of 2 % cover 1 ns to far beyond a year, so nothing collapses in practice, but memory
 * stays bounded). Converts to and from {@link EncodedSketch} (sketches-java's compact encoding);
 * sketches with another index mapping (client stats) are converted into this one when decoded.
 */
public final class LatencySketches {
  /** Relative accuracy of every sketch built here. */
  public static final double RELATIVE_ACCURACY = 0.01;

  static final int MAX_BINS = 2048;
  private static final IndexMapping MAPPING = new LogarithmicMapping(RELATIVE_ACCURACY);
  private static final Supplier<Store> STORE = () -> new CollapsingLowestDenseStore(MAX_BINS);

  private LatencySketches() {}

  /** A new, empty sketch in the standard layout. */
  public static DDSketch create() {
    return DDSketches.logarithmicCollapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
  }

  /** The encoded form; an empty sketch gives {@link EncodedSketch#EMPTY}. */
  public static EncodedSketch encode(DDSketch sketch) {
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

  /**
   * The sketch in the standard layout: decoded, then converted when it was encoded with another
   * index mapping (which adds that mapping's error to ours).
   *
   * @throws IllegalArgumentException when the bytes are not an encoded sketch
   */
  public static DDSketch decode(EncodedSketch encoded) {
    if (encoded.isEmpty()) {
      return create();
    }
    DDSketch sketch;
    try {
      sketch = DDSketch.decode(ByteArrayInput.wrap(encoded.bytes()), STORE);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded DDSketch: " + e.getMessage(), e);
    }
    return MAPPING.equals(sketch.getIndexMapping()) ? sketch : sketch.convert(MAPPING, STORE);
  }

  /**
   * The nearest-rank quantile: an estimate of the value of rank {@code ceil(q·n)} (1-based) among
   * the sketch's {@code n} values, the definition of {@code spec/apm-model.md} section 4.1
   * (DDSketch's own {@code getValueAtQuantile} reads rank {@code floor(q·(n-1))}, 0-based, which
   * can be the neighbouring value). Within {@link #RELATIVE_ACCURACY} of the exact value for
   * sketches built here.
   *
   * @throws IllegalArgumentException when q is outside [0, 1] or the sketch is empty
   */
  public static double quantile(DDSketch sketch, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
    }
    double n = sketch.getCount();
    if (sketch.isEmpty()) {
      throw new IllegalArgumentException("no values in the sketch");
    }
    if (n <= 1) {
      return sketch.getValueAtQuantile(0);
    }
    double rank = Math.max(1, Math.ceil(q * n));
    // DDSketch returns the value of the first bin whose cumulative count exceeds q' * (n - 1).
    return sketch.getValueAtQuantile(Math.min(1, (rank - 0.5) / (n - 1)));
  }
}

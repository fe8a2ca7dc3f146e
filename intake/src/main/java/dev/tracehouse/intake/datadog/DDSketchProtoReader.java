package dev.tracehouse.intake.datadog;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.mapping.LinearlyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.mapping.QuadraticallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import dev.tracehouse.model.EncodedSketch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads a protobuf {@code DDSketch} message (DataDog/sketches-java {@code DDSketch.proto}: mapping
 * {gamma, indexOffset, interpolation}, positive and negative stores {binCounts map,
 * contiguousBinCounts, contiguousBinIndexOffset}, zeroCount) and re-encodes it in the compact form
 * of {@link EncodedSketch}, keeping the client's index mapping (no precision lost). Written by hand
 * so that every length, index and count is checked before use: gamma must lie in [1.0001, 4], bin
 * indexes within ±2^20, counts finite and non-negative; each store keeps at most {@value #MAX_BINS}
 * bins (lowest collapsed). Problems throw {@link IllegalArgumentException} naming the protobuf byte
 * offset.
 */
final class DDSketchProtoReader {
  static final int MAX_BINS = 4096;
  private static final int MAX_INDEX = 1 << 20;

  private final byte[] bytes;
  private final int indexShift;
  private int pos;

  private DDSketchProtoReader(byte[] bytes, int indexShift) {
    this.bytes = bytes;
    this.indexShift = indexShift;
  }

  /**
   * The sketch in {@code bytes}; no bytes or a sketch of no values give {@link
   * EncodedSketch#EMPTY}.
   *
   * @param indexShift added to every bin index: -1 for sketches from libraries that index with
   *     {@code ceil(log_gamma(v))} (sketches-js, Python ddsketch) where sketches-java uses {@code
   *     floor}, else 0
   */
  static EncodedSketch read(byte[] bytes, int indexShift) {
    if (bytes.length == 0) {
      return EncodedSketch.EMPTY;
    }
    DDSketch sketch = new DDSketchProtoReader(bytes, indexShift).sketch();
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

  private DDSketch sketch() {
    double gamma = 0;
    double indexOffset = 0;
    long interpolation = 0;
    Bins positive = new Bins();
    Bins negative = new Bins();
    double zeroCount = 0;
    while (pos < bytes.length) {
      int tag = tag();
      switch (tag) {
        case (1 << 3) | 2 -> {
          int end = lengthEnd();
          while (pos < end) {
            int field = tag();
            switch (field) {
              case (1 << 3) | 1 -> gamma = fixedDouble();
              case (2 << 3) | 1 -> indexOffset = fixedDouble();
              case (3 << 3) -> interpolation = varint();
              default -> skip(field, end);
            }
          }
          expectEnd(end);
        }
        case (2 << 3) | 2 -> store(positive);
        case (3 << 3) | 2 -> store(negative);
        case (4 << 3) | 1 -> zeroCount = count(fixedDouble());
        default -> skip(tag, bytes.length);
      }
    }
    IndexMapping mapping = mapping(gamma, indexOffset, interpolation);
    return DDSketch.of(mapping, negative.toStore(), positive.toStore(), zeroCount);
  }

  private IndexMapping mapping(double gamma, double indexOffset, long interpolation) {
    if (!(gamma >= 1.0001 && gamma <= 4)) {
      throw problem("mapping gamma " + gamma + " is outside [1.0001, 4]");
    }
    if (!(Math.abs(indexOffset) <= MAX_INDEX)) {
      throw problem("mapping indexOffset " + indexOffset + " is outside ±2^20");
    }
    return switch ((int) Math.min(interpolation, 4)) {
      case 0 -> new LogarithmicMapping(gamma, indexOffset);
      case 1 -> new LinearlyInterpolatedMapping(gamma, indexOffset);
      case 2 -> new QuadraticallyInterpolatedMapping(gamma, indexOffset);
      case 3 -> new CubicallyInterpolatedMapping(gamma, indexOffset);
      default -> throw problem("unknown mapping interpolation " + interpolation);
    };
  }

  private void store(Bins bins) {
    int end = lengthEnd();
    double[] contiguous = new double[0];
    int used = 0;
    long offset = 0;
    while (pos < end) {
      int field = tag();
      switch (field) {
        case (1 << 3) | 2 -> binEntry(bins);
        case (2 << 3) | 2 -> {
          int packedEnd = lengthEnd();
          if ((packedEnd - pos) % 8 != 0) {
            throw problem("packed contiguousBinCounts length is not a multiple of 8");
          }
          contiguous = grow(contiguous, used + (packedEnd - pos) / 8);
          while (pos < packedEnd) {
            contiguous[used++] = count(fixedDouble());
          }
        }
        case (2 << 3) | 1 -> {
          contiguous = grow(contiguous, used + 1);
          contiguous[used++] = count(fixedDouble());
        }
        case (3 << 3) -> offset = zigZag(varint());
        default -> skip(field, end);
      }
    }
    expectEnd(end);
    for (int i = 0; i < used; i++) {
      bins.add(offset + i, contiguous[i]);
    }
  }

  private void binEntry(Bins bins) {
    int end = lengthEnd();
    long index = 0;
    double count = 0;
    while (pos < end) {
      int field = tag();
      switch (field) {
        case (1 << 3) -> index = zigZag(varint());
        case (2 << 3) | 1 -> count = count(fixedDouble());
        default -> skip(field, end);
      }
    }
    expectEnd(end);
    bins.add(index, count);
  }

  private double count(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw problem("count " + value + " is not a finite non-negative number");
    }
    return value;
  }

  private int tag() {
    long tag = varint();
    if (tag <= 0 || tag > Integer.MAX_VALUE) {
      throw problem("invalid field tag " + tag);
    }
    return (int) tag;
  }

  private long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= bytes.length) {
        throw problem("truncated varint");
      }
      byte b = bytes[pos++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw problem("varint longer than 10 bytes");
  }

  private double fixedDouble() {
    if (bytes.length - pos < 8) {
      throw problem("truncated double");
    }
    long bits = 0;
    for (int i = 7; i >= 0; i--) {
      bits = (bits << 8) | (bytes[pos + i] & 0xff);
    }
    pos += 8;
    return Double.longBitsToDouble(bits);
  }

  /** Reads a length prefix and returns where that field ends. */
  private int lengthEnd() {
    long length = varint();
    if (length < 0 || length > bytes.length - pos) {
      throw problem("length " + length + " exceeds the " + (bytes.length - pos) + " bytes left");
    }
    return pos + (int) length;
  }

  private void skip(int tag, int end) {
    switch ((int) (tag & 7)) {
      case 0 -> varint();
      case 1 -> pos = checkedSkip(8, end);
      case 2 -> pos = lengthEnd();
      case 5 -> pos = checkedSkip(4, end);
      default -> throw problem("unsupported protobuf wire type " + (tag & 7));
    }
    expectWithin(end);
  }

  private int checkedSkip(int size, int end) {
    if (end - pos < size) {
      throw problem("truncated field");
    }
    return pos + size;
  }

  private void expectWithin(int end) {
    if (pos > end) {
      throw problem("field runs past the end of its message");
    }
  }

  private void expectEnd(int end) {
    if (pos != end) {
      throw problem("field runs past the end of its message");
    }
  }

  private IllegalArgumentException problem(String what) {
    return new IllegalArgumentException("protobuf DDSketch byte " + pos + ": " + what);
  }

  private static long zigZag(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static double[] grow(double[] array, int size) {
    return size <= array.length
        ? array
        : Arrays.copyOf(array, Math.max(size, Math.max(16, array.length * 2)));
  }

  /** Bins collected from one store message, index-checked. */
  private final class Bins {
    private final Store store = new CollapsingLowestDenseStore(MAX_BINS);

    void add(long index, double count) {
      if (index < -MAX_INDEX || index > MAX_INDEX) {
        throw problem("bin index " + index + " is outside ±2^20");
      }
      if (count > 0) {
        store.add((int) index + indexShift, count);
      }
    }

    Store toStore() {
      return store;
    }
  }
}

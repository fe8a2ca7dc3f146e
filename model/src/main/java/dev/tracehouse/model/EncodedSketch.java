package dev.tracehouse.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * A latency distribution as opaque bytes: the compact encoding of a sketches-java {@code DDSketch}
 * ({@code encode(output, false)}), which carries its own index mapping. Read it back with {@code
 * DDSketch.decode(ByteArrayInput.wrap(bytes()), storeSupplier)}; never with the protobuf parser,
 * which reads a different format. {@link #EMPTY} (zero bytes) means "no values". The model has no
 * library dependency, hence the bytes.
 *
 * @param bytes the encoded sketch; copied in and out
 */
public record EncodedSketch(byte[] bytes) {
  /** The sketch of no values. */
  public static final EncodedSketch EMPTY = new EncodedSketch(new byte[0]);

  public EncodedSketch {
    bytes = bytes == null ? new byte[0] : bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Whether this is the sketch of no values. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** Number of encoded bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedSketch other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "EncodedSketch[" + Base64.getEncoder().encodeToString(bytes) + "]";
  }
}

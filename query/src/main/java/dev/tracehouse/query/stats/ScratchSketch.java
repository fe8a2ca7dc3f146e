package dev.tracehouse.query.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import dev.tracehouse.model.EncodedSketch;
import java.io.IOException;

/**
 * Decodes stored sketches into one reused sketch, which is several times faster than decoding each
 * into a new one (measured: 180,000 sketches of ~40 bytes, 0.6-1 µs against 3-10 µs each). The
 * sketch returned is valid until the next {@link #load}. Not thread-safe.
 */
final class ScratchSketch {

  private DDSketch sketch;

  /** The values of {@code encoded}; null when it is empty. */
  DDSketch load(EncodedSketch encoded) {
    if (encoded.isEmpty()) {
      return null;
    }
    if (sketch != null) {
      sketch.clear();
      try {
        sketch.decodeAndMergeWith(ByteArrayInput.wrap(encoded.bytes()));
        return sketch;
      } catch (IOException | RuntimeException e) {
        // Another index mapping (or bad bytes, which the full decode below reports).
      }
    }
    DDSketch decoded = Distribution.decode(encoded);
    if (sketch == null) {
      sketch = new DDSketch(decoded.getIndexMapping(), UnboundedSizeDenseStore::new);
    }
    return decoded;
  }
}

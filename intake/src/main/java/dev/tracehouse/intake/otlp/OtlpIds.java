package dev.tracehouse.intake.otlp;

import dev.tracehouse.intake.internal.Hex;
import dev.tracehouse.model.TraceId;

/** OTLP's binary ids: 16-byte trace ids and 8-byte span ids, big-endian. */
final class OtlpIds {
  private OtlpIds() {}

  /** High half = the first 8 bytes, low half = the last 8 bytes. Needs exactly 16 bytes. */
  static TraceId traceId(byte[] bytes) {
    return new TraceId(Hex.toLong(bytes, 0, 8), Hex.toLong(bytes, 8, 8));
  }

  /** Needs exactly 8 bytes. */
  static long spanId(byte[] bytes) {
    return Hex.toLong(bytes, 0, 8);
  }
}

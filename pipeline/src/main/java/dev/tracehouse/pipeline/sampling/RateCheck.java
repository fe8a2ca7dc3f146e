package dev.tracehouse.pipeline.sampling;

/**
 * The deterministic rate check every Datadog sampler shares ({@code spec/apm-model.md} section 7):
 * keep iff {@code (id * 1111111111111111111) mod 2^64 < rate * 2^64}, in unsigned arithmetic. The
 * same id and rate always give the same answer, so a tracer and this agent agree on a trace.
 */
public final class RateCheck {
  private static final long KNUTH_FACTOR = 1111111111111111111L;
  private static final double TWO_TO_64 = 0x1p64;
  private static final double TWO_TO_63 = 0x1p63;

  private RateCheck() {}

  /**
   * Whether an id passes a rate.
   *
   * @param id an unsigned 64-bit id, usually the low half of the trace id
   * @param rate the share to keep; {@code >= 1} keeps all, {@code <= 0} or NaN keeps none
   */
  public static boolean keep(long id, double rate) {
    if (rate >= 1) {
      return true;
    }
    if (!(rate > 0)) {
      return false;
    }
    return Long.compareUnsigned(id * KNUTH_FACTOR, threshold(rate)) < 0;
  }

  /** {@code rate * 2^64} as an unsigned long, for {@code 0 < rate < 1}. */
  private static long threshold(double rate) {
    double scaled = rate * TWO_TO_64;
    return scaled >= TWO_TO_63 ? (long) (scaled - TWO_TO_63) + Long.MIN_VALUE : (long) scaled;
  }
}

package dev.tracehouse.tracer.core;

import java.util.concurrent.TimeUnit;

/**
 * Lets at most {@code perSecond} traces through per one-second window ({@code DD_TRACE_RATE_LIMIT}
 * for rule-kept traces). Only traces a rule keeps reach it, once each, so a lock is cheap enough.
 */
final class RateLimiter {

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int perSecond;
  private final TimeSource time;
  private long windowStart;
  private int allowed;
  private int seen;

  RateLimiter(int perSecond, TimeSource time) {
    this.perSecond = perSecond;
    this.time = time;
    this.windowStart = time.monotonicNanos();
  }

  /** Takes a slot in the current window if one is left. */
  synchronized boolean tryAcquire() {
    long now = time.monotonicNanos();
    if (now - windowStart >= WINDOW_NANOS) {
      windowStart = now;
      allowed = 0;
      seen = 0;
    }
    seen++;
    if (allowed < perSecond) {
      allowed++;
      return true;
    }
    return false;
  }

  /** The share of requests let through in the current window ({@code _dd.limit_psr}). */
  synchronized double effectiveRate() {
    return seen == 0 ? 1 : (double) allowed / seen;
  }
}

package dev.tracehouse.intake.internal;

import dev.tracehouse.intake.ListenerStats;
import java.util.concurrent.atomic.AtomicLong;

/** Not API: thread-safe counters of one listener, read as an {@link ListenerStats} snapshot. */
public final class ListenerCounters {
  private final AtomicLong payloadsReceived = new AtomicLong();
  private final AtomicLong spansReceived = new AtomicLong();
  private final AtomicLong payloadsMalformed = new AtomicLong();
  private final AtomicLong payloadsRejected = new AtomicLong();
  private final AtomicLong payloadsDropped = new AtomicLong();
  private final AtomicLong spansDropped = new AtomicLong();
  private final AtomicLong payloadsShed = new AtomicLong();

  public void received(int spans) {
    payloadsReceived.incrementAndGet();
    spansReceived.addAndGet(spans);
  }

  public void malformed() {
    payloadsMalformed.incrementAndGet();
  }

  public void rejected() {
    payloadsRejected.incrementAndGet();
  }

  public void dropped(int spans) {
    payloadsDropped.incrementAndGet();
    spansDropped.addAndGet(spans);
  }

  /** A payload refused without decoding it because the sink was saturated. */
  public void shed() {
    payloadsShed.incrementAndGet();
  }

  public ListenerStats snapshot() {
    return new ListenerStats(
        payloadsReceived.get(),
        spansReceived.get(),
        payloadsMalformed.get(),
        payloadsRejected.get(),
        payloadsDropped.get(),
        spansDropped.get(),
        payloadsShed.get());
  }
}

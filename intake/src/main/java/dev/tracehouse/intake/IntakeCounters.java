package dev.tracehouse.intake;

import java.util.concurrent.atomic.LongAdder;

/** The live, thread-safe counters behind {@link IntakeStats}. */
final class IntakeCounters {
  private final LongAdder payloadsReceived = new LongAdder();
  private final LongAdder spansReceived = new LongAdder();
  private final LongAdder payloadsMalformed = new LongAdder();
  private final LongAdder payloadsRejected = new LongAdder();
  private final LongAdder payloadsDropped = new LongAdder();
  private final LongAdder spansDropped = new LongAdder();
  private final LongAdder payloadsShed = new LongAdder();
  private final LongAdder tracesShed = new LongAdder();
  private final LongAdder otherPayloads = new LongAdder();
  private final LongAdder statsReceived = new LongAdder();
  private final LongAdder statsDropped = new LongAdder();

  void received(int spans) {
    payloadsReceived.increment();
    spansReceived.add(spans);
  }

  void malformed() {
    payloadsMalformed.increment();
  }

  void rejected() {
    payloadsRejected.increment();
  }

  void dropped(int spans) {
    payloadsDropped.increment();
    spansDropped.add(spans);
  }

  void shed(long traces) {
    payloadsDropped.increment();
    payloadsShed.increment();
    tracesShed.add(traces);
  }

  void discarded() {
    otherPayloads.increment();
  }

  void statsReceived() {
    statsReceived.increment();
  }

  void statsDropped() {
    statsDropped.increment();
  }

  IntakeStats snapshot() {
    return new IntakeStats(
        payloadsReceived.sum(),
        spansReceived.sum(),
        payloadsMalformed.sum(),
        payloadsRejected.sum(),
        payloadsDropped.sum(),
        spansDropped.sum(),
        payloadsShed.sum(),
        tracesShed.sum(),
        otherPayloads.sum(),
        statsReceived.sum(),
        statsDropped.sum());
  }
}

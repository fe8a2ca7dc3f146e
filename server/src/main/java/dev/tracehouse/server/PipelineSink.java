package dev.tracehouse.server;

import dev.tracehouse.intake.ClientStatsSink;
import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.TracePayload;
import dev.tracehouse.pipeline.TraceProcessor;
import dev.tracehouse.store.SpanWriter;
import dev.tracehouse.store.StoreException;
import java.util.List;
import java.util.Map;

/**
 * Connects every intake listener to the pipeline and the pipeline's kept spans to the store. An
 * over-capacity store makes the intake drop and count the payload (its stats are already counted,
 * as the agent counts stats before sampling). While the store's queue has less room than the last
 * payload it took, the sink reports itself saturated and the intake sheds payloads before decoding
 * them (their stats are then lost too, as they are when the Datadog agent refuses a payload).
 */
final class PipelineSink implements SpanSink, ClientStatsSink {
  private final TraceProcessor processor;
  private final SpanWriter writer;
  private volatile int lastKept = 1;

  PipelineSink(TraceProcessor processor, SpanWriter writer) {
    this.processor = processor;
    this.writer = writer;
  }

  @Override
  public boolean accept(TracePayload payload) {
    List<Span> kept = processor.process(payload);
    if (kept.isEmpty()) {
      return true;
    }
    try {
      writer.write(kept);
      lastKept = kept.size();
      return true;
    } catch (StoreException e) {
      if (e.isOverCapacity()) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean saturated() {
    return writer.remainingCapacity() < lastKept;
  }

  @Override
  public Map<String, Double> rateByService() {
    return processor.rateByService();
  }

  @Override
  public boolean accept(ClientStatsPayload stats) {
    processor.addClientStats(stats);
    return true;
  }
}

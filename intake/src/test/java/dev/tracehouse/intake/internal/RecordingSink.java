package dev.tracehouse.intake.internal;

import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.TracePayload;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test sink: keeps every span it accepts, or refuses everything, or is saturated, when told to. */
public final class RecordingSink implements SpanSink {
  public final List<Span> spans = new CopyOnWriteArrayList<>();
  public volatile boolean refuse;
  public volatile boolean saturated;
  public final List<TracePayload> payloads = new CopyOnWriteArrayList<>();

  @Override
  public boolean accept(TracePayload payload) {
    if (refuse) {
      return false;
    }
    payloads.add(payload);
    spans.addAll(payload.spans());
    return true;
  }

  @Override
  public boolean saturated() {
    return saturated;
  }
}

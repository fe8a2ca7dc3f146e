package dev.tracehouse.intake.internal;

import dev.tracehouse.intake.SpanSink;
import dev.tracehouse.model.Span;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test sink: keeps every span it accepts, or refuses everything when told to. */
public final class RecordingSink implements SpanSink {
  public final List<Span> spans = new CopyOnWriteArrayList<>();
  public volatile boolean refuse;

  @Override
  public boolean accept(List<Span> batch) {
    if (refuse) {
      return false;
    }
    spans.addAll(batch);
    return true;
  }
}

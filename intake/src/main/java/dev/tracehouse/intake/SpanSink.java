package dev.tracehouse.intake;

import dev.tracehouse.model.Span;
import java.util.List;

/** Where the intake hands decoded spans. Called concurrently from the HTTP worker threads. */
@FunctionalInterface
public interface SpanSink {

  /**
   * Takes the spans of one payload.
   *
   * @return {@code true} when accepted; {@code false} when overloaded: the payload is dropped and
   *     counted, and the client gets 200 (or 429 if it asked for real statuses)
   */
  boolean accept(List<Span> spans);
}

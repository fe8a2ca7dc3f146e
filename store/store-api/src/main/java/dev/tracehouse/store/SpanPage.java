package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a span search.
 *
 * @param spans the spans, in the search's order
 * @param next where the next page starts; empty when no span follows
 */
public record SpanPage(List<Span> spans, Optional<SpanCursor> next) {
  public SpanPage {
    spans = List.copyOf(spans);
    Objects.requireNonNull(next, "next");
  }
}

package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome for one chunk: the spans to store (each with meta {@value Reason#META_KEY}) and why.
 * A dropped chunk stores nothing; a chunk whose trace was dropped may still store some of its spans
 * alone (reasons {@link Reason#ANALYZED} and {@link Reason#SINGLE_SPAN}).
 *
 * @param reason why the spans are stored; empty when nothing is
 * @param spans the spans to store, unmodifiable, empty when dropped
 */
public record Decision(Optional<Reason> reason, List<Span> spans) {
  private static final Decision DROP = new Decision(Optional.empty(), List.of());

  public Decision {
    Objects.requireNonNull(reason, "reason");
    spans = List.copyOf(spans);
    if (reason.isPresent() == spans.isEmpty()) {
      throw new IllegalArgumentException("a reason goes with stored spans, and only with them");
    }
  }

  static Decision drop() {
    return DROP;
  }

  static Decision keep(Reason reason, List<Span> spans) {
    return new Decision(Optional.of(reason), spans);
  }

  /** Whether anything is stored. */
  public boolean keep() {
    return reason.isPresent();
  }

  /** Whether the whole chunk is stored (not only some of its spans). */
  public boolean keepsWholeChunk() {
    return reason.filter(r -> r != Reason.ANALYZED && r != Reason.SINGLE_SPAN).isPresent();
  }
}

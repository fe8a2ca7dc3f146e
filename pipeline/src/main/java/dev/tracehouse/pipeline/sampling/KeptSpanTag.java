package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.util.List;

/**
 * One more meta entry for every stored span, decided once the samplers know what they keep and
 * written in the same copy of the span as {@value Reason#META_KEY} (the retention filters' {@code
 * _dd.retention_filter}). Implementations see the kept spans without the reason. Thread-safe.
 */
public interface KeptSpanTag {

  /** The meta key. */
  String key();

  /**
   * The value for each of {@code kept} (spans of one chunk the samplers keep), in the same order.
   */
  String[] values(List<Span> kept);
}

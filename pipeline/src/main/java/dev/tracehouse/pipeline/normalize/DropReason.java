package dev.tracehouse.pipeline.normalize;

/**
 * Why the normaliser rejected a whole chunk, as the Datadog agent does (its {@code reason:} tags):
 * one span that cannot be repaired drops its chunk.
 */
public enum DropReason {
  EMPTY_TRACE("empty_trace"),
  TRACE_ID_ZERO("trace_id_zero"),
  SPAN_ID_ZERO("span_id_zero"),
  FOREIGN_SPAN("foreign_span");

  private final String tag;

  DropReason(String tag) {
    this.tag = tag;
  }

  /** The reason as a lower-case tag, stable for metrics and the status page. */
  public String tag() {
    return tag;
  }
}

package dev.tracehouse.pipeline.normalize;

import java.util.Objects;

/**
 * One rejected chunk.
 *
 * @param reason why it was rejected
 * @param spans how many spans the chunk held (all dropped)
 * @param detail a readable message naming the offending span, e.g. {@code "span id is 0 (span 2 of
 *     3, trace 00..2a)"}
 */
public record Rejection(DropReason reason, int spans, String detail) {
  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}

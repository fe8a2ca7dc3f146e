package dev.tracehouse.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a trace search.
 *
 * @param traces the traces, newest first
 * @param next where the next page starts; empty when no trace follows
 */
public record TracePage(List<TraceSummary> traces, Optional<TraceCursor> next) {
  public TracePage {
    traces = List.copyOf(traces);
    Objects.requireNonNull(next, "next");
  }
}

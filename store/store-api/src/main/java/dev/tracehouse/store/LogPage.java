package dev.tracehouse.store;

import dev.tracehouse.model.LogEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a log search.
 *
 * @param logs the logs, in the search's order
 * @param next where the next page starts; empty when no log follows
 */
public record LogPage(List<LogEvent> logs, Optional<LogCursor> next) {
  public LogPage {
    logs = List.copyOf(logs);
    Objects.requireNonNull(next, "next");
  }
}

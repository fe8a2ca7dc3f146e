package dev.tracehouse.query.analytics;

import java.util.Optional;

/**
 * One level of grouping: the facet, how many groups to keep (per parent group), the measure that
 * orders them and its direction, and the group of events lacking the facet ({@code missing}).
 */
record GroupBy(
    Field facet, int limit, SpanAggregate sort, boolean descending, Optional<String> missing) {

  FieldKey key() {
    return new FieldKey(facet, missing);
  }
}

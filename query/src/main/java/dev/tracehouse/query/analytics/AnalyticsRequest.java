package dev.tracehouse.query.analytics;

import dev.tracehouse.model.Span;
import dev.tracehouse.query.SearchFilters;
import dev.tracehouse.query.stats.Durations;
import dev.tracehouse.query.time.TimeRange;
import dev.tracehouse.store.EventFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A validated {@code POST /api/analytics} body ({@code spec/search-syntax.md} 4.5): {@code filter}
 * ({@code query}, {@code from}, {@code to}), {@code compute} (1–10 of {@code aggregation}, {@code
 * metric}, {@code type} total/timeseries, {@code interval}), {@code group_by} (0–4 of {@code
 * facet}, {@code limit} 1–1000 default 10, {@code sort} {@code aggregation}/{@code metric}/{@code
 * order}, {@code missing}). Build it with {@link #parse}.
 *
 * @param filter the spans that count
 * @param window the time window
 * @param computes the requested values
 * @param groupBy the nested groupings
 * @param intervalMs the time bucket width when some compute is a time series
 */
public record AnalyticsRequest(
    EventFilter<Span> filter,
    TimeRange window,
    List<Compute> computes,
    List<GroupBy> groupBy,
    OptionalLong intervalMs) {

  static final int MAX_COMPUTES = 10;
  static final int MAX_GROUP_BY = 4;
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 1000;

  /**
   * Reads and validates a request body given as plain JSON values.
   *
   * @param clock what {@code now} in {@code from}/{@code to} reads
   * @throws IllegalArgumentException whose message starts with the path of the bad field
   */
  public static AnalyticsRequest parse(Object body, Clock clock) {
    if (body == null) {
      throw new IllegalArgumentException("body: expected an object, got null");
    }
    Map<String, Object> root = Requests.object(body, "", Set.of("filter", "compute", "group_by"));
    Map<String, Object> filter =
        Requests.object(root.get("filter"), "filter", Set.of("query", "from", "to"));
    EventFilter<Span> events = query(filter.get("query"));
    TimeRange window =
        prefixed(
            "filter.",
            () -> TimeRange.parse(instant(filter, "from"), instant(filter, "to"), clock));
    List<Compute> computes = computes(root.get("compute"));
    OptionalLong interval = interval(root.get("compute"), computes, window);
    List<GroupBy> groupBy = groupBy(root.get("group_by"), computes.get(0).aggregate());
    return new AnalyticsRequest(events, window, computes, groupBy, interval);
  }

  private static EventFilter<Span> query(Object value) {
    String query = Requests.string(value, "filter.query");
    try {
      return SearchFilters.spans(query == null ? "" : query);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("filter.query: " + e.getMessage(), e);
    }
  }

  /** {@code from}/{@code to}: a string, or a whole number of epoch milliseconds. */
  private static String instant(Map<String, Object> filter, String name) {
    Object value = filter.get(name);
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    return Requests.string(value, "filter." + name);
  }

  private static List<Compute> computes(Object value) {
    List<?> list = Requests.list(value, "compute");
    if (list.size() > MAX_COMPUTES) {
      throw new IllegalArgumentException(
          "compute: at most " + MAX_COMPUTES + " entries, got " + list.size());
    }
    List<Compute> computes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "compute[" + i + "]";
      Map<String, Object> c =
          Requests.object(list.get(i), where, Set.of("aggregation", "metric", "type", "interval"));
      String type =
          Optional.ofNullable(Requests.string(c.get("type"), where + ".type")).orElse("total");
      if (!type.equals("total") && !type.equals("timeseries")) {
        throw new IllegalArgumentException(
            where + ".type: expected total or timeseries, got '" + Requests.shown(type) + "'");
      }
      if (c.get("interval") != null && type.equals("total")) {
        throw new IllegalArgumentException(where + ".interval: only for type timeseries");
      }
      computes.add(new Compute("c" + i, aggregate(c, where, true), type.equals("timeseries")));
    }
    if (computes.isEmpty()) {
      computes.add(new Compute("c0", SpanAggregate.COUNT, false));
    }
    return computes;
  }

  /** The function and measure of {@code where}; {@code required}: the aggregation must be given. */
  private static SpanAggregate aggregate(Map<String, Object> c, String where, boolean required) {
    String name = Requests.string(c.get("aggregation"), where + ".aggregation");
    if (name == null) {
      if (required) {
        throw new IllegalArgumentException(
            where + ".aggregation: missing (" + Statistic.names() + ")");
      }
      return null;
    }
    Statistic statistic =
        Statistic.named(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        where
                            + ".aggregation: unknown '"
                            + Requests.shown(name)
                            + "' (known: "
                            + Statistic.names()
                            + ")"));
    String metric = Requests.string(c.get("metric"), where + ".metric");
    if (statistic == Statistic.COUNT) {
      if (metric != null) {
        throw new IllegalArgumentException(where + ".metric: count takes no metric");
      }
      return SpanAggregate.COUNT;
    }
    if (metric == null) {
      throw new IllegalArgumentException(where + ".metric: missing (" + name + " needs a field)");
    }
    Field field = Field.parse(metric, where + ".metric");
    if (statistic.needsMeasure() && !field.measure()) {
      throw new IllegalArgumentException(
          where
              + ".metric: '"
              + metric
              + "' is not a measure (@duration or a numeric @attribute); only cardinality"
              + " applies to it");
    }
    return new SpanAggregate(statistic, Optional.of(field));
  }

  /** The interval shared by the time series computes; absent when there is none. */
  private static OptionalLong interval(Object value, List<Compute> computes, TimeRange window) {
    OptionalLong interval = OptionalLong.empty();
    String first = null;
    List<?> list = Requests.list(value, "compute");
    for (int i = 0; i < list.size(); i++) {
      if (!computes.get(i).timeseries()) {
        continue;
      }
      String where = "compute[" + i + "].interval";
      Object raw = ((Map<?, ?>) list.get(i)).get("interval");
      if (raw == null) {
        continue;
      }
      long ms = intervalMs(raw, where);
      Rollup.check(window, ms, where);
      if (interval.isPresent() && interval.getAsLong() != ms) {
        throw new IllegalArgumentException(where + ": differs from " + first);
      }
      interval = OptionalLong.of(ms);
      first = where;
    }
    if (interval.isEmpty() && computes.stream().anyMatch(Compute::timeseries)) {
      interval = OptionalLong.of(Rollup.auto(window));
    }
    return interval;
  }

  private static long intervalMs(Object raw, String where) {
    long ms;
    if (raw instanceof Integer || raw instanceof Long) {
      ms = ((Number) raw).longValue();
    } else {
      Duration d = Durations.parse(where, Requests.string(raw, where));
      if (d.toNanos() % 1_000_000 != 0) {
        throw new IllegalArgumentException(where + ": must be a whole number of milliseconds");
      }
      ms = d.toMillis();
    }
    if (ms < 1) {
      throw new IllegalArgumentException(where + ": must be at least 1 ms, got " + ms);
    }
    return ms;
  }

  private static List<GroupBy> groupBy(Object value, SpanAggregate firstCompute) {
    List<?> list = Requests.list(value, "group_by");
    if (list.size() > MAX_GROUP_BY) {
      throw new IllegalArgumentException(
          "group_by: at most " + MAX_GROUP_BY + " facets, got " + list.size());
    }
    List<GroupBy> groups = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "group_by[" + i + "]";
      Map<String, Object> g =
          Requests.object(list.get(i), where, Set.of("facet", "limit", "sort", "missing"));
      String facet = Requests.string(g.get("facet"), where + ".facet");
      if (facet == null) {
        throw new IllegalArgumentException(where + ".facet: missing");
      }
      int limit = Requests.integer(g.get("limit"), where + ".limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
      Map<String, Object> sort =
          Requests.object(g.get("sort"), where + ".sort", Set.of("aggregation", "metric", "order"));
      SpanAggregate by = aggregate(sort, where + ".sort", false);
      if (by == null && sort.get("metric") != null) {
        throw new IllegalArgumentException(where + ".sort.metric: needs sort.aggregation");
      }
      String order =
          Optional.ofNullable(Requests.string(sort.get("order"), where + ".sort.order"))
              .orElse("desc");
      if (!order.equals("asc") && !order.equals("desc")) {
        throw new IllegalArgumentException(
            where + ".sort.order: expected asc or desc, got '" + Requests.shown(order) + "'");
      }
      groups.add(
          new GroupBy(
              Field.parse(facet, where + ".facet"),
              limit,
              by == null ? firstCompute : by,
              order.equals("desc"),
              missing(g.get("missing"), where + ".missing")));
    }
    return groups;
  }

  private static Optional<String> missing(Object value, String where) {
    if (value instanceof Integer || value instanceof Long || value instanceof Double) {
      return Optional.ofNullable(Field.numberText(((Number) value).doubleValue()));
    }
    return Optional.ofNullable(Requests.string(value, where));
  }

  private static <T> T prefixed(String prefix, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + e.getMessage(), e);
    }
  }
}

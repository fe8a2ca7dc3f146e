package dev.tracehouse.query.stats;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import dev.tracehouse.store.EntryStatsQuery;
import dev.tracehouse.store.EntryStatsQuery.Detail;
import dev.tracehouse.store.StatsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Service statistics ({@code spec/apm-model.md} sections 4 and 6) computed from the stored 10 s
 * stats buckets and service-map edges by adding their counters and merging their DDSketches; raw
 * spans are never scanned. Entry stats are read through {@link StatsReader#entries}, so a store may
 * hand over its rollups (ADR 013) instead of every 10 s row. A service's requests are its
 * service-entry (top-level) spans, see {@link Totals#addEntry}. Thread-safe when the reader is;
 * every call reads the store afresh.
 *
 * <p>Invalid arguments throw {@link IllegalArgumentException} whose message starts with the
 * parameter's name.
 */
public final class ServiceStats {

  private final StatsReader reader;
  private final StatsConfig config;

  public ServiceStats(StatsReader reader, StatsConfig config) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Every service with entry spans in the window, most requests first, then by name. */
  public List<Row> services(StatsWindow window) {
    Map<String, Totals> byService = new TreeMap<>();
    for (StatsBucket bucket :
        reader.entries(new EntryStatsQuery(window.statsQuery(), 0, Detail.SERVICE))) {
      for (StatsGroup group : bucket.groups()) {
        if (group.topLevelHits() > 0) {
          byService.computeIfAbsent(group.key().service(), s -> new Totals()).addEntry(group);
        }
      }
    }
    return rows(byService, window, config::apdexFor);
  }

  /**
   * The selection's measures, and the service's entry operations (within the selected resource,
   * whatever the selected operation) with theirs.
   */
  public ServiceOverview service(StatsWindow window, ServiceSelection selection) {
    Map<String, Totals> byOperation =
        entriesBy(window, selection.withOperation(null), Detail.OPERATION, StatsKey::name);
    Totals selected = new Totals();
    byOperation.forEach(
        (operation, totals) -> {
          if (selection.operation().map(operation::equals).orElse(true)) {
            selected.addAll(totals);
          }
        });
    ApdexThreshold apdex = config.apdexFor(selection.service());
    return new ServiceOverview(
        selection.service(),
        selected.measures(window.seconds(), apdex),
        rows(byOperation, window, operation -> apdex));
  }

  /** The selection's resources, most requests first, then by name. */
  public List<Row> resources(StatsWindow window, ServiceSelection selection) {
    ApdexThreshold apdex = config.apdexFor(selection.service());
    return rows(
        entriesBy(window, selection, Detail.RESOURCE, StatsKey::resource),
        window,
        resource -> apdex);
  }

  /**
   * The selection's measures per rollup bucket.
   *
   * @param interval the bucket length (a multiple of 10 s, at most 1,500 buckets); empty for the
   *     smallest of 10s 30s 1m 5m 10m 15m 30m 1h 2h 4h 12h 1d 1w giving at most 150 buckets
   * @throws IllegalArgumentException naming {@code interval} when it is refused
   */
  public TimeSeries timeseries(
      StatsWindow window, ServiceSelection selection, Optional<Duration> interval) {
    Rollup rollup = interval.map(i -> Rollup.of(window, i)).orElseGet(() -> Rollup.auto(window));
    Totals[] buckets = new Totals[rollup.count()];
    forEachEntry(
        window,
        selection,
        new EntryStatsQuery(
            selection.query(window), rollup.intervalMs() * 1_000_000, detailOf(selection)),
        (start, group) -> {
          int index = rollup.index(start);
          if (index >= 0) {
            if (buckets[index] == null) {
              buckets[index] = new Totals();
            }
            buckets[index].addEntry(group);
          }
        });
    ApdexThreshold apdex = config.apdexFor(selection.service());
    double seconds = rollup.intervalMs() / 1000.0;
    List<TimeSeries.Point> points = new ArrayList<>(buckets.length);
    for (int i = 0; i < buckets.length; i++) {
      Totals totals = buckets[i] == null ? new Totals() : buckets[i];
      points.add(new TimeSeries.Point(rollup.startMs(i), totals.measures(seconds, apdex)));
    }
    return new TimeSeries(rollup.intervalMs(), points);
  }

  /**
   * The selection's latency histogram.
   *
   * @param bins number of log-scale bins, 1 to {@value LatencyHistogram#MAX_BINS}
   * @throws IllegalArgumentException naming {@code bins} when out of range
   */
  public LatencyHistogram latency(StatsWindow window, ServiceSelection selection, int bins) {
    if (bins < 1 || bins > LatencyHistogram.MAX_BINS) {
      throw new IllegalArgumentException(
          "bins: must be between 1 and " + LatencyHistogram.MAX_BINS + ", got " + bins);
    }
    Totals totals = new Totals();
    entriesBy(window, selection, detailOf(selection), key -> "").values().forEach(totals::addAll);
    return new LatencyHistogram(
        LatencyHistogram.bins(totals, bins),
        totals.measures(window.seconds(), config.apdexFor(selection.service())));
  }

  /**
   * Where the service's request time goes. Approximation of the execution-time breakdown of {@code
   * spec/apm-model.md} section 4.4, from what is stored: the time spent in a called service is the
   * weighted sum of its spans' durations whose parent belongs to this service (service-map edges,
   * all operations); the rest of the service's entry-span time is its own. A callee's time includes
   * the services it calls in turn, and calls made in parallel overlap: when the callees' time
   * exceeds the service's, percentages are taken of the callees' sum and the own time is 0.
   */
  public Downstream downstream(StatsWindow window, String service) {
    ServiceSelection selection = ServiceSelection.of(service);
    Totals own = new Totals();
    entriesBy(window, selection, Detail.SERVICE, key -> "").values().forEach(own::addAll);
    Map<String, Totals> callees = new TreeMap<>();
    for (ServiceMapBucket bucket :
        reader.serviceMap(window.serviceMapQuery().withService(service))) {
      for (ServiceEdge edge : bucket.edges()) {
        if (edge.caller().equals(service)) {
          callees.computeIfAbsent(edge.callee(), s -> new Totals()).addEdge(edge);
        }
      }
    }
    double calleeTime = callees.values().stream().mapToDouble(Totals::durationSum).sum();
    double accounted = Math.max(own.durationSum(), calleeTime);
    double selfTime = Math.max(0, own.durationSum() - calleeTime);
    List<Downstream.Callee> list = new ArrayList<>();
    callees.forEach(
        (callee, t) ->
            list.add(
                new Downstream.Callee(
                    callee,
                    t.requests(),
                    t.errors(),
                    t.durationSum(),
                    own.requests() > 0 ? t.durationSum() / own.requests() : null,
                    percent(t.durationSum(), accounted),
                    t.requests() > 0 ? t.durationSum() / t.requests() : null,
                    t.latency().quantile(0.95))));
    list.sort(Comparator.comparingDouble(Downstream.Callee::totalTime).reversed());
    return new Downstream(
        service, own.requests(), own.durationSum(), selfTime, percent(selfTime, accounted), list);
  }

  /**
   * The service map: every service and edge of the window, or, with {@code focus}, the edges from
   * and to that service and the services at their ends.
   */
  public ServiceMap serviceMap(StatsWindow window, Optional<String> focus) {
    Map<List<String>, Totals> edges = new TreeMap<>(ServiceStats::compareEdgeKeys);
    for (ServiceMapBucket bucket :
        reader.serviceMap(window.serviceMapQuery().withService(focus.orElse(null)))) {
      for (ServiceEdge edge : bucket.edges()) {
        edges
            .computeIfAbsent(List.of(edge.caller(), edge.callee()), k -> new Totals())
            .addEdge(edge);
      }
    }
    Set<String> names = new TreeSet<>();
    focus.ifPresent(names::add);
    edges.keySet().forEach(names::addAll);
    Map<String, Totals> services = new TreeMap<>();
    for (StatsBucket bucket :
        reader.entries(new EntryStatsQuery(window.statsQuery(), 0, Detail.SERVICE))) {
      for (StatsGroup group : bucket.groups()) {
        String service = group.key().service();
        if (group.topLevelHits() > 0 && (focus.isEmpty() || names.contains(service))) {
          services.computeIfAbsent(service, s -> new Totals()).addEntry(group);
        }
      }
    }
    names.addAll(services.keySet());
    List<ServiceMap.Node> nodes = new ArrayList<>();
    for (String name : names) {
      Totals totals = services.getOrDefault(name, new Totals());
      nodes.add(
          new ServiceMap.Node(name, totals.measures(window.seconds(), config.apdexFor(name))));
    }
    List<ServiceMap.Edge> edgeList = new ArrayList<>();
    edges.forEach(
        (key, totals) ->
            edgeList.add(
                ServiceMap.Edge.of(
                    key.get(0), key.get(1), totals.measures(window.seconds(), null))));
    return new ServiceMap(nodes, edgeList);
  }

  /**
   * The selection's entry groups in the window, summed per {@code by} of their key, which may only
   * read the key parts of {@code detail}.
   */
  private Map<String, Totals> entriesBy(
      StatsWindow window,
      ServiceSelection selection,
      Detail detail,
      Function<StatsKey, String> by) {
    Map<String, Totals> out = new TreeMap<>();
    forEachEntry(
        window,
        selection,
        new EntryStatsQuery(selection.query(window), 0, detail),
        (start, group) ->
            out.computeIfAbsent(by.apply(group.key()), k -> new Totals()).addEntry(group));
    return out;
  }

  /**
   * Hands over the selection's entry groups read by {@code query} (the selection's window and
   * filters) with their bucket's start (ns).
   */
  private void forEachEntry(
      StatsWindow window,
      ServiceSelection selection,
      EntryStatsQuery query,
      BiConsumer<Long, StatsGroup> consumer) {
    for (StatsBucket bucket : reader.entries(query)) {
      for (StatsGroup group : bucket.groups()) {
        if (group.topLevelHits() > 0 && selection.matches(group.key())) {
          consumer.accept(bucket.start(), group);
        }
      }
    }
  }

  /** The detail a selection's groups need: the operation when it selects one. */
  private static Detail detailOf(ServiceSelection selection) {
    return selection.operation().isPresent() ? Detail.OPERATION : Detail.SERVICE;
  }

  private static List<Row> rows(
      Map<String, Totals> byName, StatsWindow window, Function<String, ApdexThreshold> apdex) {
    List<Row> rows = new ArrayList<>(byName.size());
    byName.forEach(
        (name, totals) ->
            rows.add(new Row(name, totals.measures(window.seconds(), apdex.apply(name)))));
    rows.sort(
        Comparator.comparingDouble((Row r) -> r.measures().requests())
            .reversed()
            .thenComparing(Row::name));
    return rows;
  }

  private static double percent(double part, double whole) {
    return whole > 0 ? 100 * part / whole : 0;
  }

  private static int compareEdgeKeys(List<String> a, List<String> b) {
    int byCaller = a.get(0).compareTo(b.get(0));
    return byCaller != 0 ? byCaller : a.get(1).compareTo(b.get(1));
  }
}

package dev.tracehouse.query.stats;

import static dev.tracehouse.query.stats.GeneratedWorkload.HOUR_MS;
import static dev.tracehouse.query.stats.GeneratedWorkload.T0_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracehouse.query.stats.Workload.Call;
import dev.tracehouse.query.stats.Workload.Request;
import dev.tracehouse.store.SpanStore;
import dev.tracehouse.store.StatsStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Service statistics over a store holding {@link GeneratedWorkload}'s hour, checked against exact
 * answers computed from the raw values: counts exact, latencies within 1 % of the exact weighted
 * nearest rank, Apdex exact. Each store's test supplies {@link #newStore()}; the store is filled
 * once per class, since every test only reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceStatsContract {

  static final Workload WORKLOAD = GeneratedWorkload.generate(42);
  static final StatsWindow HOUR = new StatsWindow(T0_MS, T0_MS + HOUR_MS, Optional.of("prod"));

  private SpanStore store;
  ServiceStats stats;

  /** A new, empty store with stats. */
  protected abstract SpanStore newStore();

  @BeforeAll
  void fill() {
    store = newStore();
    StatsStore statsStore = store.stats().orElseThrow();
    statsStore.writer().write(WORKLOAD.buckets());
    statsStore.writer().writeServiceMap(WORKLOAD.edges());
    stats = new ServiceStats(statsStore.reader(), GeneratedWorkload.CONFIG);
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void services_listEntryServicesByRequestsWithTheirMeasures() {
    List<Row> rows = stats.services(HOUR);

    assertThat(rows).extracting(Row::name).containsExactly("web", "api");
    assertMeasures(rows.get(0).measures(), entries("web"), HOUR.seconds(), 25_000_000L);
    assertMeasures(rows.get(1).measures(), entries("api"), HOUR.seconds(), 500_000_000L);
  }

  @Test
  void services_withoutEnvCountEveryEnvironment() {
    List<Row> rows = stats.services(StatsWindow.of(T0_MS, T0_MS + HOUR_MS));

    List<Request> web = WORKLOAD.select(r -> r.service().equals("web") && r.topLevel());
    assertThat(rows.get(0).name()).isEqualTo("web");
    assertMeasures(rows.get(0).measures(), web, HOUR.seconds(), 25_000_000L);
  }

  @Test
  void services_countOnlyBucketsStartingInTheWindow() {
    StatsWindow secondHalf =
        new StatsWindow(T0_MS + HOUR_MS / 2, T0_MS + HOUR_MS, Optional.of("prod"));

    Row api =
        stats.services(secondHalf).stream()
            .filter(r -> r.name().equals("api"))
            .findFirst()
            .orElseThrow();

    List<Request> exact =
        select(r -> r.service().equals("api") && r.endNs() >= (T0_MS + HOUR_MS / 2) * 1_000_000);
    assertMeasures(api.measures(), exact, secondHalf.seconds(), 500_000_000L);
  }

  @Test
  void service_listsEntryOperationsAndNarrowsToOne() {
    ServiceOverview all = stats.service(HOUR, ServiceSelection.of("web"));
    ServiceOverview servlet =
        stats.service(HOUR, ServiceSelection.of("web").withOperation("servlet.request"));

    assertThat(all.operations())
        .extracting(Row::name)
        .containsExactly("servlet.request", "kafka.consume");
    assertMeasures(all.measures(), entries("web"), HOUR.seconds(), 25_000_000L);
    List<Request> exact = select(r -> isWebServlet(r));
    assertMeasures(servlet.measures(), exact, HOUR.seconds(), 25_000_000L);
    assertThat(servlet.operations()).isEqualTo(all.operations());
  }

  @Test
  void resources_haveWeightedMeasuresEach() {
    List<Row> rows =
        stats.resources(HOUR, ServiceSelection.of("web").withOperation("servlet.request"));

    assertThat(rows).extracting(Row::name).containsExactly("POST /c", "GET /b", "GET /a");
    for (Row row : rows) {
      List<Request> exact = select(r -> isWebServlet(r) && r.resource().equals(row.name()));
      assertMeasures(row.measures(), exact, HOUR.seconds(), 25_000_000L);
    }
  }

  @Test
  void timeseries_givenIntervalHasOnePointPerAlignedBucket() {
    ServiceSelection getB = ServiceSelection.of("web").withResource("GET /b");

    TimeSeries series = stats.timeseries(HOUR, getB, Optional.of(Duration.ofMinutes(5)));

    assertThat(series.intervalMs()).isEqualTo(300_000);
    assertThat(series.points()).hasSize(12);
    for (int i = 0; i < 12; i++) {
      TimeSeries.Point point = series.points().get(i);
      long start = T0_MS + i * 300_000L;
      assertThat(point.time()).isEqualTo(start);
      List<Request> exact =
          select(
              r ->
                  isWebServlet(r)
                      && r.resource().equals("GET /b")
                      && r.endNs() / 1_000_000 >= start
                      && r.endNs() / 1_000_000 < start + 300_000);
      assertMeasures(point.measures(), exact, 300, 25_000_000L);
    }
  }

  @Test
  void timeseries_automaticIntervalOverAnHourIsThirtySeconds() {
    TimeSeries series = stats.timeseries(HOUR, ServiceSelection.of("api"), Optional.empty());

    assertThat(series.intervalMs()).isEqualTo(30_000);
    assertThat(series.points()).hasSize(120);
    assertThat(series.points().stream().mapToDouble(p -> p.measures().requests()).sum())
        .isEqualTo(Workload.weight(entries("api")));
  }

  @Test
  void latency_binsAddUpToTheRequests() {
    ServiceSelection api = ServiceSelection.of("api");

    LatencyHistogram histogram = stats.latency(HOUR, api, 20);

    List<Request> exact = entries("api");
    assertThat(histogram.bins()).hasSize(20);
    assertThat(histogram.bins().stream().mapToDouble(LatencyHistogram.Bin::count).sum())
        .isCloseTo(Workload.weight(exact), within(1e-6));
    assertThat(histogram.bins().stream().mapToDouble(LatencyHistogram.Bin::errors).sum())
        .isCloseTo(Workload.errors(exact), within(1e-6));
    for (int i = 1; i < 20; i++) {
      assertThat(histogram.bins().get(i).from()).isEqualTo(histogram.bins().get(i - 1).to());
    }
    assertWithinOnePercent(histogram.bins().get(0).from(), min(exact));
    assertWithinOnePercent(histogram.bins().get(19).to(), Workload.quantile(exact, 1));
    assertMeasures(histogram.measures(), exact, HOUR.seconds(), 500_000_000L);
  }

  @Test
  void downstream_splitsTheServiceTimeByCallee() {
    Downstream web = stats.downstream(HOUR, "web");

    List<Request> own = entries("web");
    double ownTime = Workload.durationSum(own);
    List<Call> toApi = calls("web", "api");
    List<Call> toPostgres = calls("web", "postgres");
    double calleeTime = callTime(toApi) + callTime(toPostgres);
    assertThat(web.requests()).isEqualTo(Workload.weight(own));
    assertThat(web.totalTime()).isEqualTo(ownTime);
    assertThat(web.callees()).extracting(Downstream.Callee::service).contains("api", "postgres");
    Downstream.Callee api =
        web.callees().stream().filter(c -> c.service().equals("api")).findFirst().orElseThrow();
    assertThat(api.calls()).isEqualTo(toApi.stream().mapToDouble(Call::weight).sum());
    assertThat(api.totalTime()).isEqualTo(callTime(toApi));
    assertThat(api.percentOfTime()).isCloseTo(100 * callTime(toApi) / ownTime, within(1e-9));
    assertThat(api.avgTimePerRequest())
        .isCloseTo(callTime(toApi) / Workload.weight(own), within(1e-6));
    assertWithinOnePercent(api.p95(), callQuantile(toApi, 0.95));
    assertThat(web.selfTime()).isCloseTo(ownTime - calleeTime, within(1.0));
    assertThat(web.selfPercent() + web.callees().stream().mapToDouble(c -> c.percentOfTime()).sum())
        .isCloseTo(100, within(1e-9));
  }

  @Test
  void serviceMap_hasEveryServiceAndEdge() {
    ServiceMap map = stats.serviceMap(HOUR, Optional.empty());

    assertThat(map.nodes())
        .extracting(ServiceMap.Node::service)
        .containsExactly("api", "postgres", "web");
    ServiceMap.Node postgres = map.nodes().get(1);
    assertThat(postgres.measures().requests()).isZero();
    assertThat(postgres.measures().p50()).isNull();
    assertMeasures(map.nodes().get(2).measures(), entries("web"), HOUR.seconds(), 25_000_000L);
    assertThat(map.edges())
        .extracting(e -> e.caller() + ">" + e.callee())
        .containsExactly("api>postgres", "web>api", "web>postgres");
    for (ServiceMap.Edge edge : map.edges()) {
      List<Call> exact = calls(edge.caller(), edge.callee());
      assertThat(edge.calls()).isEqualTo(exact.stream().mapToDouble(Call::weight).sum());
      assertThat(edge.errors())
          .isEqualTo(exact.stream().filter(Call::error).mapToDouble(Call::weight).sum());
      assertWithinOnePercent(edge.p50(), callQuantile(exact, 0.5));
      assertWithinOnePercent(edge.p99(), callQuantile(exact, 0.99));
    }
  }

  @Test
  void serviceMap_focusKeepsTheServiceAndItsNeighbours() {
    ServiceMap map = stats.serviceMap(HOUR, Optional.of("api"));

    assertThat(map.nodes())
        .extracting(ServiceMap.Node::service)
        .containsExactly("api", "postgres", "web");
    assertThat(map.edges())
        .extracting(e -> e.caller() + ">" + e.callee())
        .containsExactly("api>postgres", "web>api");
  }

  @Test
  void services_emptyWindowHasNoRows() {
    assertThat(stats.services(StatsWindow.of(T0_MS - HOUR_MS, T0_MS))).isEmpty();
    assertThat(stats.service(StatsWindow.of(T0_MS - HOUR_MS, T0_MS), ServiceSelection.of("web")))
        .satisfies(o -> assertThat(o.measures().requests()).isZero())
        .satisfies(o -> assertThat(o.measures().p99()).isNull())
        .satisfies(o -> assertThat(o.operations()).isEmpty());
  }

  static void assertMeasures(Measures m, List<Request> exact, double seconds, long apdexNs) {
    double requests = Workload.weight(exact);
    assertThat(m.requests()).isEqualTo(requests);
    assertThat(m.errors()).isEqualTo(Workload.errors(exact));
    assertThat(m.totalTime()).isEqualTo(Workload.durationSum(exact));
    assertThat(m.requestsPerSecond()).isCloseTo(requests / seconds, within(1e-9));
    if (exact.isEmpty()) {
      assertThat(m.p50()).isNull();
      return;
    }
    assertThat(m.errorRate()).isCloseTo(Workload.errors(exact) / requests, within(1e-12));
    assertThat(m.avg()).isCloseTo(Workload.durationSum(exact) / requests, within(1e-3));
    assertWithinOnePercent(m.p50(), Workload.quantile(exact, 0.50));
    assertWithinOnePercent(m.p75(), Workload.quantile(exact, 0.75));
    assertWithinOnePercent(m.p90(), Workload.quantile(exact, 0.90));
    assertWithinOnePercent(m.p95(), Workload.quantile(exact, 0.95));
    assertWithinOnePercent(m.p99(), Workload.quantile(exact, 0.99));
    assertWithinOnePercent(m.max(), Workload.quantile(exact, 1));
    assertThat(m.apdex()).isCloseTo(Workload.apdex(exact, apdexNs), within(1e-12));
  }

  static void assertWithinOnePercent(double actual, double exact) {
    assertThat(actual).isCloseTo(exact, within(exact * 0.01 + 1e-9));
  }

  private static List<Request> entries(String service) {
    return select(r -> r.service().equals(service) && r.topLevel());
  }

  private static List<Request> select(Predicate<Request> filter) {
    return WORKLOAD.select(r -> r.env().equals("prod") && filter.test(r));
  }

  private static boolean isWebServlet(Request r) {
    return r.service().equals("web") && r.operation().equals("servlet.request");
  }

  private static List<Call> calls(String caller, String callee) {
    return WORKLOAD.selectCalls(
        c -> c.env().equals("prod") && c.caller().equals(caller) && c.callee().equals(callee));
  }

  private static double callTime(List<Call> calls) {
    return calls.stream().mapToDouble(c -> c.weight() * c.duration()).sum();
  }

  private static double callQuantile(List<Call> calls, double q) {
    return Workload.quantile(
        calls.stream()
            .map(
                c ->
                    new Request(
                        c.env(),
                        c.callee(),
                        "",
                        "",
                        c.endNs(),
                        c.duration(),
                        c.error(),
                        c.weight(),
                        true))
            .toList(),
        q);
  }

  private static double min(List<Request> requests) {
    return requests.stream().mapToLong(Request::duration).min().orElseThrow();
  }
}
